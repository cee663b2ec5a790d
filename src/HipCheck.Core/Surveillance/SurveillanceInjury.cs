namespace HipCheck.Core.Surveillance;

/// <summary>Mode of onset (IOC 2020, Bahr et al.): a specific moment, or a build-up over time.</summary>
public enum InjuryOnset
{
    Sudden,
    Gradual,
}

/// <summary>Injury mechanism (IOC 2020): one identifiable transfer of energy, or repeated loading.</summary>
public enum InjuryMechanism
{
    Acute,
    Repetitive,
}

/// <summary>
/// One injury as an injury-surveillance study records it (IOC consensus 2020, Bahr et al., Br J Sports Med
/// 2020;54:372-389): when it began, where (OSIICS region letter) and in which tissue (OSIICS tissue letter), how it
/// began, and the days of time loss it caused (<see cref="TimeLoss"/> counts them). Validated at construction.
/// </summary>
public sealed record SurveillanceInjury
{
    public SurveillanceInjury(string athleteId, DateOnly onsetDate, string region, string tissue, InjuryOnset onset,
        InjuryMechanism mechanism, int timeLossDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(athleteId);
        if (!OsiicsCodes.IsRegion(region))
        {
            throw new ArgumentException($"'{region}' is not an OSIICS region letter ({string.Join(", ", OsiicsCodes.Regions.Select(r => r.Letter))}).", nameof(region));
        }

        if (!OsiicsCodes.IsTissue(tissue))
        {
            throw new ArgumentException($"'{tissue}' is not an OSIICS tissue letter ({string.Join(", ", OsiicsCodes.Tissues.Select(t => t.Letter))}).", nameof(tissue));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(timeLossDays);
        AthleteId = athleteId;
        OnsetDate = onsetDate;
        Region = region;
        Tissue = tissue;
        Onset = onset;
        Mechanism = mechanism;
        TimeLossDays = timeLossDays;
    }

    public string AthleteId { get; }

    public DateOnly OnsetDate { get; }

    /// <summary>OSIICS region letter, e.g. G for hip and groin.</summary>
    public string Region { get; }

    /// <summary>OSIICS tissue letter, e.g. T for tendinopathy.</summary>
    public string Tissue { get; }

    public InjuryOnset Onset { get; }

    public InjuryMechanism Mechanism { get; }

    /// <summary>Days of time loss (IOC 2020 counting; see <see cref="TimeLoss"/>).</summary>
    public int TimeLossDays { get; }

    /// <summary>
    /// Identifies the event (a fall, a race) when one event caused several injuries; they then count once for
    /// incidence (<see cref="InjuryEvents"/>). Null: the injury is an event of its own.
    /// </summary>
    public string? EventId { get; init; }

    /// <summary>The first day of full participation again; null when not recorded (or not yet back).</summary>
    public DateOnly? ReturnDate { get; init; }

    /// <summary>
    /// The recorded return date, or else one estimated from the time loss as the IOC count implies for an
    /// absence that began the day after onset: onset + days + 1 (the onset day itself when no day was lost).
    /// </summary>
    public DateOnly EstimatedReturnDate => ReturnDate ?? (TimeLossDays == 0 ? OnsetDate : OnsetDate.AddDays(TimeLossDays + 1));
}

/// <summary>
/// The OSIICS region and tissue letters HipCheck accepts (Orchard et al., Br J Sports Med 2020;54:397-401, as listed
/// in DOMAIN.md). Only letters confirmed there: a study needing another one adds it here with its source.
/// </summary>
public static class OsiicsCodes
{
    public static IReadOnlyList<(string Letter, string Name)> Regions { get; } =
    [
        ("L", "Lumbosacral (lower back, pelvis, buttocks)"),
        ("G", "Hip and groin"),
        ("T", "Thigh"),
        ("K", "Knee"),
        ("Q", "Lower leg and Achilles tendon"),
        ("A", "Ankle"),
        ("F", "Foot"),
        ("Z", "Region unspecified"),
        ("X", "Multiple regions"),
    ];

    public static IReadOnlyList<(string Letter, string Name)> Tissues { get; } =
    [
        ("M", "Muscle"),
        ("T", "Tendinopathy"),
        ("R", "Tendon rupture"),
        ("S", "Bone stress injury"),
        ("F", "Fracture"),
        ("C", "Cartilage"),
        ("L", "Ligament sprain"),
        ("D", "Joint sprain or instability"),
        ("B", "Bursitis"),
    ];

    public static bool IsRegion(string? letter) => Regions.Any(r => string.Equals(r.Letter, letter, StringComparison.Ordinal));

    public static bool IsTissue(string? letter) => Tissues.Any(t => string.Equals(t.Letter, letter, StringComparison.Ordinal));
}
