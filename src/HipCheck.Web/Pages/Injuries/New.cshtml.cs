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

    /// <summary>Set when the form was opened from a check-in that reported a substantial problem.</summary>
    public string? FromCheckin { get; private set; }

    /// <summary>
    /// The empty form; <paramref name="region"/> and <paramref name="onset"/> prefill it (the weekly check-in sends
    /// a substantial problem here with the area's region and the week's first day).
    /// </summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? region, DateOnly? onset, string? area, CancellationToken ct)
    {
        if (await db.VisibleTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } athlete)
        {
            return NotFound();
        }

        Athlete = athlete;
        Input.DaysLost = 0;
        Input.Region = HipCheck.Core.Injuries.InjuryCodes.TryParseRegion(region, out var r) ? HipCheck.Core.Injuries.InjuryCodes.Code(r) : null;
        Input.OnsetDate = onset;
        Input.Onset = onset is null ? null : "gradual";
        FromCheckin = HipCheck.Core.Surveillance.OstrcInstrument.Default.FindArea(area ?? "")?.Name;
        Input.WithAbsenceRows();
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
            Input.WithAbsenceRows();
            return Page();
        }

        var (_, refusal) = await injuries.SaveAsync(athlete, Input.ToEntry(), User.UserId(), null, ct);
        if (refusal is not null)
        {
            ModelState.AddModelError(string.Empty, refusal);
            Input.WithAbsenceRows();
            return Page();
        }

        return Redirect($"/Athletes/{id}#injuries");
    }
}
