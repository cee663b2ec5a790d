using HipCheck.Core.Surveillance;
using HipCheck.Web.Athletes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Surveillance;

/// <summary>
/// One athlete's weekly OSTRC-O2 check-in: the answers per body area for the week starting <see cref="WeekStart"/>
/// (a Monday). Problem, substantial problem and severity are not stored: Core scores the answers on every read.
/// </summary>
public sealed class WeeklyCheckin
{
    public Guid Id { get; set; }

    public Guid AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public DateOnly WeekStart { get; set; }

    public List<CheckinArea> Areas { get; set; } = [];

    public required string RecordedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>One area's answers (indices 0-3, null when not answered).</summary>
public sealed class CheckinArea
{
    public Guid CheckinId { get; set; }

    /// <summary>The instrument's area code (e.g. knee).</summary>
    public required string Area { get; set; }

    public int? Q1 { get; set; }

    public int? Q2 { get; set; }

    public int? Q3 { get; set; }

    public int? Q4 { get; set; }

    public OstrcAnswers Answers => new(Q1, Q2, Q3, Q4);

    public OstrcScore Score => OstrcScoring.Score(Answers);
}

/// <summary>A reminder sent for a week, so each runner gets at most one per week (the key makes it so across instances).</summary>
public sealed class CheckinReminder
{
    public Guid AthleteId { get; set; }

    public DateOnly WeekStart { get; set; }

    public DateTime SentUtc { get; set; }
}

internal sealed class WeeklyCheckinConfiguration : IEntityTypeConfiguration<WeeklyCheckin>
{
    public void Configure(EntityTypeBuilder<WeeklyCheckin> checkin)
    {
        checkin.HasOne(c => c.Athlete).WithMany().HasForeignKey(c => c.AthleteId).OnDelete(DeleteBehavior.Cascade);
        checkin.HasIndex(c => new { c.AthleteId, c.WeekStart }).IsUnique();
        checkin.HasMany(c => c.Areas).WithOne().HasForeignKey(a => a.CheckinId).OnDelete(DeleteBehavior.Cascade);
        checkin.Property(c => c.RecordedByUserId).HasMaxLength(450);
    }
}

internal sealed class CheckinAreaConfiguration : IEntityTypeConfiguration<CheckinArea>
{
    public void Configure(EntityTypeBuilder<CheckinArea> area)
    {
        area.HasKey(a => new { a.CheckinId, a.Area });
        area.Property(a => a.Area).HasMaxLength(40);
        area.Ignore(a => a.Answers);
        area.Ignore(a => a.Score);
    }
}

internal sealed class CheckinReminderConfiguration : IEntityTypeConfiguration<CheckinReminder>
{
    public void Configure(EntityTypeBuilder<CheckinReminder> reminder)
    {
        reminder.HasKey(r => new { r.AthleteId, r.WeekStart });
        reminder.HasOne<Athlete>().WithMany().HasForeignKey(r => r.AthleteId).OnDelete(DeleteBehavior.Cascade);
    }
}
