using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Programmes;
using HipCheck.Web.Screenings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Athletes;

public sealed class DetailsModel(HipCheckDb db, TimeProvider clock, ProgrammeService programmes, AthleteOwnerLinks links) : PageModel
{
    /// <summary>The runner's email typed into the link form (kept only to show it back after an error).</summary>
    [BindProperty]
    [System.ComponentModel.DataAnnotations.Display(Name = "Runner's email")]
    public string? RunnerEmail { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The caller coaches the athlete's team (so may link the runner's account).</summary>
    public bool CoachesTeam { get; private set; }

    public Programme? Programme { get; private set; }

    public RetestReminder? Retest { get; private set; }

    public Athlete Athlete { get; private set; } = null!;

    public int Age { get; private set; }

    public IReadOnlyList<(Screening Screening, IReadOnlyList<TestResult> Results)> Screenings { get; private set; } = [];

    public IReadOnlyList<HipCheck.Web.Injuries.Injury> Injuries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>A POST without a handler name (a crafted request) goes back to the page instead of failing.</summary>
    public IActionResult OnPost(Guid id) => Redirect($"/Athletes/{id}");

    /// <summary>The team's coach links the runner's account to this athlete (<see cref="AthleteOwnerLinks"/>).</summary>
    public async Task<IActionResult> OnPostLinkOwnerAsync(Guid id, CancellationToken ct)
    {
        var result = await links.LinkAsync(User.UserId(), id, RunnerEmail, ct);
        switch (result.Outcome)
        {
            case LinkOutcome.NotFound:
                return NotFound();
            case LinkOutcome.Linked:
                Notice = "Linked: the runner now sees this athlete as their own profile and answers the weekly check-in; you keep seeing it through the team.";
                return Redirect($"/Athletes/{id}#runner-account");
            case LinkOutcome.Invalid:
                ModelState.AddModelError(nameof(RunnerEmail), result.Message!);
                break;
            default:
                ModelState.AddModelError(string.Empty, result.Message!);
                break;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var athlete = await db.VisibleTo(User.UserId()).AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (athlete is null)
        {
            return false;
        }

        Athlete = athlete;
        CoachesTeam = athlete.Team is not null && athlete.Team.CoachUserId == User.UserId();
        Age = AthleteProfile.AgeOn(athlete.BirthDate, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests)
            .Where(s => s.AthleteId == id)
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.CreatedUtc)
            .ToListAsync(ct);
        Screenings = screenings.Select(s => (s, ScreeningDocuments.Evaluate(s))).ToList();
        Programme = await programmes.CurrentAsync(User.UserId(), id, ct);
        Retest = (await programmes.RetestsDueAsync(db.VisibleTo(User.UserId()).Where(a => a.Id == id), ct)).GetValueOrDefault(id);
        Injuries = await db.Injuries.AsNoTracking().Where(i => i.AthleteId == id)
            .OrderByDescending(i => i.OnsetDate).ThenByDescending(i => i.CreatedUtc).ToListAsync(ct);
        return true;
    }
}
