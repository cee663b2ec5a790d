using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Screenings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Screenings;

public sealed class NewModel(HipCheckDb db, ScreeningRecorder recorder, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ScreeningForm Form { get; set; } = new();

    public Athlete Athlete { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await FindAthleteAsync(id, ct) is not { } athlete)
        {
            return NotFound();
        }

        Athlete = athlete;
        Form = ScreeningForm.Blank(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), athlete.BodyMassKg);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await FindAthleteAsync(id, ct) is not { } athlete)
        {
            return NotFound();
        }

        Athlete = athlete;
        Form.Normalise();
        var (request, keyMap, parseErrors) = Form.ToRequest();
        foreach (var e in parseErrors)
        {
            ModelState.AddModelError(Prefix + e.Field, e.Message);
        }

        foreach (var e in recorder.Validate(ScreeningSubject.Of(athlete), request))
        {
            // One message per box: a box that failed to bind or parse is not also reported as missing.
            var key = Prefix + ScreeningForm.FormKey(keyMap, e.Field);
            if (ErrorFor(key[Prefix.Length..]) is null && !parseErrors.Any(p => (Prefix + p.Field).StartsWith(key, StringComparison.Ordinal)))
            {
                ModelState.AddModelError(key, e.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (screening, refusal) = await recorder.RecordAsync(ScreeningSubject.Of(athlete), request, User.UserId(), ct);
        if (screening is null)
        {
            ModelState.AddModelError(Prefix + "Date", refusal!);
            return Page();
        }

        return RedirectToPage("/Screenings/Details", new { id = screening.Id });
    }

    private const string Prefix = "Form.";

    /// <summary>The messages for a form box, e.g. <c>Tests[0].Left[1]</c>.</summary>
    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(Prefix + key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    private Task<Athlete?> FindAthleteAsync(Guid id, CancellationToken ct) =>
        db.VisibleTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
}
