using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Screenings;
using HipCheck.Web.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HipCheck.Web.Audit;

/// <summary>
/// Writes the audit trail centrally: before every SaveChanges it looks at the tracked health records
/// (<see cref="IHealthRecord"/>) that are added, modified or deleted and adds one <see cref="AuditEntry"/> each,
/// so the entries go to the database in the same batch and transaction as the change (no extra round trip).
/// It also refuses any update or delete of an audit row. Writes that bypass the change tracker
/// (ExecuteUpdate/ExecuteDelete) are not seen: health data must not use them (docs/security.md).
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Fields never copied into a snapshot: direct identifiers (GDPR erasure must not leave them behind).</summary>
    public const string NotKept = "[not kept in the audit]";

    /// <summary>Actors recorded for entities saved outside their request (the screenings' group commit).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Tuple<string, string>> Attributed = [];

    /// <summary>
    /// Records who is writing an entity that will be saved later, outside the request that made it (e.g. by
    /// <c>ScreeningGroupCommit</c>, whose writer has no HttpContext): the audit entry then names this actor.
    /// </summary>
    public static void AttributeTo(object entity, ClaimsPrincipal? user)
    {
        var (id, role) = ActorOf(user);
        Attributed.AddOrUpdate(entity, Tuple.Create(id, role));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.Entity is AuditEntry or StudyAuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: an audit entry cannot be changed or deleted.");
        }

        var (requestActor, requestRole) = ActorOf(http.HttpContext?.User);
        var now = clock.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
        var audit = new List<AuditEntry>();
        foreach (var entry in entries)
        {
            if (entry.Entity is not IHealthRecord || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changed = entry.State == EntityState.Modified
                ? entry.Properties.Where(p => p.IsModified && !SameValue(p.OriginalValue, p.CurrentValue)).Select(p => Camel(p.Metadata.Name)).ToList()
                : entry.Properties.Select(p => Camel(p.Metadata.Name)).ToList();
            if (changed.Count == 0)
            {
                continue;
            }

            var (actorId, role) = Attributed.TryGetValue(entry.Entity, out var attributed)
                ? (attributed.Item1, attributed.Item2)
                : (requestActor, requestRole);
            audit.Add(new AuditEntry
            {
                Utc = now,
                ActorUserId = actorId,
                ActorRole = role,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture))),
                Action = entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "changed" },
                AthleteId = AthleteOf(entry, context),
                StudyId = entry.Entity switch { Study s => s.Id, Enrolment e => e.StudyId, _ => null },
                Changed = Truncate(string.Join(',', changed), 1000),
                Before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false),
            });
        }

        context.AddRange(audit);
    }

    /// <summary>The acting member from the request (user id and role only); the system outside a request.</summary>
    private static (string UserId, string Role) ActorOf(ClaimsPrincipal? user)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
        {
            return (AuditEntry.SystemActor, AuditEntry.SystemActor);
        }

        var role = new[] { Roles.Admin, Roles.Researcher, Roles.Coach, Roles.Runner }.FirstOrDefault(user.IsInRole) ?? "member";
        return (id, role.ToLowerInvariant());
    }

    private static Guid? AthleteOf(EntityEntry entry, DbContext context) => entry.Entity switch
    {
        Athlete a => a.Id,
        Screening s => s.AthleteId,
        HipCheck.Web.Injuries.Injury i => i.AthleteId,
        Enrolment e => e.AthleteId,
        // A test is saved with its screening: find the screening among the tracked entries (no query).
        ScreeningTest t => context.ChangeTracker.Entries<Screening>().FirstOrDefault(s => s.Entity.Id == t.ScreeningId)?.Entity.AthleteId,
        _ => null,
    };

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            var name = Camel(p.Metadata.Name);
            values[name] = entry.Entity is Athlete && name == "name" ? NotKept : original ? p.OriginalValue : p.CurrentValue;
        }

        return JsonSerializer.Serialize(values, Json);
    }

    private static bool SameValue(object? a, object? b) =>
        Equals(a, b) || (a is not null && b is not null && JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
