using HipCheck.Core.Measurement;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Screenings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Screenings;

public sealed class DetailsModel(HipCheckDb db) : PageModel
{
    public Screening Screening { get; private set; } = null!;

    public IReadOnlyList<TestResult> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.FindVisibleScreeningAsync(User.UserId(), id, ct) is not { } screening)
        {
            return NotFound();
        }

        Screening = screening;
        Results = ScreeningDocuments.Evaluate(screening);
        return Page();
    }
}
