using HipCheck.Core.Injuries;
using HipCheck.Web.Athletes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Injuries;

/// <summary>An injury of an athlete, entered by the athlete or their coach.</summary>
public sealed class Injury : HipCheck.Web.Audit.IHealthRecord
{
    public Guid Id { get; set; }

    public Guid AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public BodyRegion Region { get; set; }

    public Diagnosis Diagnosis { get; set; }

    public string? DiagnosisText { get; set; }

    public DateOnly OnsetDate { get; set; }

    public Mechanism Mechanism { get; set; }

    public bool NeededTreatment { get; set; }

    public int DaysLost { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

internal sealed class InjuryConfiguration : IEntityTypeConfiguration<Injury>
{
    public void Configure(EntityTypeBuilder<Injury> injury)
    {
        injury.HasOne(i => i.Athlete).WithMany().HasForeignKey(i => i.AthleteId).OnDelete(DeleteBehavior.Cascade);
        injury.HasIndex(i => new { i.AthleteId, i.OnsetDate });
        injury.Property(i => i.Region).HasConversion<string>().HasMaxLength(20);
        injury.Property(i => i.Diagnosis).HasConversion<string>().HasMaxLength(30);
        injury.Property(i => i.Mechanism).HasConversion<string>().HasMaxLength(20);
        injury.Property(i => i.DiagnosisText).HasMaxLength(InjuryCodes.DiagnosisTextMaxLength);
        injury.Property(i => i.RecordedByUserId).HasMaxLength(450);
    }
}
