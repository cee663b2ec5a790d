using HipCheck.Core.Athletes;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using HipCheck.Web.Programmes;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Pages.Athletes;

public sealed class IndexModel(HipCheckDb db, TimeProvider clock, ProgrammeService programmes) : PageModel
{
    /// <summary>Athletes whose programme's re-test date has come with no newer screening.</summary>
    public IReadOnlyDictionary<Guid, RetestReminder> RetestsDue { get; private set; } = new Dictionary<Guid, RetestReminder>();

    public sealed record Row(Guid Id, string Name, Sex Sex, int Age, string? Team, DateOnly? LastScreening, int Screenings);

    public IReadOnlyList<Row> Athletes { get; private set; } = [];

    public bool IsRunner { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        IsRunner = User.IsRunnerOnly();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = await db.VisibleTo(User.UserId()).AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.Sex,
                a.BirthDate,
                Team = a.Team != null ? a.Team.Name : null,
                Last = db.Screenings.Where(s => s.AthleteId == a.Id).Max(s => (DateOnly?)s.Date),
                Count = db.Screenings.Count(s => s.AthleteId == a.Id),
            })
            .ToListAsync(ct);
        RetestsDue = await programmes.RetestsDueAsync(db.VisibleTo(User.UserId()), ct);
        Athletes = rows.Select(r => new Row(r.Id, r.Name, r.Sex, AthleteProfile.AgeOn(r.BirthDate, today), r.Team, r.Last, r.Count)).ToList();
    }
}
