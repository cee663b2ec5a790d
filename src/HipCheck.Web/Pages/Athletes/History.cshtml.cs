using HipCheck.Web.Athletes;
using HipCheck.Web.Audit;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Athletes;

/// <summary>
/// The audit trail of one athlete's records with before and after side by side. The name is shown only to the
/// athlete's own runner or coach: admins and study researchers audit by id (snapshots never hold the name).
/// </summary>
public sealed class HistoryModel(HipCheckDb db, AuditReader audit) : PageModel
{
    public Guid Id { get; private set; }

    public string? Name { get; private set; }

    public IReadOnlyList<(AuditEntry Entry, IReadOnlyList<FieldChange> Fields)> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await audit.CanReadAthleteAsync(User, id, ct))
        {
            return NotFound();
        }

        Id = id;
        Name = await db.VisibleTo(User.UserId()).Where(a => a.Id == id).Select(a => a.Name).FirstOrDefaultAsync(ct);
        Entries = (await audit.AthleteHistoryAsync(id, ct)).OrderByDescending(e => e.Id).Select(e => (e, AuditReader.Diff(e))).ToList();
        return Page();
    }
}
