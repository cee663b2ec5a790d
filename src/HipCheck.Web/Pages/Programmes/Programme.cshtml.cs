using HipCheck.Core.Measurement;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Programmes;
using HipCheck.Web.Screenings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Programmes;

/// <summary>An athlete's programme: start it, follow it week by week, see adherence and the re-tests on its timeline.</summary>
public sealed class ProgrammeModel(HipCheckDb db, ProgrammeService programmes) : PageModel
{
    public Athlete Athlete { get; private set; } = null!;

    public Programme? Current { get; private set; }

    public AdherenceDocument? Adherence { get; private set; }

    public IReadOnlyList<WorkoutSession> Sessions { get; private set; } = [];

    /// <summary>Every screening of the athlete, newest first, with its results.</summary>
    public IReadOnlyList<(Screening Screening, IReadOnlyList<TestResult> Results)> Screenings { get; private set; } = [];

    public RetestReminder? Retest { get; private set; }

    public DateOnly Today => programmes.Today;

    public int? CurrentWeek => Current is null ? null : ProgrammePlans.WeekOf(Current, Today);

    /// <summary>The screening to start from (from the result page's link), else the latest.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Screening { get; set; }

    [BindProperty]
    public int Weeks { get; set; } = ProgrammeService.DefaultWeeks;

    [BindProperty]
    public int SessionsPerWeek { get; set; } = ProgrammeService.DefaultSessionsPerWeek;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A POST without a handler name (a crafted request) goes back to the page instead of failing.</summary>
    public IActionResult OnPost(Guid id) => Redirect($"/Athletes/{id}/Programme");

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await programmes.StartAsync(User.UserId(), Athlete, new ProgrammeRequest(Screening, Weeks, SessionsPerWeek), ct);
        if (result.Programme is null)
        {
            AddErrors(result.Errors);
            return Page();
        }

        Notice = $"Programme started: {result.Programme.Weeks} weeks, {result.Programme.SessionsPerWeek} sessions a week.";
        return Redirect($"/Athletes/{id}/Programme");
    }

    public async Task<IActionResult> OnPostAdjustAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Current is null)
        {
            return NotFound();
        }

        var result = await programmes.AdjustAsync(Current.Id, new ProgrammeAdjustment(Weeks, SessionsPerWeek), ct);
        if (result.Programme is null)
        {
            AddErrors(result.Errors);
            return Page();
        }

        Notice = "Programme adjusted and its plan regenerated.";
        return Redirect($"/Athletes/{id}/Programme");
    }

    private void AddErrors(IEnumerable<HipCheck.Core.Validation.FieldError> errors)
    {
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var userId = User.UserId();
        if (await db.VisibleTo(userId).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } athlete)
        {
            return false;
        }

        Athlete = athlete;
        Current = await programmes.CurrentAsync(userId, id, ct);
        var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests).Where(s => s.AthleteId == id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedUtc).ToListAsync(ct);
        Screenings = screenings.Select(s => (s, ScreeningDocuments.Evaluate(s))).ToList();
        if (Current is not null)
        {
            Sessions = await programmes.SessionsAsync(Current.Id, ct);
            Adherence = programmes.Adherence(Current, Sessions);
            Retest = (await programmes.RetestsDueAsync(db.VisibleTo(userId).Where(a => a.Id == id), ct)).GetValueOrDefault(id);
            if (Request.Method == "GET")
            {
                Weeks = Current.Weeks;
                SessionsPerWeek = Current.SessionsPerWeek;
            }
        }

        return true;
    }

    public string? Error(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>" (easier version)" or " (harder version)"; nothing for the standard one.</summary>
    public static string LevelWords(string level) => level switch
    {
        HipCheck.Core.Training.PrescribedExercise.Regression => " (easier version)",
        HipCheck.Core.Training.PrescribedExercise.Progression => " (harder version)",
        _ => "",
    };

    /// <summary>"3 × 12" or "3 × 30 s", with the weaker side's extra sets in words.</summary>
    public static string Dose(PlanItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var each = item.Reps is { } r ? $"{item.Sets} × {r}" : $"{item.Sets} × {item.HoldSeconds} s hold";
        return item.ExtraSetsWeakerSide > 0 && item.WeakerSide is { } w
            ? $"{each}, plus {item.ExtraSetsWeakerSide} extra set{(item.ExtraSetsWeakerSide == 1 ? "" : "s")} on the {w} (weaker) side"
            : each;
    }
}
