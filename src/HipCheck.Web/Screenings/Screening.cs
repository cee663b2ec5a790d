using HipCheck.Web.Athletes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Screenings;

/// <summary>One screening session of one athlete. Results are computed from the stored trials on read.</summary>
public sealed class Screening : HipCheck.Web.Audit.IHealthRecord
{
    public Guid Id { get; set; }

    public Guid AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Body mass on the day: normalised strength uses it, not today's mass.</summary>
    public double BodyMassKg { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<ScreeningTest> Tests { get; set; } = [];
}

/// <summary>One test of a screening, its trials stored in the base unit (N or s).</summary>
public sealed class ScreeningTest : HipCheck.Web.Audit.IHealthRecord
{
    public Guid Id { get; set; }

    public Guid ScreeningId { get; set; }

    public required string TestCode { get; set; }

    /// <summary>The unit the tester entered (N, kgf, lbf), so the form can show values as typed.</summary>
    public string? EnteredUnit { get; set; }

    public double? LeverArmM { get; set; }

    public double? Seconds { get; set; }

    public List<double> LeftTrials { get; set; } = [];

    public List<double> RightTrials { get; set; } = [];
}

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> screening)
    {
        screening.HasOne(s => s.Athlete).WithMany().HasForeignKey(s => s.AthleteId).OnDelete(DeleteBehavior.Cascade);
        screening.HasIndex(s => new { s.AthleteId, s.Date });
        screening.Property(s => s.CreatedByUserId).HasMaxLength(450);
        screening.HasMany(s => s.Tests).WithOne().HasForeignKey(t => t.ScreeningId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScreeningTestConfiguration : IEntityTypeConfiguration<ScreeningTest>
{
    public void Configure(EntityTypeBuilder<ScreeningTest> test)
    {
        test.Property(t => t.TestCode).HasMaxLength(40);
        test.Property(t => t.EnteredUnit).HasMaxLength(8);
        test.HasIndex(t => new { t.ScreeningId, t.TestCode }).IsUnique();
    }
}
