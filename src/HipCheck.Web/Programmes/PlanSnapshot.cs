using HipCheck.Core.Measurement;
using HipCheck.Core.Training;
using CorePlan = HipCheck.Core.Training.Programme;

namespace HipCheck.Web.Programmes;

/// <summary>
/// The generated plan as it was assigned, stored whole with the programme. It is also the plan's part of the API
/// document, so what a client reads is exactly what was stored.
/// </summary>
/// <param name="GeneratedFrom">Which generator made it (the assembly version of HipCheck.Core).</param>
public sealed record PlanSnapshot(
    DateOnly RetestDate,
    IReadOnlyList<DeficitSnapshot> Deficits,
    IReadOnlyList<PlanWeek> Weeks,
    IReadOnlyList<string> Explanation,
    string GeneratedFrom);

/// <param name="Test">Test code, e.g. hip-extension.</param>
/// <param name="WeakerSide">left or right.</param>
/// <param name="NeedsRetest">The test's trials varied more than its protocol allows; the deficit was used cautiously.</param>
/// <param name="Description">The deficit in plain words.</param>
public sealed record DeficitSnapshot(string Test, string TestName, string? WeakerSide, double AsymmetryPercent, bool NeedsRetest, string Description);

/// <param name="Focus">What the week is about, in plain words.</param>
public sealed record PlanWeek(int Week, string Focus, IReadOnlyList<PlanItem> Exercises);

/// <param name="Level">regression (easier version), standard or progression (harder version).</param>
/// <param name="Sets">Sets on each side (the stronger side, for unilateral work with a weaker side).</param>
/// <param name="Reps">Repetitions per set, or null for a hold.</param>
/// <param name="HoldSeconds">Seconds per hold, or null for repetitions.</param>
/// <param name="ExtraSetsWeakerSide">Sets the weaker side does on top of <paramref name="Sets"/>.</param>
/// <param name="WeakerSide">left, right or null.</param>
public sealed record PlanItem(
    string ExerciseId,
    string ExerciseName,
    string Level,
    int Sets,
    int? Reps,
    int? HoldSeconds,
    int ExtraSetsWeakerSide,
    string? WeakerSide,
    string? Note);

/// <summary>The one place that translates between the generator's types and the stored snapshot.</summary>
public static class ProgrammePlans
{
    public static PlanSnapshot Snapshot(CorePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanSnapshot(
            plan.RetestDate,
            plan.Deficits.Select(d => new DeficitSnapshot(d.TestCode, d.TestName, d.WeakerSide is { } w ? Sides.Code(w) : null,
                d.AsymmetryPercent, d.NeedsRetest, d.Description)).ToList(),
            plan.Plan.Select(w => new PlanWeek(w.Week, w.Focus, w.Exercises.Select(Item).ToList())).ToList(),
            plan.Explanation,
            typeof(ProgrammeGenerator).Assembly.GetName().Version?.ToString() ?? "unknown");
    }

    /// <summary>The stored plan in the generator's terms, for Core's adherence arithmetic.</summary>
    public static CorePlan ToCore(Programme programme)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var plan = programme.Plan;
        return new CorePlan(
            programme.StartDate,
            programme.Weeks,
            programme.SessionsPerWeek,
            plan.RetestDate,
            plan.Deficits.Select(d => new Deficit(d.Test, d.TestName, ParseSide(d.WeakerSide), d.AsymmetryPercent, d.NeedsRetest, d.Description)).ToList(),
            plan.Weeks.Select(w => new ProgrammeWeek(w.Week, w.Focus, w.Exercises.Select(e => new PrescribedExercise(
                e.ExerciseId, e.Level, e.Sets, e.Reps, e.HoldSeconds, e.ExtraSetsWeakerSide, ParseSide(e.WeakerSide), e.Note ?? "")).ToList())).ToList(),
            plan.Explanation);
    }

    public static IReadOnlyList<string> ExerciseIds(PlanSnapshot plan) =>
        plan.Weeks.SelectMany(w => w.Exercises).Select(e => e.ExerciseId).Distinct().ToList();

    /// <summary>The week of the plan a date falls in (1-based), or null outside the programme.</summary>
    public static int? WeekOf(Programme programme, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var days = date.DayNumber - programme.StartDate.DayNumber;
        return days < 0 || days >= 7 * programme.Weeks ? null : days / 7 + 1;
    }

    private static PlanItem Item(PrescribedExercise e) => new(
        e.ExerciseId,
        ExerciseLibrary.Find(e.ExerciseId)?.Name ?? e.ExerciseId,
        e.Level,
        e.Sets,
        e.Reps,
        e.HoldSeconds,
        e.ExtraSetsWeakerSide,
        e.WeakerSide is { } s ? Sides.Code(s) : null,
        string.IsNullOrWhiteSpace(e.Note) ? null : e.Note);

    private static Side? ParseSide(string? code) => code switch
    {
        "left" => Side.Left,
        "right" => Side.Right,
        _ => null,
    };
}
