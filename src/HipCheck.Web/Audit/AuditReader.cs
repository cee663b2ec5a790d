using System.Security.Claims;
using System.Text.Json;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Audit;

/// <summary>One audit entry as the API answers it; before and after are the JSON snapshots.</summary>
public sealed record AuditDocument(
    long Id,
    DateTime Utc,
    string ActorUserId,
    string ActorRole,
    string EntityType,
    string EntityId,
    string Action,
    Guid? AthleteId,
    Guid? StudyId,
    IReadOnlyList<string> Changed,
    JsonElement? Before,
    JsonElement? After)
{
    public static AuditDocument From(AuditEntry e) => new(
        e.Id, e.Utc, e.ActorUserId, e.ActorRole, e.EntityType, e.EntityId, e.Action, e.AthleteId, e.StudyId,
        string.IsNullOrEmpty(e.Changed) ? [] : e.Changed.Split(','), Parse(e.Before), Parse(e.After));

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

public sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditDocument> Items);

/// <summary>One field of a change as the history page shows it.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// Who may read which audit entries: admins everything; for one athlete, the owning runner or coach
/// (<see cref="AthleteAccess"/>) and the researchers of a study the athlete is enrolled in.
/// </summary>
public sealed class AuditReader(HipCheckDb db)
{
    public const int DefaultPageSize = 50, MaxPageSize = 500;

    public async Task<bool> CanReadAthleteAsync(ClaimsPrincipal user, Guid athleteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Admin))
        {
            return true;
        }

        var userId = user.UserId();
        return await db.VisibleTo(userId).AnyAsync(a => a.Id == athleteId, ct)
            || await db.Enrolments.AnyAsync(e => e.AthleteId == athleteId && db.Studies.Any(s => s.Id == e.StudyId && s.OwnerUserId == userId), ct);
    }

    /// <summary>Every entry of one athlete's records (athlete, screenings and their tests, injuries, enrolments), oldest first.</summary>
    public async Task<List<AuditEntry>> AthleteHistoryAsync(Guid athleteId, CancellationToken ct) =>
        await db.Audit.AsNoTracking().Where(e => e.AthleteId == athleteId).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>The admin's view: filtered by entity type and a UTC time range, newest first, a page at a time.</summary>
    public async Task<AuditPage> SearchAsync(string? entity, DateTime? from, DateTime? to, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entity))
        {
            var type = entity.Trim();
            query = query.Where(e => e.EntityType == type);
        }

        if (from is { } f)
        {
            var fromUtc = f.ToUniversalTime();
            query = query.Where(e => e.Utc >= fromUtc);
        }

        if (to is { } t)
        {
            var toUtc = t.ToUniversalTime();
            query = query.Where(e => e.Utc < toUtc);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(page, pageSize, total, items.Select(AuditDocument.From).ToList());
    }

    /// <summary>The fields of an entry side by side: for a change only those that changed, for a create or delete all.</summary>
    public static IReadOnlyList<FieldChange> Diff(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var before = Fields(entry.Before);
        var after = Fields(entry.After);
        var changed = string.IsNullOrEmpty(entry.Changed) ? [] : entry.Changed.Split(',');
        var names = entry.Action == "changed" ? changed : before.Keys.Concat(after.Keys).Distinct(StringComparer.Ordinal).ToArray();
        return names.Select(n => new FieldChange(n, before.GetValueOrDefault(n), after.GetValueOrDefault(n))).ToList();
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null)
        {
            return fields;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var p in document.RootElement.EnumerateObject())
        {
            fields[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Array => string.Join(", ", p.Value.EnumerateArray().Select(v => v.ToString())),
                _ => p.Value.GetRawText(),
            };
        }

        return fields;
    }
}
