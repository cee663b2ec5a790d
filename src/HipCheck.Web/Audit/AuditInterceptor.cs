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
using Microsoft.EntityFrameworkCore.Metadata;

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
        var autoDetect = context.ChangeTracker.AutoDetectChangesEnabled;
        context.ChangeTracker.AutoDetectChangesEnabled = false; // detected just above; Entries() would detect again
        List<EntityEntry> entries;
        try
        {
            entries = context.ChangeTracker.Entries().ToList();
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        if (entries.Any(e => e.Entity is AuditEntry or StudyAuditEntry && e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit trail is append-only: an audit entry cannot be changed or deleted.");
        }

        var (requestActor, requestRole) = ActorOf(http.HttpContext?.User);
        var now = clock.GetUtcNow().UtcDateTime;
        now = Microseconds(now);
        var audit = new List<AuditEntry>();
        // The tracked screenings by id, once: a test's athlete is its screening's (no query, and no second pass over
        // the change tracker per test, which made a group commit of n screenings cost n^2).
        var screeningAthletes = new Dictionary<Guid, Guid>();
        foreach (var entry in entries)
        {
            if (entry.Entity is Screening s)
            {
                screeningAthletes[s.Id] = s.AthleteId;
            }
        }

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

            audit.Add(new AuditEntry
            {
                Utc = now,
                ActorUserId = requestActor,
                ActorRole = requestRole,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = EntityIdOf(entry.Metadata, p => entry.Property(p.Name).CurrentValue),
                Action = entry.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "changed" },
                AthleteId = AthleteOf(entry.Entity, screeningAthletes),
                StudyId = entry.Entity switch { Study s => s.Id, Enrolment e => e.StudyId, _ => null },
                Changed = Truncate(string.Join(',', changed), 1000),
                Before = entry.State == EntityState.Added ? null : Snapshot(entry.Metadata, entry.Entity, p => entry.Property(p.Name).OriginalValue),
                After = entry.State == EntityState.Deleted ? null : Snapshot(entry.Metadata, entry.Entity, p => entry.Property(p.Name).CurrentValue),
            });
        }

        context.AddRange(audit);
    }

    /// <summary>
    /// The "created" entry of a new health record written outside EF Core's change tracker (the screenings' group
    /// commit writes with prepared statements): the same fields and snapshot the interceptor writes for an added
    /// entity, read from the entity's CLR properties, so both paths leave identical trails.
    /// </summary>
    internal static AuditEntry Created(IEntityType type, object entity, (string UserId, string Role) actor, DateTime utc, Guid? athleteId)
    {
        object? Value(IProperty p) => (p.PropertyInfo
            ?? throw new InvalidOperationException($"{type.ClrType.Name}.{p.Name} is not a CLR property; write it through EF Core.")).GetValue(entity);
        return new AuditEntry
        {
            Utc = utc,
            ActorUserId = actor.UserId,
            ActorRole = actor.Role,
            EntityType = type.ClrType.Name,
            EntityId = EntityIdOf(type, Value),
            Action = "created",
            AthleteId = athleteId,
            StudyId = null,
            Changed = Truncate(string.Join(',', type.GetProperties().Select(p => Camel(p.Name))), 1000),
            Before = null,
            After = Snapshot(type, entity, Value),
        };
    }

    /// <summary>An instant as the audit trail stores it: cut to the microsecond (PostgreSQL's precision).</summary>
    internal static DateTime Microseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    /// <summary>The acting member from the request (user id and role only); the system outside a request.</summary>
    internal static (string UserId, string Role) ActorOf(ClaimsPrincipal? user)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id)
        {
            return (AuditEntry.SystemActor, AuditEntry.SystemActor);
        }

        var role = new[] { Roles.Admin, Roles.Researcher, Roles.Coach, Roles.Runner }.FirstOrDefault(user.IsInRole) ?? "member";
        return (id, role.ToLowerInvariant());
    }

    private static Guid? AthleteOf(object entity, Dictionary<Guid, Guid> screeningAthletes) => entity switch
    {
        Athlete a => a.Id,
        Screening s => s.AthleteId,
        HipCheck.Web.Injuries.Injury i => i.AthleteId,
        Enrolment e => e.AthleteId,
        // A test is saved with its screening: find the screening among the tracked entries (no query).
        ScreeningTest t => screeningAthletes.TryGetValue(t.ScreeningId, out var athleteId) ? athleteId : null,
        _ => null,
    };

    private static string EntityIdOf(IEntityType type, Func<IProperty, object?> value) =>
        string.Join('/', type.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(value(p), System.Globalization.CultureInfo.InvariantCulture)));

    private static string Snapshot(IEntityType type, object entity, Func<IProperty, object?> value)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties())
        {
            var name = Camel(p.Name);
            values[name] = entity is Athlete && name == "name" ? NotKept : value(p);
        }

        return JsonSerializer.Serialize(values, Json);
    }

    private static bool SameValue(object? a, object? b) =>
        Equals(a, b) || (a is not null && b is not null && JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
