using HipCheck.Core.Validation;

namespace HipCheck.Core.Training;

/// <summary>What was done of one exercise in a logged session, each side apart (null: not entered).</summary>
public sealed record ExerciseLogEntry(
    string? ExerciseId,
    int? LeftReps = null,
    int? RightReps = null,
    double? LeftLoadKg = null,
    double? RightLoadKg = null,
    int? LeftHoldSeconds = null,
    int? RightHoldSeconds = null);

/// <summary>
/// Checks a logged workout before it is stored. Field paths are the API's (<c>exercises[1].rightLoadKg</c>) so the
/// API, the log form and any client report the same thing. The upper limits are plausibility limits, not targets:
/// they catch typing slips (a load of 600 kg on a single-leg bridge) rather than judge the athlete.
/// </summary>
public static class SessionLogRules
{
    public const int MaxPain = 10;
    public const int MaxReps = 200;
    public const double MaxLoadKg = 250;
    public const int MaxHoldSeconds = 600;
    public const int NoteMaxLength = 500;

    public static readonly IReadOnlyList<string> StatusCodes = ["done", "partly", "skipped"];

    public static bool TryParseStatus(string? code, out SessionStatus status)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "done": status = SessionStatus.Done; return true;
            case "partly": status = SessionStatus.Partly; return true;
            case "skipped": status = SessionStatus.Skipped; return true;
            default: status = default; return false;
        }
    }

    public static string Code(SessionStatus status) => status switch
    {
        SessionStatus.Done => "done",
        SessionStatus.Partly => "partly",
        _ => "skipped",
    };

    /// <param name="date">The day of the session.</param>
    /// <param name="status">done, partly or skipped.</param>
    /// <param name="pain">0-10, optional.</param>
    /// <param name="note">Free text, optional.</param>
    /// <param name="exercises">Per exercise values; each id must be one of <paramref name="planExerciseIds"/>.</param>
    /// <param name="programmeStart">No session before the programme began.</param>
    /// <param name="latestDate">The latest date that is not in the future for any user (the caller's "today" + 1 day in UTC terms).</param>
    /// <param name="planExerciseIds">The exercises of the plan.</param>
    public static IReadOnlyList<FieldError> Validate(
        DateOnly? date, string? status, int? pain, string? note, IReadOnlyList<ExerciseLogEntry?>? exercises,
        DateOnly programmeStart, DateOnly latestDate, IReadOnlyCollection<string> planExerciseIds)
    {
        ArgumentNullException.ThrowIfNull(planExerciseIds);
        var errors = new FieldErrors();
        if (date is not { } d)
        {
            errors.Add("date", "Enter the day of the session (YYYY-MM-DD).");
        }
        else if (d > latestDate)
        {
            errors.Add("date", "The session date cannot be in the future.");
        }
        else if (d < programmeStart)
        {
            errors.Add("date", $"The programme started on {programmeStart:yyyy-MM-dd}; a session cannot be before that.");
        }

        if (!TryParseStatus(status, out _))
        {
            errors.Add("status", "Choose done, partly or skipped.");
        }

        if (pain is { } p && (p < 0 || p > MaxPain))
        {
            errors.Add("pain", $"Pain is a number from 0 (none) to {MaxPain} (worst imaginable).");
        }

        if (note is { Length: > NoteMaxLength })
        {
            errors.Add("note", $"Keep the note under {NoteMaxLength} characters.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (exercises?.Count ?? 0); i++)
        {
            var path = $"exercises[{i}]";
            if (exercises![i] is not { } e)
            {
                errors.Add(path, "Each exercise entry needs an exerciseId.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(e.ExerciseId) || !planExerciseIds.Contains(e.ExerciseId))
            {
                errors.Add($"{path}.exerciseId", "This exercise is not part of the programme.");
            }
            else if (!seen.Add(e.ExerciseId))
            {
                errors.Add($"{path}.exerciseId", "This exercise is already listed; enter each exercise once.");
            }

            Count(errors, $"{path}.leftReps", e.LeftReps, MaxReps, "repetitions");
            Count(errors, $"{path}.rightReps", e.RightReps, MaxReps, "repetitions");
            Load(errors, $"{path}.leftLoadKg", e.LeftLoadKg);
            Load(errors, $"{path}.rightLoadKg", e.RightLoadKg);
            Count(errors, $"{path}.leftHoldSeconds", e.LeftHoldSeconds, MaxHoldSeconds, "seconds");
            Count(errors, $"{path}.rightHoldSeconds", e.RightHoldSeconds, MaxHoldSeconds, "seconds");
        }

        return errors.All;
    }

    private static void Count(FieldErrors errors, string field, int? value, int max, string unit)
    {
        if (value is { } v && (v < 0 || v > max))
        {
            errors.Add(field, $"Enter 0 to {max} {unit}.");
        }
    }

    private static void Load(FieldErrors errors, string field, double? value)
    {
        if (value is { } v && (!double.IsFinite(v) || v < 0 || v > MaxLoadKg))
        {
            errors.Add(field, $"Enter an added load of 0 to {MaxLoadKg:0} kg (0 for body weight).");
        }
    }
}
