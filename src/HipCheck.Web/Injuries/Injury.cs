using HipCheck.Core.Injuries;
using HipCheck.Core.Surveillance;
using HipCheck.Web.Athletes;
using HipCheck.Web.Programmes;
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

    /// <summary>Time-loss days (IOC 2020), counted by Core's TimeLoss from the dates when they were given.</summary>
    public int DaysLost { get; set; }

    /// <summary>Mode of onset (IOC 2020). Records from before these fields took it from the mechanism.</summary>
    public InjuryOnset Onset { get; set; }

    public InjuryContact? Contact { get; set; }

    /// <summary>OSIICS tissue letter (upper case), null when not recorded.</summary>
    public string? Tissue { get; set; }

    public InjurySide? Side { get; set; }

    public InjuryActivity? Activity { get; set; }

    /// <summary>The first day of full participation again; null when not back yet or not recorded.</summary>
    public DateOnly? ReturnDate { get; set; }

    /// <summary>Intermittent absences (only their days count as time loss); empty when not recorded.</summary>
    public List<InjuryAbsence> Absences { get; set; } = [];

    /// <summary>The subsequent-injury class the recorder confirmed; null while unconfirmed.</summary>
    public SubsequentInjuryKind? Subsequent { get; set; }

    /// <summary>What HipCheck suggested from the athlete's earlier records when this one was saved.</summary>
    public SubsequentInjuryKind? SubsequentSuggested { get; set; }

    /// <summary>Injuries of one athlete with the same event id came from one event and count once for incidence.</summary>
    public string? EventId { get; set; }

    public required string RecordedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>One absence: the first day missed and the day back in full training.</summary>
public sealed record InjuryAbsence(DateOnly FirstDayMissed, DateOnly ReturnDate);

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
        injury.Property(i => i.Onset).HasConversion<string>().HasMaxLength(10);
        injury.Property(i => i.Contact).HasConversion<string>().HasMaxLength(12);
        injury.Property(i => i.Tissue).HasMaxLength(1);
        injury.Property(i => i.Side).HasConversion<string>().HasMaxLength(15);
        injury.Property(i => i.Activity).HasConversion<string>().HasMaxLength(10);
        injury.Property(i => i.Subsequent).HasConversion<string>().HasMaxLength(15);
        injury.Property(i => i.SubsequentSuggested).HasConversion<string>().HasMaxLength(15);
        injury.Property(i => i.EventId).HasMaxLength(IocInjuryCodes.EventIdMaxLength);
        injury.Property(i => i.Absences).HasConversion(JsonColumn.Converter<List<InjuryAbsence>>(), JsonColumn.Comparer<List<InjuryAbsence>>());
    }
}
