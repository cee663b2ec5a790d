using HipCheck.Web.Account;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Studies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Studies;

[Authorize(Roles = Roles.Researcher)]
public sealed class IndexModel(StudyService studies) : PageModel
{
    public IReadOnlyList<StudyDocument> Studies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await studies.OwnedBy(User.UserId()).AsNoTracking().OrderByDescending(s => s.CreatedUtc).ToListAsync(ct);
        var docs = new List<StudyDocument>();
        foreach (var s in list)
        {
            docs.Add(await studies.DocumentAsync(s, ct));
        }

        Studies = docs;
    }
}
