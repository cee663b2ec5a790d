using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Injuries;
using HipCheck.Web.Pages.Athletes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Injuries;

public sealed class NewModel(HipCheckDb db, InjuryService injuries) : PageModel
{
    [BindProperty]
    public InjuryInput Input { get; set; } = new();

    public Athlete Athlete { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.VisibleTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } athlete)
        {
            return NotFound();
        }

        Athlete = athlete;
        Input.DaysLost = 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await db.VisibleTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } athlete)
        {
            return NotFound();
        }

        Athlete = athlete;
        ModelState.AddFieldErrors(injuries.Validate(athlete, Input.ToEntry()));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (_, refusal) = await injuries.SaveAsync(athlete, Input.ToEntry(), User.UserId(), null, ct);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            return Page();
        }

        return Redirect($"/Athletes/{id}#injuries");
    }
}
