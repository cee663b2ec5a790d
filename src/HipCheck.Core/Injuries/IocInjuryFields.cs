using HipCheck.Core.Surveillance;
using HipCheck.Core.Validation;

namespace HipCheck.Core.Injuries;

/// <summary>Contact (IOC 2020, Bahr et al.): none, through an object or another body part, or a direct blow.</summary>
public enum InjuryContact
{
    NonContact,
    Indirect,
    Direct,
}

/// <summary>The side of the body; not applicable for the midline (the lower back).</summary>
public enum InjurySide
{
    Left,
    Right,
    Bilateral,
    NotApplicable,
}

/// <summary>What the athlete was doing when the injury began.</summary>
public enum InjuryActivity
{
    Running,
    Training,
    Other,
}

/// <summary>One absence as entered: first day missed and the day back in full training (both required).</summary>
public sealed record AbsenceEntry(DateOnly? FirstDayMissed, DateOnly? ReturnDate);

/// <summary>
/// The IOC 2020 fields of an injury record (Bahr et al., Br J Sports Med 2020;54:372-389): mode of onset, mechanism,
/// contact, OSIICS tissue letter, side, activity, the return to full participation or the absences from which the
/// time-loss days are counted (<see cref="TimeLoss"/>), the subsequent-injury class and an event id. Codes are a public
/// contract (API, exports).
/// </summary>
public static class IocInjuryCodes
{
    public const int EventIdMaxLength = 60;

    public const int MaxAbsences = 20;

    private static readonly (InjuryOnset Value, string Code)[] Onsets = [(InjuryOnset.Sudden, "sudden"), (InjuryOnset.Gradual, "gradual")];

    private static readonly (InjuryContact Value, string Code, string Name)[] Contacts =
    [
        (InjuryContact.NonContact, "non-contact", "No contact"),
        (InjuryContact.Indirect, "indirect", "Indirect contact (through something else, e.g. a fall)"),
        (InjuryContact.Direct, "direct", "Direct contact (a blow to the injured part)"),
    ];

    private static readonly (InjurySide Value, string Code, string Name)[] Sides =
    [
        (InjurySide.Left, "left", "Left"),
        (InjurySide.Right, "right", "Right"),
        (InjurySide.Bilateral, "bilateral", "Both sides"),
        (InjurySide.NotApplicable, "not-applicable", "Not applicable (midline)"),
    ];

    private static readonly (InjuryActivity Value, string Code, string Name)[] Activities =
    [
        (InjuryActivity.Running, "running", "Running"),
        (InjuryActivity.Training, "training", "Other training (gym, drills, cross-training)"),
        (InjuryActivity.Other, "other", "Outside training"),
    ];

    private static readonly (SubsequentInjuryKind Value, string Code, string Name)[] Subsequents =
    [
        (SubsequentInjuryKind.First, "first", "First injury on record"),
        (SubsequentInjuryKind.Recurrence, "recurrence", "Recurrence (same place and tissue, after return)"),
        (SubsequentInjuryKind.Exacerbation, "exacerbation", "Exacerbation (same place and tissue, before return)"),
        (SubsequentInjuryKind.Local, "local", "Local (same region, other tissue)"),
        (SubsequentInjuryKind.New, "new", "New region"),
    ];

    public static IReadOnlyList<InjuryContact> AllContacts { get; } = [.. Contacts.Select(c => c.Value)];

    public static IReadOnlyList<InjurySide> AllSides { get; } = [.. Sides.Select(s => s.Value)];

    public static IReadOnlyList<InjuryActivity> AllActivities { get; } = [.. Activities.Select(a => a.Value)];

    public static IReadOnlyList<SubsequentInjuryKind> AllSubsequentKinds { get; } = [.. Subsequents.Select(s => s.Value)];

    public static string Code(InjuryOnset onset) => Onsets.First(o => o.Value == onset).Code;

    public static string Code(InjuryContact contact) => Contacts.First(c => c.Value == contact).Code;

    public static string Name(InjuryContact contact) => Contacts.First(c => c.Value == contact).Name;

    public static string Code(InjurySide side) => Sides.First(s => s.Value == side).Code;

    public static string Name(InjurySide side) => Sides.First(s => s.Value == side).Name;

    public static string Code(InjuryActivity activity) => Activities.First(a => a.Value == activity).Code;

    public static string Name(InjuryActivity activity) => Activities.First(a => a.Value == activity).Name;

    public static string Code(SubsequentInjuryKind kind) => Subsequents.First(s => s.Value == kind).Code;

    public static string Name(SubsequentInjuryKind kind) => Subsequents.First(s => s.Value == kind).Name;

    /// <summary>The IOC mechanism of HipCheck's stored mechanism: overuse is repetitive loading, acute trauma acute.</summary>
    public static InjuryMechanism IocMechanism(Mechanism mechanism) =>
        mechanism == Mechanism.AcuteTrauma ? InjuryMechanism.Acute : InjuryMechanism.Repetitive;

    /// <summary>The mode of onset to assume when none was recorded: an acute mechanism began suddenly, a repetitive one gradually.</summary>
    public static InjuryOnset DefaultOnset(Mechanism mechanism) =>
        mechanism == Mechanism.AcuteTrauma ? InjuryOnset.Sudden : InjuryOnset.Gradual;

    public static bool TryParseOnset(string? code, out InjuryOnset value) => TryParse(Onsets.Select(o => (o.Value, o.Code)), code, out value);

    public static bool TryParseContact(string? code, out InjuryContact value) => TryParse(Contacts.Select(c => (c.Value, c.Code)), code, out value);

    public static bool TryParseSide(string? code, out InjurySide value) => TryParse(Sides.Select(s => (s.Value, s.Code)), code, out value);

    public static bool TryParseActivity(string? code, out InjuryActivity value) => TryParse(Activities.Select(a => (a.Value, a.Code)), code, out value);

    public static bool TryParseSubsequent(string? code, out SubsequentInjuryKind value) => TryParse(Subsequents.Select(s => (s.Value, s.Code)), code, out value);

    /// <summary>The OSIICS tissue letter in upper case, or null when it is not one HipCheck accepts.</summary>
    public static string? Tissue(string? letter) =>
        letter?.Trim().ToUpperInvariant() is { Length: 1 } upper && OsiicsCodes.IsTissue(upper) ? upper : null;

    /// <summary>The absences as periods; only call on a validated entry.</summary>
    public static IReadOnlyList<AbsencePeriod> Periods(InjuryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return [.. (entry.Absences ?? []).Select(a => new AbsencePeriod(a.FirstDayMissed!.Value, a.ReturnDate!.Value))];
    }

    /// <summary>
    /// Time-loss days of a validated entry, counted by <see cref="TimeLoss"/>: from the absences when any were given
    /// (only the days missed count), else from the return date (onset day = day 0), else the days lost typed in.
    /// </summary>
    public static int TimeLossDays(InjuryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Absences is { Count: > 0 })
        {
            return TimeLoss.Days(entry.OnsetDate!.Value, Periods(entry));
        }

        return entry.ReturnDate is { } back ? TimeLoss.Days(entry.OnsetDate!.Value, back) : entry.DaysLost!.Value;
    }

    /// <summary>True when the time loss comes from dates (so <c>daysLost</c> need not be typed).</summary>
    public static bool HasDates(InjuryEntry entry) =>
        entry is not null && (entry.ReturnDate is not null || entry.Absences is { Count: > 0 });

    /// <summary>Validates the IOC fields of an entry (all optional; see <see cref="InjuryCodes.Validate"/> for the rest).</summary>
    internal static void Validate(InjuryEntry entry, DateOnly today, FieldErrors errors)
    {
        Check<InjuryOnset>(entry.Onset, TryParseOnset, "onset", "sudden or gradual", errors);
        Check<InjuryContact>(entry.Contact, TryParseContact, "contact", "non-contact, indirect or direct", errors);
        Check<InjurySide>(entry.Side, TryParseSide, "side", "left, right, bilateral or not-applicable", errors);
        Check<InjuryActivity>(entry.Activity, TryParseActivity, "activity", "running, training or other", errors);
        Check<SubsequentInjuryKind>(entry.Subsequent, TryParseSubsequent, "subsequent", "first, recurrence, exacerbation, local or new", errors);
        if (!string.IsNullOrWhiteSpace(entry.Tissue) && Tissue(entry.Tissue) is null)
        {
            errors.Add("tissue", $"Unknown tissue '{entry.Tissue}'. Use an OSIICS tissue letter: {string.Join(", ", OsiicsCodes.Tissues.Select(t => t.Letter))}.");
        }

        if (entry.EventId is { } eventId && eventId.Trim().Length > EventIdMaxLength)
        {
            errors.Add("eventId", $"The event id can be at most {EventIdMaxLength} characters.");
        }

        var onset = entry.OnsetDate;
        if (entry.ReturnDate is { } back)
        {
            if (onset is { } o && back < o)
            {
                errors.Add("returnDate", "The return date is before the onset date.");
            }
            else if (back > today.AddDays(1))
            {
                errors.Add("returnDate", "The return date cannot be in the future: leave it empty until the athlete is back.");
            }
        }

        var absences = entry.Absences ?? [];
        if (absences.Count > MaxAbsences)
        {
            errors.Add("absences", $"At most {MaxAbsences} absence periods.");
        }

        for (var i = 0; i < absences.Count; i++)
        {
            var a = absences[i];
            if (a is null || a.FirstDayMissed is not { } first)
            {
                errors.Add($"absences[{i}].firstDayMissed", "Enter the first day missed.");
                continue;
            }

            if (a.ReturnDate is not { } end)
            {
                errors.Add($"absences[{i}].returnDate", "Enter the day back in full training.");
                continue;
            }

            if (onset is { } o && first < o)
            {
                errors.Add($"absences[{i}].firstDayMissed", "An absence cannot begin before the onset date.");
            }
            else if (end < first)
            {
                errors.Add($"absences[{i}].returnDate", "The day back is before the first day missed.");
            }
            else if (end > today.AddDays(1))
            {
                errors.Add($"absences[{i}].returnDate", "The day back cannot be in the future.");
            }
        }
    }

    private delegate bool Parser<T>(string? code, out T value);

    private static void Check<T>(string? code, Parser<T> parse, string field, string allowed, FieldErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(code) && !parse(code, out _))
        {
            errors.Add(field, $"Unknown {field} '{code}'. Use {allowed}.");
        }
    }

    private static bool TryParse<T>(IEnumerable<(T Value, string Code)> table, string? code, out T value)
    {
        foreach (var (v, c) in table)
        {
            if (string.Equals(c, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
