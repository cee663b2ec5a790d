using HipCheck.Core.Injuries;
using HipCheck.Core.Surveillance;
using HipCheck.Core.Validation;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Surveillance;

/// <summary>One area of a check-in as the API returns it, scored by Core.</summary>
public sealed record CheckinAreaDocument(string Area, string Name, string Osiics, int? Q1, int? Q2, int? Q3, int? Q4,
    bool? Problem, bool? Substantial, int? Severity);

/// <summary>A week's check-in as the API returns it.</summary>
public sealed record CheckinDocument(Guid AthleteId, DateOnly WeekStart, IReadOnlyList<CheckinAreaDocument> Areas,
    bool Problem, bool Substantial, IReadOnlyList<string> SubstantialAreas, DateTime UpdatedUtc)
{
    /// <summary>
    /// The document of a check-in, areas named in <paramref name="instrument"/>'s wording (the shipped one by default).
    /// Answers stored for an area the wording does not list (a wording changed since) keep their code and are named
    /// from the shipped wording, so nothing recorded is hidden.
    /// </summary>
    public static CheckinDocument From(WeeklyCheckin c, OstrcInstrument? instrument = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        instrument ??= OstrcInstrument.Default;
        var known = instrument.Areas.Select(a => (Area: a, Answer: c.Areas.FirstOrDefault(x => x.Area == a.Code)))
            .Where(x => x.Answer is not null)
            .Select(x => (x.Area, Answer: x.Answer!));
        var others = c.Areas.Where(x => instrument.FindArea(x.Area) is null).OrderBy(x => x.Area, StringComparer.Ordinal)
            .Select(x => (Area: OstrcInstrument.Default.FindArea(x.Area) ?? new OstrcArea(x.Area, "", x.Area), Answer: x));
        var areas = known.Concat(others)
            .Select(x => (x.Area, x.Answer, Score: x.Answer.Score))
            .Select(x => new CheckinAreaDocument(x.Area.Code, x.Area.Name, x.Area.Osiics, x.Answer.Q1, x.Answer.Q2, x.Answer.Q3, x.Answer.Q4,
                x.Score.Problem, x.Score.Substantial, x.Score.Severity))
            .ToList();
        return new CheckinDocument(c.AthleteId, c.WeekStart, areas, areas.Any(a => a.Problem == true), areas.Any(a => a.Substantial == true),
            [.. areas.Where(a => a.Substantial == true).Select(a => a.Area)], c.UpdatedUtc);
    }
}

/// <summary>The body of PUT /api/athletes/{id}/checkins/{weekStart}.</summary>
public sealed record CheckinRequest(IReadOnlyList<CheckinAreaEntry>? Areas);

/// <summary>One week of the team's prevalence chart.</summary>
public sealed record PrevalenceWeek(DateOnly WeekStart, int Respondents, int AnyProblem, int Substantial, double AnyPercent, double SubstantialPercent);

/// <summary>Stores weekly check-ins for the API and the page alike, and sums them up for a team.</summary>
public sealed class CheckinService(HipCheckDb db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public IReadOnlyList<FieldError> Validate(DateOnly weekStart, IReadOnlyList<CheckinAreaEntry>? areas, bool complete, OstrcInstrument? instrument = null) =>
        CheckinRules.Validate(weekStart, Today, areas, instrument ?? OstrcInstrument.Default, complete);

    /// <summary>
    /// The OSTRC wording for the athlete's check-ins: the wording of the study they were most recently enrolled in
    /// (and not withdrawn from) among those with their own wording; otherwise the shipped wording.
    /// </summary>
    public async Task<OstrcInstrument> InstrumentForAsync(Guid athleteId, CancellationToken ct)
    {
        var json = await db.Enrolments.AsNoTracking()
            .Where(e => e.AthleteId == athleteId && e.WithdrawnUtc == null)
            .Join(db.Studies.Where(s => s.InstrumentJson != null), e => e.StudyId, s => s.Id, (e, s) => new { e.EnrolledUtc, e.StudyId, s.InstrumentJson })
            .OrderByDescending(x => x.EnrolledUtc).ThenByDescending(x => x.StudyId)
            .Select(x => x.InstrumentJson)
            .FirstOrDefaultAsync(ct);
        return json is null ? OstrcInstrument.Default : OstrcInstrument.Parse(json);
    }

    public Task<WeeklyCheckin?> FindAsync(Guid athleteId, DateOnly weekStart, CancellationToken ct) =>
        db.Checkins.Include(c => c.Areas).FirstOrDefaultAsync(c => c.AthleteId == athleteId && c.WeekStart == weekStart, ct);

    /// <summary>Creates or replaces the week's answers (validated by the caller). Areas not sent are removed.</summary>
    public async Task<WeeklyCheckin> SaveAsync(Athlete athlete, DateOnly weekStart, IReadOnlyList<CheckinAreaEntry> areas, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(areas);
        var now = clock.GetUtcNow().UtcDateTime;
        var checkin = await FindAsync(athlete.Id, weekStart, ct);
        if (checkin is null)
        {
            checkin = new WeeklyCheckin { Id = Guid.CreateVersion7(), AthleteId = athlete.Id, WeekStart = weekStart, RecordedByUserId = userId, CreatedUtc = now };
            db.Checkins.Add(checkin);
        }
        else
        {
            db.CheckinAreas.RemoveRange(checkin.Areas);
            checkin.Areas.Clear();
        }

        foreach (var entry in areas.Where(a => a.Q1 is not null || a.Q2 is not null || a.Q3 is not null || a.Q4 is not null))
        {
            var answers = CheckinRules.Answers(entry);
            checkin.Areas.Add(new CheckinArea
            {
                CheckinId = checkin.Id, Area = entry.Area!, Q1 = answers.Participation, Q2 = answers.TrainingModified,
                Q3 = answers.PerformanceAffected, Q4 = answers.Pain,
            });
        }

        checkin.RecordedByUserId = userId;
        checkin.UpdatedUtc = now;
        await db.SaveChangesAsync(ct);
        return checkin;
    }

    /// <summary>The injury region of an instrument area (matched by OSIICS letter), for the new-injury form.</summary>
    public static BodyRegion RegionOf(string areaCode, OstrcInstrument? instrument = null) =>
        ((instrument ?? OstrcInstrument.Default).FindArea(areaCode) ?? OstrcInstrument.Default.FindArea(areaCode)) is { } area
            ? InjuryCodes.AllRegions.FirstOrDefault(r => InjuryCodes.Osiics(r) == area.Osiics, BodyRegion.Other)
            : BodyRegion.Other;

    /// <summary>
    /// The team's weekly prevalence of any problem and of substantial problems (% of respondents), for the last
    /// <paramref name="weeks"/> weeks that have answers. The caller has checked the user may see the team.
    /// </summary>
    public async Task<IReadOnlyList<PrevalenceWeek>> TeamPrevalenceAsync(Guid teamId, int weeks, CancellationToken ct)
    {
        var since = CheckinRules.WeekStartOf(Today).AddDays(-7 * weeks);
        var rows = await db.Checkins.AsNoTracking().Include(c => c.Areas)
            .Where(c => c.Athlete!.TeamId == teamId && c.WeekStart >= since)
            .ToListAsync(ct);
        return [.. rows.GroupBy(c => c.WeekStart).OrderBy(g => g.Key).Select(week =>
        {
            var any = WeeklyPrevalence.Week(week.Select(c => c.Areas.Select(a => a.Score.Problem)));
            var substantial = WeeklyPrevalence.Week(week.Select(c => c.Areas.Select(a => a.Score.Substantial)));
            return new PrevalenceWeek(week.Key, any.Respondents, any.Cases, substantial.Cases, any.Percent, substantial.Percent);
        }).Where(w => w.Respondents > 0)];
    }
}
