using HipCheck.Core.Measurement;

namespace HipCheck.Core.Training;

/// <summary>A side-to-side difference in a screening test that the programme works on (asymmetry at or above 10 %).</summary>
/// <param name="TestCode">The screening test (hip-extension, hip-abduction, hip-external-rotation, or single-leg-bridge).</param>
/// <param name="TestName">Its display name.</param>
/// <param name="WeakerSide">The weaker side (never null for a deficit; nullable to match the measurement model).</param>
/// <param name="AsymmetryPercent">100 x (stronger - weaker) / stronger, as the screening computed it.</param>
/// <param name="NeedsRetest">True when the trials varied more than the protocol allows; the deficit is used cautiously.</param>
/// <param name="Description">Plain-language summary for the report.</param>
public sealed record Deficit(
    string TestCode, string TestName, Side? WeakerSide, double AsymmetryPercent, bool NeedsRetest, string Description)
{
    /// <summary>The library test the deficit is trained through (single-leg-bridge maps to hip-extension).</summary>
    public string TrainedTest => TestCode == TestCatalogue.SingleLegBridge.Code ? TestCatalogue.HipExtension.Code : TestCode;

    /// <summary>At or above <see cref="ProgrammeGenerator.SevereDeficitPercent"/>.</summary>
    public bool IsSevere => AsymmetryPercent >= ProgrammeGenerator.SevereDeficitPercent;
}

/// <summary>
/// One exercise in one week. <see cref="Sets"/> is per side; the weaker side does <see cref="ExtraSetsWeakerSide"/> more.
/// Exactly one of <see cref="Reps"/> (per set) and <see cref="HoldSeconds"/> (per hold) is set, by the exercise's dose.
/// </summary>
/// <param name="Level">"regression" (easier version), "standard" or "progression" (harder version).</param>
public sealed record PrescribedExercise(
    string ExerciseId,
    string Level,
    int Sets,
    int? Reps,
    int? HoldSeconds,
    int ExtraSetsWeakerSide,
    Side? WeakerSide,
    string Note)
{
    public const string Regression = "regression";
    public const string Standard = "standard";
    public const string Progression = "progression";

    /// <summary>Sets for one side: the base sets, plus the extra sets when <paramref name="side"/> is the weaker one.</summary>
    public int SetsFor(Side side) => WeakerSide == side ? Sets + ExtraSetsWeakerSide : Sets;

    /// <summary>Volume of one session, both sides: total repetitions, or total seconds of holding.</summary>
    public int SessionVolume => ((2 * Sets) + ExtraSetsWeakerSide) * (Reps ?? HoldSeconds ?? 0);
}

/// <summary>One week of the plan; every session of the week does the same exercises.</summary>
public sealed record ProgrammeWeek(int Week, string Focus, IReadOnlyList<PrescribedExercise> Exercises)
{
    public bool Equals(ProgrammeWeek? other) =>
        other is not null && Week == other.Week && Focus == other.Focus && Exercises.SequenceEqual(other.Exercises);

    public override int GetHashCode() => HashCode.Combine(Week, Focus, Exercises.Count);
}

/// <summary>What the generator needs: the screening's results and the plan's calendar.</summary>
/// <param name="Results">Test results of one screening (any tests; the sided force tests drive the plan).</param>
/// <param name="StartDate">First day of week 1.</param>
/// <param name="SessionsPerWeek">2-4.</param>
/// <param name="Weeks">6-8.</param>
public sealed record ProgrammeInput(IReadOnlyList<TestResult> Results, DateOnly StartDate, int SessionsPerWeek = 3, int Weeks = 8);

/// <summary>A generated strengthening programme.</summary>
/// <param name="RetestDate">The day after the last week: when to repeat the screening.</param>
/// <param name="Deficits">The deficits the plan works on, largest first.</param>
/// <param name="Plan">One entry per week, 1..Weeks.</param>
/// <param name="Explanation">Every rule that shaped the plan, in plain words, for the page and the PDF.</param>
public sealed record Programme(
    DateOnly StartDate,
    int Weeks,
    int SessionsPerWeek,
    DateOnly RetestDate,
    IReadOnlyList<Deficit> Deficits,
    IReadOnlyList<ProgrammeWeek> Plan,
    IReadOnlyList<string> Explanation)
{
    /// <summary>First day of a week (1-based).</summary>
    public DateOnly WeekStart(int week) => StartDate.AddDays(7 * (week - 1));

    public bool Equals(Programme? other) =>
        other is not null && StartDate == other.StartDate && Weeks == other.Weeks && SessionsPerWeek == other.SessionsPerWeek
        && RetestDate == other.RetestDate && Deficits.SequenceEqual(other.Deficits) && Plan.SequenceEqual(other.Plan)
        && Explanation.SequenceEqual(other.Explanation);

    public override int GetHashCode() => HashCode.Combine(StartDate, Weeks, SessionsPerWeek, Deficits.Count);
}
