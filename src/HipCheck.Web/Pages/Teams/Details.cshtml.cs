using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;
using HipCheck.Web.Account;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Programmes;
using HipCheck.Web.Teams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Teams;

[Authorize(Roles = $"{Roles.Coach},{Roles.Researcher}")]
public sealed class DetailsModel(TeamOverview overview, EvidenceCatalogue catalogue, ProgrammeService programmes, HipCheck.Web.Surveillance.CheckinService checkins) : PageModel
{
    /// <summary>The last 12 weeks' prevalence of problems from the team's weekly check-ins.</summary>
    public IReadOnlyList<HipCheck.Web.Surveillance.PrevalenceWeek> Prevalence { get; private set; } = [];

    /// <summary>Each athlete's active programme and its recent adherence, by athlete id.</summary>
    public IReadOnlyDictionary<Guid, TeamProgrammeRow> Programmes { get; private set; } = new Dictionary<Guid, TeamProgrammeRow>();

    [BindProperty(SupportsGet = true)]
    public string? Sex { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Flag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Dir { get; set; }

    /// <summary>The test whose asymmetry distribution the chart shows.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Chart { get; set; }

    public TeamOverviewDocument Team { get; private set; } = null!;

    public TestDefinition ChartTest { get; private set; } = TestCatalogue.HipExtension;

    public double? ChartThreshold { get; private set; }

    public string? ChartThresholdRule { get; private set; }

    public IReadOnlyList<EvidenceRule> Rules => catalogue.Rules;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await overview.BuildAsync(User.UserId(), id, Query(), ct) is not { } team)
        {
            return NotFound();
        }

        Team = team;
        Programmes = await programmes.TeamAsync(id, ct);
        Prevalence = await checkins.TeamPrevalenceAsync(id, 12, ct);
        ChartTest = TestCatalogue.Find(Chart) is { Sided: true } chosen ? chosen : TestCatalogue.HipExtension;
        var rule = catalogue.Rules.FirstOrDefault(r => r.Metric.Kind == MetricKind.AsymmetryPercent && r.Metric.TestCode == ChartTest.Code);
        if (rule is not null)
        {
            ChartThreshold = team.Thresholds.First(t => t.RuleId == rule.Id).Threshold;
            ChartThresholdRule = $"{rule.OutcomeName} ({RiskAssessor.PopulationWords(rule.Sex, rule.AgeMin, rule.AgeMax)})";
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        if (await overview.BuildAsync(User.UserId(), id, Query(), ct) is not { } team)
        {
            return NotFound();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"team-{team.TeamId}-latest.csv\"";
        await TeamCsv.WriteAsync(team, Response.Body, ct);
        return new EmptyResult();
    }

    /// <summary>A link to this view with one setting changed, keeping the others (works without JavaScript).</summary>
    public string Link(string? sort = null, string? dir = null, string? chart = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["sex"] = Sex,
            ["flag"] = Flag,
            ["sort"] = sort ?? Sort,
            ["dir"] = dir ?? Dir,
            ["chart"] = chart ?? Chart,
        };
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return $"/Teams/{Team.TeamId}{(query.Length > 0 ? "?" + query : "")}";
    }

    public string CsvLink()
    {
        var link = Link();
        return link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Csv";
    }

    public string SortLink(string key) => Link(sort: key, dir: Sort == key && Dir != "desc" ? "desc" : "asc");

    public string? AriaSort(string key) => Sort == key || (Sort is null && key == "name") ? (Dir == "desc" ? "descending" : "ascending") : null;

    /// <summary>A compact label for a flag in the table, e.g. "LBP · hip extension".</summary>
    public static string ShortLabel(TeamFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        var rule = flag.RuleId;
        var outcome = rule.StartsWith("lbp", StringComparison.Ordinal) ? "LBP"
            : rule.StartsWith("pfp", StringComparison.Ordinal) ? "PFP"
            : rule.StartsWith("itbs", StringComparison.Ordinal) ? "ITBS" : flag.OutcomeName;
        var test = TestCatalogue.All.FirstOrDefault(t => rule.Contains(t.Code, StringComparison.Ordinal));
        return test is null ? outcome : $"{outcome} · {test.Name.ToLowerInvariant()}";
    }

    private TeamQuery Query() => new(Sex, Flag, Sort, string.Equals(Dir, "desc", StringComparison.OrdinalIgnoreCase));
}
