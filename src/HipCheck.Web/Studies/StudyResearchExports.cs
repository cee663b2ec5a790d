using HipCheck.Core.Studies.Exports;
using HipCheck.Web.Data;
using HipCheck.Web.Screenings;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Studies;

/// <summary>
/// Loads a study's athletes for the long, wide and REDCap exports (issue 10 item 7): every enrolled athlete not
/// withdrawn, with each screening dated from the baseline window's start to the end of observation (the data lock,
/// or today), pseudonymised: the study code, sex and birth year only. The outcome comes from the same cohort the
/// analysis uses, so the wide file's event agrees with cohort.csv. Layouts live in Core (Studies/Exports).
/// </summary>
public sealed class StudyResearchExports(HipCheckDb db, StudyCohortBuilder cohorts, TimeProvider clock)
{
    public async Task<IReadOnlyList<ExportAthlete>> LoadAsync(Study study, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Athlete)
            .Where(e => e.StudyId == study.Id && e.WithdrawnUtc == null).OrderBy(e => e.Code).ToListAsync(ct);
        var ids = enrolments.Select(e => e.AthleteId).ToList();
        var until = study.DataLockedUtc is { } locked
            ? DateOnly.FromDateTime(locked)
            : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests)
            .Where(s => ids.Contains(s.AthleteId) && s.Date >= study.BaselineStart && s.Date <= until)
            .ToListAsync(ct);
        var cohort = await cohorts.BuildAsync(study, ct);
        var outcomes = cohort.Rows.ToDictionary(r => r.AthleteId, r => new ExportOutcome(r.LbpEvent, (int)r.FollowupDays, (int)r.DaysToEvent), StringComparer.Ordinal);

        var athletes = new List<ExportAthlete>(enrolments.Count);
        foreach (var e in enrolments)
        {
            var visits = screenings.Where(s => s.AthleteId == e.AthleteId)
                .OrderBy(s => s.Date).ThenBy(s => s.CreatedUtc)
                .Select(s => new ExportVisit(s.Date, s.BodyMassKg, ScreeningDocuments.Evaluate(s)))
                .ToList();
            if (visits.Count > 0)
            {
                athletes.Add(new ExportAthlete(e.Code, e.Athlete!.Sex, e.Athlete.BirthDate.Year, visits, outcomes.GetValueOrDefault(e.Code)));
            }
        }

        return athletes;
    }

    /// <summary>The R reader of the long and wide files, shipped inside the assembly (docs/exports/hipcheck-exports.R).</summary>
    public static string RScript { get; } = ReadRScript();

    private static string ReadRScript()
    {
        using var stream = typeof(StudyResearchExports).Assembly.GetManifestResourceStream("HipCheck.Web.Studies.hipcheck-exports.R")
            ?? throw new InvalidOperationException("The R script is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
