using HipCheck.Web.Athletes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Surveillance;

/// <summary>
/// Running exposure (IOC 2020: hours and, for runners, km): one session, or a whole week entered by hand. Imported
/// sessions carry their source and the source's id, so a file uploaded twice adds nothing the second time.
/// </summary>
public sealed class ExposureEntry
{
    public const string Manual = "manual";

    public Guid Id { get; set; }

    public Guid AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    /// <summary>The session's date, or the Monday of a week entered as a whole.</summary>
    public DateOnly Date { get; set; }

    /// <summary>"session" or "week".</summary>
    public required string Period { get; set; }

    public double Hours { get; set; }

    /// <summary>Kilometres; null when the source gives none (a treadmill session without distance).</summary>
    public double? Km { get; set; }

    /// <summary>manual, gpx, tcx or strava-csv.</summary>
    public required string Source { get; set; }

    /// <summary>The session's identity in its source (Strava activity id, TCX Id, else the start time); null for manual entries.</summary>
    public string? SourceId { get; set; }

    public string? ActivityType { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class ExposureEntryConfiguration : IEntityTypeConfiguration<ExposureEntry>
{
    public void Configure(EntityTypeBuilder<ExposureEntry> entry)
    {
        entry.HasOne(e => e.Athlete).WithMany().HasForeignKey(e => e.AthleteId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.AthleteId, e.Date });
        // Nulls never collide (SQLite and PostgreSQL alike), so manual entries are free and imports are idempotent.
        entry.HasIndex(e => new { e.AthleteId, e.Source, e.SourceId }).IsUnique();
        entry.Property(e => e.Period).HasMaxLength(10);
        entry.Property(e => e.Source).HasMaxLength(20);
        entry.Property(e => e.SourceId).HasMaxLength(200);
        entry.Property(e => e.ActivityType).HasMaxLength(60);
        entry.Property(e => e.RecordedByUserId).HasMaxLength(450);
    }
}
