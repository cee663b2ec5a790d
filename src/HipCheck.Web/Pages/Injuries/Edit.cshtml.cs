using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Injuries;
using HipCheck.Web.Pages.Athletes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Injuries;

public sealed class EditModel(HipCheckDb db, InjuryService injuries) : PageModel
{
    [BindProperty]
    public InjuryInput Input { get; set; } = new();

    public Injury Injury { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } injury)
        {
            return NotFound();
        }

        Injury = injury;
        Input = InjuryInput.From(injury);
        if (injury.SubsequentSuggested is { } suggested)
        {
            Input.SuggestionText = $"HipCheck suggests: {HipCheck.Core.Injuries.IocInjuryCodes.Name(suggested).ToLowerInvariant()}"
                + (injury.Subsequent is null ? " (preselected below: saving confirms it)." : ".");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } injury)
        {
            return NotFound();
        }

        Injury = injury;
        ModelState.AddFieldErrors(injuries.Validate(injury.Athlete!, Input.ToEntry()));
        if (!ModelState.IsValid)
        {
            Input.WithAbsenceRows();
            return Page();
        }

        var (_, refusal) = await injuries.SaveAsync(injury.Athlete!, Input.ToEntry(), User.UserId(), injury, ct);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            Input.WithAbsenceRows();
            return Page();
        }

        return Redirect($"/Athletes/{injury.AthleteId}#injuries");
    }

    private Task<Injury?> FindAsync(Guid id, CancellationToken ct) =>
        db.VisibleInjuries(User.UserId()).Include(i => i.Athlete).FirstOrDefaultAsync(i => i.Id == id, ct);
}
