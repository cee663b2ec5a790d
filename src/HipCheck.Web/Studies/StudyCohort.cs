using HipCheck.Core.Athletes;
using HipCheck.Core.Injuries;
using HipCheck.Core.Measurement;
using HipCheck.Core.Studies;
using HipCheck.Web.Data;
using HipCheck.Web.Screenings;
using HipCheck.Web.Surveillance;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Studies;

/// <summary>An enrolled athlete left out of the analysis, and why.</summary>
public sealed record CohortExclusion(string Code, string Reason);

/// <summary>The study's cohort: one row per analysed athlete (pseudonymous codes only), plus who was left out.</summary>
public sealed record StudyCohortData(Study Study, EventDefinition Event, IReadOnlyList<CohortRow> Rows, IReadOnlyList<CohortExclusion> Excluded, int Enrolled, DateOnly? ObservedUntil);

/// <summary>
/// Builds a study's cohort from the database, the way the study defined it up front:
/// the baseline is the latest screening with hip extension inside the baseline window; for a prospective study
/// follow-up runs from the baseline lock for the planned days (or until today / the data lock if sooner) and the
/// event is the first injury matching the study's definition in that period; for a retrospective study the
/// window is the planned days before the baseline screening. Withdrawn athletes are left out.
/// </summary>
public sealed class StudyCohortBuilder(HipCheckDb db, TimeProvider clock)
{
    public async Task<StudyCohortData> BuildAsync(Study study, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        var definition = EventDefinitions.Find(study.EventCode)
            ?? throw new InvalidOperationException($"Study {study.Id} has an unknown event '{study.EventCode}'.");
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Athlete)
            .Where(e => e.StudyId == study.Id).OrderBy(e => e.Code).ToListAsync(ct);
        var active = enrolments.Where(e => e.WithdrawnUtc is null).ToList();
        var ids = active.Select(e => e.AthleteId).ToList();
        var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests)
            .Where(s => ids.Contains(s.AthleteId) && s.Date >= study.BaselineStart && s.Date <= study.BaselineEnd)
            .ToListAsync(ct);
        var injuries = definition.Source == EventSource.Injuries
            ? await db.Injuries.AsNoTracking().Where(i => ids.Contains(i.AthleteId)).ToListAsync(ct)
            : [];
        // A check-in event (OSTRC substantial problem) is dated by the Monday of the week reported on.
        var checkinEvents = definition.Source == EventSource.Checkins
            ? (await db.Checkins.AsNoTracking().Include(c => c.Areas).Where(c => ids.Contains(c.AthleteId)).ToListAsync(ct))
                .Where(c => c.Areas.Any(a => definition.MatchesCheckin!(new CheckinFacts(c.WeekStart, a.Area, a.Score))))
                .Select(c => (c.AthleteId, Date: c.WeekStart)).ToList()
            : [];

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var observedUntil = study.FollowUpStart is { } start
            ? Min(start.AddDays(study.FollowUpDays), study.DataLockedUtc is { } locked ? DateOnly.FromDateTime(locked) : today)
            : (DateOnly?)null;

        var rows = new List<CohortRow>();
        var excluded = enrolments.Where(e => e.WithdrawnUtc is not null)
            .Select(e => new CohortExclusion(e.Code, "withdrew from the study")).ToList();
        foreach (var enrolment in active)
        {
            var baseline = screenings.Where(s => s.AthleteId == enrolment.AthleteId && s.Tests.Any(t => t.TestCode == TestCatalogue.HipExtension.Code))
                .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedUtc).FirstOrDefault();
            if (baseline is null)
            {
                excluded.Add(new CohortExclusion(enrolment.Code, "no baseline screening with hip extension inside the baseline window"));
                continue;
            }

            DateOnly from, to;
            if (study.Design == StudyDesign.ProspectiveCohort)
            {
                if (study.FollowUpStart is not { } followUpStart || observedUntil is not { } until || until <= followUpStart)
                {
                    excluded.Add(new CohortExclusion(enrolment.Code, "follow-up has not started yet"));
                    continue;
                }

                (from, to) = (followUpStart, until);
            }
            else
            {
                (from, to) = (baseline.Date.AddDays(-study.FollowUpDays), baseline.Date);
            }

            var firstEvent = injuries
                .Where(i => i.AthleteId == enrolment.AthleteId && i.OnsetDate >= from && i.OnsetDate <= to)
                .Where(i => definition.Matches(new InjuryFacts(i.Region, i.Diagnosis, i.Mechanism, i.NeededTreatment, i.DaysLost, i.OnsetDate, i.Activity)))
                .Select(i => (DateOnly?)i.OnsetDate)
                .Concat(checkinEvents.Where(c => c.AthleteId == enrolment.AthleteId && c.Date >= from && c.Date <= to).Select(c => (DateOnly?)c.Date))
                .Min();
            var followUp = to.DayNumber - from.DayNumber;
            rows.Add(Row(enrolment, baseline, followUp, firstEvent is { } first ? first.DayNumber - from.DayNumber : null));
        }

        return new StudyCohortData(study, definition, rows, excluded, active.Count, observedUntil);
    }

    private static CohortRow Row(Enrolment enrolment, Screening baseline, int followUpDays, int? daysToEvent)
    {
        double Mean(string test, Func<ScreeningTest, List<double>> side) =>
            baseline.Tests.FirstOrDefault(t => t.TestCode == test) is { } t && side(t) is { Count: > 0 } trials ? trials.Average() : double.NaN;

        var back = baseline.Tests.FirstOrDefault(t => t.TestCode == TestCatalogue.BackExtensionEndurance.Code)?.Seconds ?? double.NaN;
        return new CohortRow(
            enrolment.Code,
            enrolment.Athlete!.Sex == Sex.Female,
            baseline.BodyMassKg,
            Mean(TestCatalogue.HipExtension.Code, t => t.LeftTrials),
            Mean(TestCatalogue.HipExtension.Code, t => t.RightTrials),
            Mean(TestCatalogue.HipAbduction.Code, t => t.LeftTrials),
            Mean(TestCatalogue.HipAbduction.Code, t => t.RightTrials),
            back,
            followUpDays,
            daysToEvent is not null,
            daysToEvent ?? followUpDays);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
