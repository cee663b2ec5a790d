using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages;

/// <summary>/CheckIn, the link in the weekly reminder: a runner goes to their own profile's check-in; a coach picks an athlete.</summary>
[Authorize]
public sealed class CheckInModel(HipCheckDb db) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Athletes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(DateOnly? week, CancellationToken ct)
    {
        var userId = User.UserId();
        var query = week is { } w ? $"?week={w:yyyy-MM-dd}" : "";
        if (await db.Athletes.AsNoTracking().Where(a => a.OwnerUserId == userId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct) is { } own)
        {
            return Redirect($"/Athletes/{own}/CheckIn{query}");
        }

        Athletes = [.. (await db.VisibleTo(userId).AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name))];
        return Page();
    }
}
