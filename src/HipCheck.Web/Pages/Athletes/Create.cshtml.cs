using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace HipCheck.Web.Pages.Athletes;

public sealed class CreateModel(HipCheckDb db, AthleteService athletes) : AthleteFormModel(db, athletes)
{
    public async Task OnGetAsync(CancellationToken ct) => await LoadTeamsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadTeamsAsync(ct);
        if (BindingFailed())
        {
            return Page();
        }

        var result = await Athletes.CreateAsync(User.UserId(), User.IsRunnerOnly(), Input.ToRequest(), ct);
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                return RedirectToPage("/Athletes/Details", new { id = result.Athlete!.Id });
            case SaveOutcome.Conflict:
                ModelState.AddModelError(string.Empty, result.Problem!);
                return Page();
            default:
                ModelState.AddFieldErrors(result.Errors);
                return Page();
        }
    }
}
