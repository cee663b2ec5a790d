using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Athletes;

public sealed class EditModel(HipCheckDb db, AthleteService athletes) : AthleteFormModel(db, athletes)
{
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var athlete = await Db.VisibleTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (athlete is null)
        {
            return NotFound();
        }

        Id = id;
        Input = AthleteInput.From(athlete);
        await LoadTeamsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var athlete = await Db.VisibleTo(User.UserId()).Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (athlete is null)
        {
            return NotFound();
        }

        Id = id;
        await LoadTeamsAsync(ct);
        if (BindingFailed())
        {
            return Page();
        }

        var result = await Athletes.UpdateAsync(User.UserId(), athlete, Input.ToRequest(), ct);
        if (result.Outcome == SaveOutcome.Saved)
        {
            return RedirectToPage("/Athletes/Details", new { id });
        }

        if (result.Outcome == SaveOutcome.Conflict)
        {
            ModelState.AddModelError(string.Empty, result.Problem!);
        }

        ModelState.AddFieldErrors(result.Errors);
        return Page();
    }
}
