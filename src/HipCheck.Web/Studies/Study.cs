using HipCheck.Web.Athletes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Studies;

public enum StudyDesign
{
    ProspectiveCohort,
    RetrospectiveCaseControl,
}

/// <summary>
/// A research study run by one researcher: who is enrolled (with consent), when the baseline screening
/// happens, how long follow-up lasts and which event counts, all fixed before the data come in.
/// </summary>
public sealed class Study : HipCheck.Web.Audit.IHealthRecord
{
    public const int TitleMaxLength = 150;

    public Guid Id { get; set; }

    public required string Title { get; set; }

    public StudyDesign Design { get; set; }

    public required string OwnerUserId { get; set; }

    /// <summary>Code of the event definition (HipCheck.Core.Studies.EventDefinitions).</summary>
    public required string EventCode { get; set; }

    /// <summary>Baseline screenings count when dated inside this window.</summary>
    public DateOnly BaselineStart { get; set; }

    public DateOnly BaselineEnd { get; set; }

    public int FollowUpDays { get; set; }

    /// <summary>Hip-extension asymmetry % at or above which an athlete counts as exposed in the analysis.</summary>
    public double ExposureThresholdPercent { get; set; }

    /// <summary>When the baseline was locked and follow-up began; null while the study is being set up.</summary>
    public DateTime? BaselineLockedUtc { get; set; }

    public DateOnly? FollowUpStart { get; set; }

    /// <summary>When all data were locked for the final analysis; nothing changes after it.</summary>
    public DateTime? DataLockedUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>
    /// The study's own OSTRC wording (JSON validated by <c>OstrcInstrument.Parse</c>), used by the check-ins of its
    /// enrolled athletes; null: the shipped wording.
    /// </summary>
    public string? InstrumentJson { get; set; }

    public bool BaselineLocked => BaselineLockedUtc is not null;
}

/// <summary>An athlete in a study, with the consent that allows it and a pseudonymous code for exports.</summary>
public sealed class Enrolment : HipCheck.Web.Audit.IHealthRecord
{
    public Guid StudyId { get; set; }

    public Guid AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    /// <summary>Stable per-study code that replaces the name in every export.</summary>
    public required string Code { get; set; }

    public DateOnly ConsentDate { get; set; }

    public required string ConsentRecordedByUserId { get; set; }

    public DateTime EnrolledUtc { get; set; }

    public DateTime? WithdrawnUtc { get; set; }

    /// <summary>
    /// The recorded consent allows data already collected to be kept (pseudonymised) if the athlete withdraws or
    /// their member account is deleted; without it, erasure deletes the athlete's data from the study too.
    /// </summary>
    public bool RetainOnWithdrawal { get; set; }
}

/// <summary>Append-only record of what happened to a study, including refused changes after a lock.</summary>
public sealed class StudyAuditEntry
{
    public long Id { get; set; }

    public Guid StudyId { get; set; }

    public required string UserId { get; set; }

    public DateTime Utc { get; set; }

    public required string Action { get; set; }

    public required string Detail { get; set; }
}

internal sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> study)
    {
        study.Property(s => s.Title).HasMaxLength(Study.TitleMaxLength);
        study.Property(s => s.OwnerUserId).HasMaxLength(450);
        study.Property(s => s.EventCode).HasMaxLength(60);
        study.Property(s => s.Design).HasConversion<string>().HasMaxLength(40);
        study.HasIndex(s => s.OwnerUserId);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> enrolment)
    {
        enrolment.HasKey(e => new { e.StudyId, e.AthleteId });
        enrolment.HasOne<Study>().WithMany().HasForeignKey(e => e.StudyId).OnDelete(DeleteBehavior.Cascade);
        enrolment.HasOne(e => e.Athlete).WithMany().HasForeignKey(e => e.AthleteId).OnDelete(DeleteBehavior.Restrict);
        enrolment.HasIndex(e => e.AthleteId);
        enrolment.Property(e => e.Code).HasMaxLength(20);
        enrolment.HasIndex(e => new { e.StudyId, e.Code }).IsUnique();
        enrolment.Property(e => e.ConsentRecordedByUserId).HasMaxLength(450);
    }
}

internal sealed class StudyAuditEntryConfiguration : IEntityTypeConfiguration<StudyAuditEntry>
{
    public void Configure(EntityTypeBuilder<StudyAuditEntry> entry)
    {
        entry.HasOne<Study>().WithMany().HasForeignKey(e => e.StudyId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.StudyId, e.Utc });
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.Detail).HasMaxLength(1000);
    }
}
