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

public sealed class DetailsModel(HipCheckDb db, TimeProvider clock, ProgrammeService programmes) : PageModel
{
    public Programme? Programme { get; private set; }

    public RetestReminder? Retest { get; private set; }

    public Athlete Athlete { get; private set; } = null!;

    public int Age { get; private set; }

    public IReadOnlyList<(Screening Screening, IReadOnlyList<TestResult> Results)> Screenings { get; private set; } = [];

    public IReadOnlyList<HipCheck.Web.Injuries.Injury> Injuries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var athlete = await db.VisibleTo(User.UserId()).AsNoTracking().Include(a => a.Team).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (athlete is null)
        {
            return NotFound();
        }

        Athlete = athlete;
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
        return Page();
    }
}
