using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;
using HipCheck.Web.Data;
using HipCheck.Web.Organisations;
using HipCheck.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Teams;

/// <summary>One athlete's latest screening, as a row of the team view and its CSV.</summary>
public sealed record TeamRow(
    Guid AthleteId,
    string Name,
    string Sex,
    int AgeYears,
    Guid? ScreeningId,
    DateOnly? ScreeningDate,
    IReadOnlyDictionary<string, TeamTestCell> Tests,
    double? BackExtensionSeconds,
    IReadOnlyList<TeamFlag> Flags);

/// <param name="AsymmetryPercent">Asymmetry of the test, when it was done.</param>
/// <param name="WeakerSide">left, right or null.</param>
/// <param name="WeakerSidePercentile">Percentile of the weaker side against a matching norm; null without one.</param>
public sealed record TeamTestCell(double AsymmetryPercent, string? WeakerSide, double? WeakerSidePercentile);

public sealed record TeamFlag(string RuleId, string OutcomeName, string MetricName);

public sealed record TeamOverviewDocument(
    Guid TeamId,
    string TeamName,
    string CatalogueVersion,
    IReadOnlyList<TeamThreshold> Thresholds,
    IReadOnlyList<TeamRow> Athletes);

public sealed record TeamThreshold(string RuleId, string MetricName, double Threshold, bool Overridden);

/// <summary>Filters and order of the team view, from the query string (all optional).</summary>
public sealed record TeamQuery(string? Sex = null, string? Flag = null, string? Sort = null, bool Descending = false)
{
    /// <summary>Sort keys: name, date, flags, or a test code (its asymmetry).</summary>
    public static IReadOnlyList<string> SortKeys { get; } =
        ["name", "date", "flags", .. TestCatalogue.All.Select(t => t.Code)];
}

/// <summary>
/// The coach's view of a team: every athlete's latest screening with asymmetries, norm percentiles and flags,
/// using the organisation's thresholds. Only the team's coach can open it (null otherwise: 404).
/// </summary>
public sealed class TeamOverview(HipCheckDb db, ScreeningReporter reporter, OrganisationService organisations, TimeProvider clock)
{
    public Task<List<Team>> TeamsOfAsync(string userId, CancellationToken ct) =>
        db.Teams.AsNoTracking().Where(t => t.CoachUserId == userId).OrderBy(t => t.Name).ToListAsync(ct);

    public async Task<TeamOverviewDocument?> BuildAsync(string userId, Guid teamId, TeamQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId && t.CoachUserId == userId, ct);
        if (team is null)
        {
            return null;
        }

        var (organisationId, organisationName) = await reporter.OrganisationOfAsync(team.Id, ct);
        var overrides = await organisations.ThresholdsAsync(organisationId, ct);
        var athletes = await db.Athletes.AsNoTracking().Where(a => a.TeamId == team.Id).ToListAsync(ct);

        // The latest screening per athlete, in one query: newest date, then newest entry on that date.
        var latest = await db.Screenings.AsNoTracking().Include(s => s.Tests)
            .Where(s => s.Athlete!.TeamId == team.Id
                && s.Id == db.Screenings.Where(x => x.AthleteId == s.AthleteId)
                    .OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedUtc).Select(x => x.Id).First())
            .ToListAsync(ct);
        var byAthlete = latest.ToDictionary(s => s.AthleteId);

        var rows = new List<TeamRow>();
        foreach (var athlete in athletes)
        {
            if (!byAthlete.TryGetValue(athlete.Id, out var screening))
            {
                rows.Add(new TeamRow(athlete.Id, athlete.Name, AthleteProfile.SexCode(athlete.Sex), AthleteProfile.AgeOn(athlete.BirthDate, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)),
                    null, null, new Dictionary<string, TeamTestCell>(), null, []));
                continue;
            }

            screening.Athlete = athlete;
            var report = reporter.Report(screening, overrides, organisationName);
            var tests = new Dictionary<string, TeamTestCell>(StringComparer.Ordinal);
            foreach (var result in report.Results.Where(r => r.AsymmetryPercent is not null))
            {
                var norms = report.Norms.FirstOrDefault(n => n.Test == result.Test);
                var weakerPercentile = norms?.Sides.Where(s => s.Side == result.WeakerSide || result.WeakerSide is null)
                    .Select(s => s.Percentile).Where(p => p is not null).DefaultIfEmpty(null).Min();
                tests[result.Test] = new TeamTestCell(result.AsymmetryPercent!.Value, result.WeakerSide, weakerPercentile);
            }

            rows.Add(new TeamRow(
                athlete.Id, athlete.Name, report.Sex, report.AgeYears, screening.Id, screening.Date, tests,
                report.Results.FirstOrDefault(r => r.Test == TestCatalogue.BackExtensionEndurance.Code)?.Seconds,
                report.Rules.Where(r => r.Status == "flagged").Select(r => new TeamFlag(r.RuleId, r.OutcomeName, r.MetricName)).ToList()));
        }

        var thresholds = reporter.Catalogue.Rules
            .Select(r => new TeamThreshold(r.Id, RiskAssessor.MetricName(r.Metric), overrides.GetValueOrDefault(r.Id, r.Threshold), overrides.ContainsKey(r.Id)))
            .ToList();
        return new TeamOverviewDocument(team.Id, team.Name, reporter.Catalogue.Version, thresholds, Order(Filter(rows, query), query));
    }

    private static IEnumerable<TeamRow> Filter(IEnumerable<TeamRow> rows, TeamQuery q)
    {
        if (AthleteProfile.TryParseSex(q.Sex, out var sex))
        {
            var code = AthleteProfile.SexCode(sex);
            rows = rows.Where(r => r.Sex == code);
        }

        return q.Flag switch
        {
            null or "" or "all" => rows,
            "any" => rows.Where(r => r.Flags.Count > 0),
            "none" => rows.Where(r => r.Flags.Count == 0),
            var rule => rows.Where(r => r.Flags.Any(f => f.RuleId == rule)),
        };
    }

    private static List<TeamRow> Order(IEnumerable<TeamRow> rows, TeamQuery q)
    {
        // Missing values sort last in both directions: an untested athlete is not "the most symmetrical".
        IOrderedEnumerable<TeamRow> ordered = q.Sort switch
        {
            "date" => By(rows, r => r.ScreeningDate?.DayNumber, q.Descending),
            "flags" => By(rows, r => (int?)r.Flags.Count, q.Descending),
            { } test when TestCatalogue.Find(test) is not null => By(rows, r => r.Tests.TryGetValue(test, out var c) ? c.AsymmetryPercent : (double?)null, q.Descending),
            _ => q.Descending ? rows.OrderByDescending(r => r.Name, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase),
        };
        return ordered.ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static IOrderedEnumerable<TeamRow> By<T>(IEnumerable<TeamRow> rows, Func<TeamRow, T?> key, bool descending)
        where T : struct
    {
        var withMissingLast = rows.OrderBy(r => key(r) is null ? 1 : 0);
        return descending ? withMissingLast.ThenByDescending(r => key(r)) : withMissingLast.ThenBy(r => key(r));
    }
}
