using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Teams;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Athletes;

/// <summary>Shared by the create and edit pages: the input and the coach's teams to choose from.</summary>
public abstract class AthleteFormModel(HipCheckDb db, AthleteService athletes) : PageModel
{
    [BindProperty]
    public AthleteInput Input { get; set; } = new();

    public IReadOnlyList<Team> Teams { get; private set; } = [];

    protected HipCheckDb Db => db;

    protected AthleteService Athletes => athletes;

    /// <summary>
    /// When a box could not even be bound (text in a number box), still report every other field's problem,
    /// so the user fixes the form in one pass.
    /// </summary>
    protected bool BindingFailed()
    {
        if (ModelState.IsValid)
        {
            return false;
        }

        ModelState.AddFieldErrors(athletes.Validate(Input.ToRequest()));
        return true;
    }

    protected async Task LoadTeamsAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Teams = await db.Teams.AsNoTracking().Where(t => t.CoachUserId == userId).OrderBy(t => t.Name).ToListAsync(ct);
    }
}
