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

    /// <summary>How the screening came in: typed in a form or the API, or imported from a file.</summary>
    public ScreeningSource Source { get; set; }

    public DateTime CreatedUtc { get; set; }

    public List<ScreeningTest> Tests { get; set; } = [];
}

/// <summary>Where a screening came from.</summary>
public enum ScreeningSource
{
    /// <summary>Typed in the screening form or sent to the API. A same-day re-test is a second screening.</summary>
    Entered,

    /// <summary>Imported from a file: one screening per athlete and day, so a re-import finds it again.</summary>
    Imported,
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
        screening.Property(s => s.Source).HasConversion<string>().HasMaxLength(10);
        // The import's natural key is athlete + day + test: one imported screening per athlete and day (this index)
        // holding each test once (the unique (ScreeningId, TestCode) index). Entered screenings stay free: a re-test
        // on the same day is a real second session.
        screening.HasIndex(s => new { s.AthleteId, s.Date }, "IX_Screenings_Imported_AthleteId_Date").IsUnique().HasFilter("\"Source\" = 'Imported'");
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
