using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Organisations;

/// <summary>Finds or creates the organisation a coach or researcher works in.</summary>
public sealed class OrganisationService(HipCheckDb db, TimeProvider clock)
{
    public Task<Organisation?> FindForUserAsync(string userId, CancellationToken ct) =>
        db.Organisations.FirstOrDefaultAsync(o => o.OwnerUserId == userId, ct);

    /// <summary>The user's organisation, added to the context (not saved) when it does not exist yet.</summary>
    public async Task<Organisation> GetOrAddForUserAsync(string userId, CancellationToken ct)
    {
        var existing = await FindForUserAsync(userId, ct)
            ?? db.Organisations.Local.FirstOrDefault(o => o.OwnerUserId == userId);
        if (existing is not null)
        {
            return existing;
        }

        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        var name = string.IsNullOrWhiteSpace(userName) ? "My organisation" : $"{userName}'s organisation";
        var organisation = new Organisation
        {
            Id = Guid.CreateVersion7(),
            Name = name.Length > Organisation.NameMaxLength ? name[..Organisation.NameMaxLength] : name,
            OwnerUserId = userId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Organisations.Add(organisation);

        // Teams created before organisations existed join the coach's new organisation.
        foreach (var team in await db.Teams.Where(t => t.CoachUserId == userId && t.OrganisationId == null).ToListAsync(ct))
        {
            team.OrganisationId = organisation.Id;
        }

        return organisation;
    }

    /// <summary>The thresholds an organisation set, by rule id; empty for none (a runner's own profile).</summary>
    public async Task<IReadOnlyDictionary<string, double>> ThresholdsAsync(Guid? organisationId, CancellationToken ct) =>
        organisationId is { } id
            ? await db.RuleThresholds.AsNoTracking().Where(t => t.OrganisationId == id).ToDictionaryAsync(t => t.RuleId, t => t.Threshold, ct)
            : new Dictionary<string, double>();
}
