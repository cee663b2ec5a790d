using HipCheck.Web.Account;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Studies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Studies;

[Authorize(Roles = Roles.Researcher)]
public sealed class ReportModel(StudyService studies, StudyAnalysisService analyses) : PageModel
{
    public Study Study { get; private set; } = null!;

    public StudyAnalysis Analysis { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await studies.OwnedBy(User.UserId()).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
        {
            return NotFound();
        }

        Study = study;
        Analysis = await analyses.AnalyseAsync(study, ct);
        return Page();
    }

    public static string N(double v, string format = "0.000") =>
        double.IsFinite(v) ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string P(double p) =>
        !double.IsFinite(p) ? "—" : p < 0.001 ? "< 0.001" : p.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
