using ExerciseLogEntry = HipCheck.Core.Training.ExerciseLogEntry;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Programmes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Programmes;

/// <summary>The session log, made for a phone: one fieldset per exercise of this week, left and right side by side.</summary>
public sealed class LogModel(ProgrammeService programmes) : PageModel
{
    public sealed class ExerciseInput
    {
        public string? ExerciseId { get; set; }

        public int? LeftReps { get; set; }

        public int? RightReps { get; set; }

        public double? LeftLoadKg { get; set; }

        public double? RightLoadKg { get; set; }

        public int? LeftHoldSeconds { get; set; }

        public int? RightHoldSeconds { get; set; }
    }

    public sealed class LogInput
    {
        public DateOnly? Date { get; set; }

        public string? Status { get; set; }

        public int? Pain { get; set; }

        public string? Note { get; set; }

        public List<ExerciseInput> Exercises { get; set; } = [];

        public SessionRequest ToRequest() => new(Date, Status, Pain, Note,
            Exercises.Where(e => e.ExerciseId is not null).Select(e => (ExerciseLogEntry?)new ExerciseLogEntry(
                e.ExerciseId, e.LeftReps, e.RightReps, e.LeftLoadKg, e.RightLoadKg, e.LeftHoldSeconds, e.RightHoldSeconds)).ToList());
    }

    [BindProperty]
    public LogInput Input { get; set; } = new();

    public Programme Programme { get; private set; } = null!;

    /// <summary>The exercises of the week the session falls in (the last week after the end).</summary>
    public IReadOnlyList<PlanItem> Items { get; private set; } = [];

    public DateOnly Today => programmes.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input.Date = Today < Programme.StartDate ? Programme.StartDate : Today;
        Input.Status = "done";
        Input.Exercises = Items.Select(i => new ExerciseInput { ExerciseId = i.ExerciseId }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await programmes.LogAsync(User.UserId(), Programme, Input.ToRequest(), ct);
        if (result.Session is null)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError($"Input.{e.Field}", e.Message);
            }

            return Page();
        }

        TempData[nameof(ProgrammeModel.Notice)] = $"Session of {result.Session.Date:yyyy-MM-dd} {(result.Created ? "logged" : "corrected")}.";
        return Redirect($"/Athletes/{Programme.AthleteId}/Programme#adherence");
    }

    /// <summary>The message for a field, by its API path (model-state keys ignore case, so "exercises[0].leftReps" finds the binder's own errors too).</summary>
    public string? Error(string field) =>
        ModelState.TryGetValue($"Input.{field}", out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "Enter a whole number." : e.ErrorMessage))
            : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await programmes.FindAsync(User.UserId(), id, ct) is not { } programme)
        {
            return false;
        }

        Programme = programme;
        var week = ProgrammePlans.WeekOf(programme, Input.Date ?? Today) ?? (Today < programme.StartDate ? 1 : programme.Weeks);
        Items = programme.Plan.Weeks.FirstOrDefault(w => w.Week == week)?.Exercises ?? programme.Plan.Weeks[^1].Exercises;
        return true;
    }
}
