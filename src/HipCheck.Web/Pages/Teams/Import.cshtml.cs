using HipCheck.Web.Account;
using HipCheck.Web.Data;
using HipCheck.Web.Import;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Teams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HipCheck.Web.Pages.Teams;

/// <summary>Upload a screening CSV or a dynamometer export into a team; the report lists every rejected row.</summary>
[Authorize(Roles = $"{Roles.Coach},{Roles.Researcher},{Roles.Admin}")]
[RequestFormLimits(MultipartBodyLengthLimit = ImportsApi.MaxFileBytes)]
[RequestSizeLimit(ImportsApi.MaxFileBytes + (1 << 20))]
[ImportUploadLimit]
public sealed class ImportModel(HipCheckDb db, TeamImporter importer) : PageModel
{
    public Team Team { get; private set; } = null!;

    /// <summary>
    /// The team's name for its coach; an admin importing on a club's behalf sees only its id, since the name is the
    /// club's record, not the admin's (the authorisation matrix checks that no one reads another's records).
    /// </summary>
    public string TeamLabel => Team.CoachUserId == User.UserId() ? Team.Name : $"team {Team.Id}";

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool ValidOnly { get; set; }

    public ImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.ImportableTeamAsync(User, id, ct) is not { } team)
        {
            return NotFound();
        }

        Team = team;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await db.ImportableTeamAsync(User, id, ct) is not { } team)
        {
            return NotFound();
        }

        Team = team;
        if (Upload is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Report = await importer.ImportAsync(team, User.UserId(), stream, ValidOnly, ct);
        return Page();
    }
}
