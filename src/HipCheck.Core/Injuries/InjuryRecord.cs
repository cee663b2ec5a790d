using HipCheck.Core.Validation;

namespace HipCheck.Core.Injuries;

/// <summary>Body regions, as the OSIICS / SMDCS region letters aligned with IOC 2020 (Orchard et al. 2020).</summary>
public enum BodyRegion
{
    LumbarSpine,
    HipGroin,
    Thigh,
    Knee,
    LowerLeg,
    Ankle,
    Foot,
    Other,
}

/// <summary>The diagnoses HipCheck's rules and studies name; anything else is Other with a text.</summary>
public enum Diagnosis
{
    LowBackPain,
    PatellofemoralPain,
    ItBandSyndrome,
    Other,
}

/// <summary>
/// How the injury came about: repeated loading (overuse; IOC 2020 "repetitive") or one acute (traumatic) event
/// (IOC 2020 "acute"). The codes <c>repetitive</c> and <c>acute</c> are accepted as the IOC names of the two.
/// </summary>
public enum Mechanism
{
    Overuse,
    AcuteTrauma,
}

/// <summary>
/// An injury as entered, before validation (API body and form alike). The IOC 2020 fields after
/// <paramref name="DaysLost"/> are optional (<see cref="IocInjuryCodes"/>); with a return date or absences the time-loss
/// days are counted from the dates and <paramref name="DaysLost"/> may be left out.
/// </summary>
public sealed record InjuryEntry(
    string? Region,
    string? Diagnosis,
    string? DiagnosisText,
    DateOnly? OnsetDate,
    string? Mechanism,
    bool? NeededTreatment,
    int? DaysLost,
    string? Onset = null,
    string? Contact = null,
    string? Tissue = null,
    string? Side = null,
    string? Activity = null,
    DateOnly? ReturnDate = null,
    IReadOnlyList<AbsenceEntry>? Absences = null,
    string? Subsequent = null,
    string? EventId = null);

/// <summary>Codes and validation of injury records. Codes are a public contract (API, exports).</summary>
public static class InjuryCodes
{
    public const int DiagnosisTextMaxLength = 200;

    /// <summary>More than a season off is possible (surgery) but more than two years is a typing error.</summary>
    public const int MaxDaysLost = 730;

    private static readonly (BodyRegion Value, string Code, string Osiics, string Name)[] Regions =
    [
        (BodyRegion.LumbarSpine, "lumbar-spine", "L", "Lower back, pelvis and buttocks"),
        (BodyRegion.HipGroin, "hip-groin", "G", "Hip and groin"),
        (BodyRegion.Thigh, "thigh", "T", "Thigh"),
        (BodyRegion.Knee, "knee", "K", "Knee"),
        (BodyRegion.LowerLeg, "lower-leg", "Q", "Lower leg and Achilles tendon"),
        (BodyRegion.Ankle, "ankle", "A", "Ankle"),
        (BodyRegion.Foot, "foot", "F", "Foot"),
        (BodyRegion.Other, "other", "Z", "Other or unspecified"),
    ];

    private static readonly (Diagnosis Value, string Code, string Name)[] Diagnoses =
    [
        (Injuries.Diagnosis.LowBackPain, "low-back-pain", "Low back pain"),
        (Injuries.Diagnosis.PatellofemoralPain, "patellofemoral-pain", "Patellofemoral (knee-cap) pain"),
        (Injuries.Diagnosis.ItBandSyndrome, "it-band-syndrome", "Iliotibial band syndrome"),
        (Injuries.Diagnosis.Other, "other", "Other"),
    ];

    public static IReadOnlyList<BodyRegion> AllRegions { get; } = [.. Regions.Select(r => r.Value)];

    public static IReadOnlyList<Diagnosis> AllDiagnoses { get; } = [.. Diagnoses.Select(d => d.Value)];

    public static string Code(BodyRegion region) => Regions.First(r => r.Value == region).Code;

    /// <summary>The OSIICS region letter.</summary>
    public static string Osiics(BodyRegion region) => Regions.First(r => r.Value == region).Osiics;

    public static string Name(BodyRegion region) => Regions.First(r => r.Value == region).Name;

    public static string Code(Diagnosis diagnosis) => Diagnoses.First(d => d.Value == diagnosis).Code;

    public static string Name(Diagnosis diagnosis) => Diagnoses.First(d => d.Value == diagnosis).Name;

    public static string Code(Mechanism mechanism) => mechanism == Mechanism.Overuse ? "overuse" : "acute-trauma";

    public static bool TryParseRegion(string? code, out BodyRegion region)
    {
        var match = Regions.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        region = match.Value;
        return match.Code is not null;
    }

    public static bool TryParseDiagnosis(string? code, out Diagnosis diagnosis)
    {
        var match = Diagnoses.FirstOrDefault(d => string.Equals(d.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        diagnosis = match.Value;
        return match.Code is not null;
    }

    public static bool TryParseMechanism(string? code, out Mechanism mechanism)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "OVERUSE" or "REPETITIVE":
                mechanism = Mechanism.Overuse;
                return true;
            case "ACUTE-TRAUMA" or "ACUTE":
                mechanism = Mechanism.AcuteTrauma;
                return true;
            default:
                mechanism = default;
                return false;
        }
    }

    /// <summary>Validates an entry; <paramref name="today"/> from the caller's clock, birth date bounds the onset.</summary>
    public static IReadOnlyList<FieldError> Validate(InjuryEntry entry, DateOnly birthDate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new FieldErrors();
        var regions = string.Join(", ", Regions.Select(r => r.Code));
        if (string.IsNullOrWhiteSpace(entry.Region))
        {
            errors.Add("region", $"Choose the body region: {regions}.");
        }
        else if (!TryParseRegion(entry.Region, out _))
        {
            errors.Add("region", $"Unknown region '{entry.Region}'. Use one of {regions}.");
        }

        var diagnoses = string.Join(", ", Diagnoses.Select(d => d.Code));
        if (string.IsNullOrWhiteSpace(entry.Diagnosis))
        {
            errors.Add("diagnosis", $"Choose the diagnosis: {diagnoses}.");
        }
        else if (!TryParseDiagnosis(entry.Diagnosis, out var diagnosis))
        {
            errors.Add("diagnosis", $"Unknown diagnosis '{entry.Diagnosis}'. Use one of {diagnoses}.");
        }
        else if (diagnosis == Injuries.Diagnosis.Other && string.IsNullOrWhiteSpace(entry.DiagnosisText))
        {
            errors.Add("diagnosisText", "Describe the diagnosis in a few words.");
        }

        if (entry.DiagnosisText is { } text && text.Trim().Length > DiagnosisTextMaxLength)
        {
            errors.Add("diagnosisText", $"The description can be at most {DiagnosisTextMaxLength} characters.");
        }

        if (entry.OnsetDate is not { } onset)
        {
            errors.Add("onsetDate", "Enter the date the injury began (YYYY-MM-DD).");
        }
        else if (onset > today.AddDays(1))
        {
            errors.Add("onsetDate", "The onset date cannot be in the future.");
        }
        else if (onset < birthDate)
        {
            errors.Add("onsetDate", "The onset date is before the athlete's birth date.");
        }

        if (string.IsNullOrWhiteSpace(entry.Mechanism))
        {
            errors.Add("mechanism", "Choose how it happened: overuse or acute-trauma.");
        }
        else if (!TryParseMechanism(entry.Mechanism, out _))
        {
            errors.Add("mechanism", $"Unknown mechanism '{entry.Mechanism}'. Use overuse or acute-trauma.");
        }

        if (entry.NeededTreatment is null)
        {
            errors.Add("neededTreatment", "Say whether the injury needed treatment by a health professional.");
        }

        if (entry.DaysLost is { } days && (days < 0 || days > MaxDaysLost))
        {
            errors.Add("daysLost", $"Days lost must be between 0 and {MaxDaysLost}.");
        }
        else if (entry.DaysLost is null && !IocInjuryCodes.HasDates(entry))
        {
            errors.Add("daysLost", "Enter the days of training or competition lost (0 if none), or the date of the return to full training.");
        }

        var before = errors.All.Count;
        IocInjuryCodes.Validate(entry, today, errors);
        if (errors.All.Count == before && errors.IsValid && IocInjuryCodes.HasDates(entry))
        {
            var counted = IocInjuryCodes.TimeLossDays(entry);
            if (counted > MaxDaysLost)
            {
                errors.Add("returnDate", $"The dates give {counted} days of time loss, more than {MaxDaysLost}: check them.");
            }
            else if (entry.DaysLost is { } typed && typed != counted)
            {
                errors.Add("daysLost", $"The dates give {counted} days of time loss (IOC 2020 counting), not {typed}: leave days lost empty or enter {counted}.");
            }
        }

        return errors.All;
    }
}
