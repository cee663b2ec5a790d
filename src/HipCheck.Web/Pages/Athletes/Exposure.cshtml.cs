using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Surveillance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Athletes;

/// <summary>Running exposure: typed by hand (a session or a week) or uploaded (GPX, TCX, Strava activities.csv).</summary>
[HipCheck.Web.Surveillance.ExposureUploadLimit]
public sealed class ExposureModel(HipCheckDb db, ExposureService exposure) : PageModel
{
    /// <summary>Uploads above this are refused before reading (a year of Strava activities is a few MB).</summary>
    public const long MaxUploadBytes = 32L << 20;

    [BindProperty]
    public ExposureInput Input { get; set; } = new();

    public Athlete Athlete { get; private set; } = null!;

    public IReadOnlyList<ExposureEntry> Recent { get; private set; } = [];

    public IReadOnlyList<(DateOnly Week, double Hours, double Km)> Weeks { get; private set; } = [];

    public ExposureImportReport? Report { get; private set; }

    public string? Added { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var request = new ExposureRequest(Input.Date, Input.Hours, Input.Km, Input.Period);
        ModelState.AddFieldErrors(exposure.Validate(request));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await exposure.AddAsync(Athlete, request, User.UserId(), ct);
        Added = $"Added {request.Hours:0.##} h{(request.Km is { } km ? $", {km:0.#} km" : "")} on {request.Date:yyyy-MM-dd}.";
        Input = new ExposureInput();
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a GPX, TCX or Strava activities.csv file.");
            return Page();
        }

        if (file.Length > MaxUploadBytes)
        {
            ModelState.AddModelError("file", $"The file is larger than {MaxUploadBytes >> 20} MB: split it.");
            return Page();
        }

        if (ExposureService.Format(file.FileName) is not { } format)
        {
            ModelState.AddModelError("file", "HipCheck reads .gpx, .tcx and Strava's activities.csv.");
            return Page();
        }

        await using (var stream = file.OpenReadStream())
        {
            Report = await exposure.ImportAsync(Athlete, format, stream, User.UserId(), ct);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.VisibleTo(User.UserId()).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } athlete)
        {
            return false;
        }

        Athlete = athlete;
        var entries = await db.Exposure.AsNoTracking().Where(e => e.AthleteId == id).OrderByDescending(e => e.Date).ThenByDescending(e => e.CreatedUtc).ToListAsync(ct);
        Recent = [.. entries.Take(20)];
        Weeks = [.. ExposureService.Weekly(entries).Take(12)];
        return true;
    }
}

public sealed class ExposureInput
{
    public DateOnly? Date { get; set; }

    public double? Hours { get; set; }

    public double? Km { get; set; }

    public string? Period { get; set; } = "session";
}
