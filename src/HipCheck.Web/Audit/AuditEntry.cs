using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Audit;

/// <summary>
/// Marks an entity type as health data: every create, change and delete of it is written to the audit trail by
/// <see cref="AuditInterceptor"/> in the same SaveChanges, so no write path can forget it.
/// </summary>
public interface IHealthRecord;

/// <summary>
/// One change to one health record (REDCap-style audit trail): who (user id and role, never a name or email), when
/// (UTC), what (entity type, id, action, the fields that changed), and JSON snapshots before and after. Append-only:
/// the app refuses to update or delete a row (<see cref="AuditInterceptor"/>), and so does the database (triggers
/// from <see cref="AuditSql"/>). Snapshots never hold an athlete's name (see docs/security.md, "Erasure and the
/// audit trail").
/// </summary>
public sealed class AuditEntry
{
    public const string SystemActor = "system";

    public long Id { get; set; }

    public DateTime Utc { get; set; }

    /// <summary>The acting member's user id, or <see cref="SystemActor"/> for seeding and imports.</summary>
    public required string ActorUserId { get; set; }

    /// <summary>The acting member's role at the time (admin, researcher, coach, runner), or "system".</summary>
    public required string ActorRole { get; set; }

    /// <summary>Athlete, Screening, ScreeningTest, Injury, Study, Enrolment, or Member (an erasure tombstone).</summary>
    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>created, changed, deleted or erased.</summary>
    public required string Action { get; set; }

    /// <summary>The athlete the record belongs to, so an athlete's history is one indexed query.</summary>
    public Guid? AthleteId { get; set; }

    /// <summary>The study the record belongs to (studies and enrolments).</summary>
    public Guid? StudyId { get; set; }

    /// <summary>Names of the changed fields, comma-separated (all fields for a create or delete).</summary>
    public string? Changed { get; set; }

    /// <summary>JSON snapshot before the change; null for a create.</summary>
    public string? Before { get; set; }

    /// <summary>JSON snapshot after the change; null for a delete.</summary>
    public string? After { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable(AuditSql.Table);
        entry.Property(e => e.ActorUserId).HasMaxLength(450);
        entry.Property(e => e.ActorRole).HasMaxLength(20);
        entry.Property(e => e.EntityType).HasMaxLength(40);
        entry.Property(e => e.EntityId).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(10);
        entry.Property(e => e.Changed).HasMaxLength(1000);
        entry.HasIndex(e => e.AthleteId);
        entry.HasIndex(e => e.StudyId);
        entry.HasIndex(e => e.Utc);
    }
}
