using HipCheck.Web.Infrastructure;
using HipCheck.Web.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Screenings;

public sealed class ReportModel(ScreeningReporter reporter) : PageModel
{
    public ReportDocument Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await reporter.ForUserAsync(User.UserId(), id, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }

    public static string Format(string metric, double value) =>
        metric.StartsWith("asymmetry-percent", StringComparison.Ordinal) ? $"{value:0.0} %"
        : metric.StartsWith("percentile", StringComparison.Ordinal) ? $"percentile {value:0}"
        : metric.StartsWith("hold-seconds", StringComparison.Ordinal) ? $"{value:0} s"
        : $"{value:0.00} N/kg";

    public static string RoleWords(string role) => role switch
    {
        "supports" => "supports the link",
        "null" => "found no link",
        _ => "context",
    };
}
