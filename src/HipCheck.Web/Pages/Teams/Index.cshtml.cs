using System.ComponentModel.DataAnnotations;
using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Organisations;
using HipCheck.Web.Teams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Teams;

[Authorize(Roles = $"{Roles.Coach},{Roles.Researcher}")]
public sealed class IndexModel(HipCheckDb db, OrganisationService organisations, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string Name, int Athletes);

    public IReadOnlyList<Row> Teams { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Name the team.")]
    [StringLength(Team.NameMaxLength, ErrorMessage = "The name can be at most 80 characters.")]
    [Display(Name = "Team name")]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var organisation = await organisations.GetOrAddForUserAsync(User.UserId(), ct);
        db.Teams.Add(new Team
        {
            Id = Guid.CreateVersion7(),
            Name = Name!.Trim(),
            CoachUserId = User.UserId(),
            OrganisationId = organisation.Id,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = User.UserId();
        Teams = await db.Teams.AsNoTracking().Where(t => t.CoachUserId == userId).OrderBy(t => t.Name)
            .Select(t => new Row(t.Id, t.Name, db.Athletes.Count(a => a.TeamId == t.Id)))
            .ToListAsync(ct);
    }
}
