using HipCheck.Core.Injuries;
using HipCheck.Core.Surveillance;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Surveillance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Athletes;

/// <summary>
/// The weekly OSTRC-O2 check-in, phone first: one fieldset per body area. Item 1 alone is enough when the area was
/// no trouble; items 2-4 sit in a disclosure and are required (server-side) only when item 1 says otherwise. A
/// substantial problem leads straight to the new-injury form, prefilled.
/// </summary>
public sealed class CheckInModel(HipCheckDb db, CheckinService checkins) : PageModel
{
    [BindProperty]
    public List<CheckinAreaInput> Areas { get; set; } = [];

    public Athlete Athlete { get; private set; } = null!;

    public DateOnly Week { get; private set; }

    public DateOnly Today => checkins.Today;

    public bool Saved { get; private set; }

    /// <summary>The wording in force for the athlete: their study's own, or the shipped one.</summary>
    public OstrcInstrument Instrument { get; private set; } = OstrcInstrument.Default;

    public async Task<IActionResult> OnGetAsync(Guid id, DateOnly? week, bool saved, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } athlete)
        {
            return NotFound();
        }

        Athlete = athlete;
        Instrument = await checkins.InstrumentForAsync(id, ct);
        Week = week is { } w && w.DayOfWeek == DayOfWeek.Monday && w <= Today ? w : CheckinRules.PreviousWeek(Today);
        Saved = saved;
        var existing = await checkins.FindAsync(id, Week, ct);
        Areas = [.. Instrument.Areas.Select(a => existing?.Areas.FirstOrDefault(x => x.Area == a.Code) is { } x
            ? new CheckinAreaInput { Area = a.Code, Q1 = x.Q1, Q2 = x.Q2, Q3 = x.Q3, Q4 = x.Q4 }
            : new CheckinAreaInput { Area = a.Code })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, DateOnly week, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } athlete)
        {
            return NotFound();
        }

        Athlete = athlete;
        Instrument = await checkins.InstrumentForAsync(id, ct);
        Week = week;
        var entries = Areas.Select(a => new CheckinAreaEntry(a.Area, a.Q1, a.Q1 == 0 ? null : a.Q2, a.Q1 == 0 ? null : a.Q3, a.Q1 == 0 ? null : a.Q4)).ToList();
        var errors = checkins.Validate(week, entries, complete: true, Instrument);
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field.StartsWith("areas[", StringComparison.Ordinal) ? "A" + error.Field[1..] : string.Empty, error.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = CheckinDocument.From(await checkins.SaveAsync(athlete, week, entries, User.UserId(), ct), Instrument);
        if (saved.SubstantialAreas.Count > 0)
        {
            var area = saved.SubstantialAreas[0];
            var region = InjuryCodes.Code(CheckinService.RegionOf(area, Instrument));
            return Redirect($"/Athletes/{id}/Injuries/New?region={region}&onset={week:yyyy-MM-dd}&area={area}");
        }

        return Redirect($"/Athletes/{id}/CheckIn?week={week:yyyy-MM-dd}&saved=true");
    }

    /// <summary>The error of one field (Areas[i].q2) or null.</summary>
    public string? Error(int index, string item) =>
        ModelState.TryGetValue($"Areas[{index}].{item}", out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    private Task<Athlete?> FindAsync(Guid id, CancellationToken ct) =>
        db.VisibleTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
}

public sealed class CheckinAreaInput
{
    public string? Area { get; set; }

    public int? Q1 { get; set; }

    public int? Q2 { get; set; }

    public int? Q3 { get; set; }

    public int? Q4 { get; set; }

    public int? Item(int number) => number switch { 1 => Q1, 2 => Q2, 3 => Q3, _ => Q4 };
}
