using HipCheck.Web.Account;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Studies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Studies;

/// <summary>Downloads for the logged-in researcher (the API has the same under /api/studies/{id}/).</summary>
[Authorize(Roles = Roles.Researcher)]
public sealed class ExportModel(StudyService studies, StudyCohortBuilder cohorts, Microsoft.AspNetCore.Identity.UserManager<AppUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? format, CancellationToken ct)
    {
        if (await studies.OwnedBy(User.UserId()).AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } study)
        {
            return NotFound();
        }

        if (!await users.IsConfirmedAsync(User))
        {
            return StatusCode(StatusCodes.Status403Forbidden, ConfirmedEmail.Detail);
        }

        (string ContentType, string Name, Func<StudyCohortData, Stream, CancellationToken, Task> Write)? export = format switch
        {
            "csv" => ("text/csv; charset=utf-8", "cohort.csv", StudyExports.WriteCsvAsync),
            "codebook" => ("text/csv; charset=utf-8", "codebook.csv", StudyExports.WriteCodebookCsvAsync),
            "json" => ("application/json", "cohort.json", StudyExports.WriteJsonAsync),
            _ => null,
        };
        if (export is not { } e)
        {
            return BadRequest("Choose format=csv, codebook or json.");
        }

        var cohort = await cohorts.BuildAsync(study, ct);
        Response.ContentType = e.ContentType;
        Response.Headers.ContentDisposition = $"attachment; filename=\"study-{study.Id}-{e.Name}\"";
        await e.Write(cohort, Response.Body, ct);
        return new EmptyResult();
    }
}
