using System.Globalization;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Training;

/// <summary>
/// Builds a 6-8 week strengthening plan from one screening. Deterministic: the same input gives the same programme,
/// down to every word (no clock, no randomness, invariant culture).
/// <para>The rules, each also written into <see cref="Programme.Explanation"/>:</para>
/// <list type="number">
/// <item><b>Deficits.</b> The sided force tests (hip extension, abduction, external rotation) are compared side to
/// side with the screening's asymmetry (100 x (stronger - weaker) / stronger). A difference of at least
/// <see cref="DeficitThresholdPercent"/> is a deficit. The single-leg bridge hold stands in for hip extension when no
/// hip-extension force test was done. Thresholds of 10-15 % are clinical conventions, not evidence-based cut-offs
/// (Parkinson et al. 2021; Bishop et al. 2018), and the explanation says so.</item>
/// <item><b>Extra work on the weaker side.</b> Every unilateral exercise that trains a test with a deficit gets
/// 1 extra set on the weaker side, 2 when the deficit is at least <see cref="LargeDeficitPercent"/>. When an exercise
/// trains several tests with deficits, the largest decides. Exercises for tests without a deficit keep both sides
/// equal.</item>
/// <item><b>Re-test warnings.</b> A test whose trials varied more than its protocol allows is named in the
/// explanation and still used, cautiously: at most 1 extra set.</item>
/// <item><b>Volume.</b> Weeks 1-2: 2 sets per side of every exercise. Exercises that train a deficit go to 3 sets from
/// week 3; exercises without one stay at 2 sets (maintenance). From week 5, every two weeks add 2 repetitions or
/// 5 seconds per hold. Volume never falls from one week to the next.</item>
/// <item><b>Level.</b> Weeks 1-2 use the easier version where the library says an exercise starts there (the
/// single-leg deadlift and the side plank), the standard version otherwise; from week 3 the standard version; in the
/// last third of the plan (the last two weeks of 6-8) the harder version, which replaces that fortnight's repetition
/// increase. An exercise that trains a test with a deficit of at least <see cref="SevereDeficitPercent"/> stays at the
/// standard version, so the weaker side can control the full movement before it is made harder.</item>
/// <item><b>Calendar.</b> Every session of a week does all five exercises; the re-test date is the day after the
/// last week.</item>
/// </list>
/// </summary>
public static class ProgrammeGenerator
{
    /// <summary>Asymmetry at or above which a side difference counts as a deficit (a convention, DOMAIN.md).</summary>
    public const double DeficitThresholdPercent = 10;

    /// <summary>Asymmetry at or above which the weaker side gets 2 extra sets instead of 1 (the upper end of the 10-15 % convention).</summary>
    public const double LargeDeficitPercent = 15;

    /// <summary>Asymmetry at or above which exercises for that test stay at the standard version (our convention).</summary>
    public const double SevereDeficitPercent = 20;

    public const int MinWeeks = 6;
    public const int MaxWeeks = 8;
    public const int MinSessionsPerWeek = 2;
    public const int MaxSessionsPerWeek = 4;

    private const int StartSets = 2;
    private const int BuildSets = 3;
    private const int RepsStep = 2;
    private const int HoldStepSeconds = 5;

    /// <summary>Generates the programme with the shipped exercise library.</summary>
    /// <exception cref="ArgumentException">Weeks outside 6-8, sessions outside 2-4, missing or duplicated results.</exception>
    public static Programme Generate(ProgrammeInput input) => Generate(input, ExerciseLibrary.All);

    /// <summary>Generates the programme with the given exercises (the shipped library in the product).</summary>
    /// <exception cref="ArgumentException">Weeks outside 6-8, sessions outside 2-4, missing or duplicated results.</exception>
    public static Programme Generate(ProgrammeInput input, IReadOnlyList<Exercise> exercises)
    {
        Validate(input);
        ArgumentNullException.ThrowIfNull(exercises);
        if (exercises.Count == 0)
        {
            throw new ArgumentException("The programme needs at least one exercise.", nameof(exercises));
        }

        var findings = ReadFindings(input.Results);
        var deficits = findings.Where(f => f.Deficit is not null).Select(f => f.Deficit!)
            .OrderByDescending(d => d.AsymmetryPercent).ThenBy(d => TrainedOrder(d.TrainedTest)).ToList();
        var weeks = input.Weeks;
        var progressionFrom = weeks - (weeks / 3) + 1;

        var plan = new List<ProgrammeWeek>(weeks);
        for (var week = 1; week <= weeks; week++)
        {
            var prescribed = exercises.Select(e => Prescribe(e, week, progressionFrom, deficits)).ToList();
            plan.Add(new ProgrammeWeek(week, Focus(week, progressionFrom, deficits.Count > 0), prescribed));
        }

        var retest = input.StartDate.AddDays(7 * weeks);
        return new Programme(
            input.StartDate, weeks, input.SessionsPerWeek, retest, deficits, plan,
            Explain(input, retest, findings, deficits, exercises, progressionFrom));
    }

    private static void Validate(ProgrammeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Results is null)
        {
            throw new ArgumentException("The screening results are required.", nameof(input));
        }

        if (input.Weeks is < MinWeeks or > MaxWeeks)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Weeks, $"A programme runs {MinWeeks} to {MaxWeeks} weeks, not {input.Weeks}.");
        }

        if (input.SessionsPerWeek is < MinSessionsPerWeek or > MaxSessionsPerWeek)
        {
            throw new ArgumentOutOfRangeException(
                nameof(input), input.SessionsPerWeek, $"A programme has {MinSessionsPerWeek} to {MaxSessionsPerWeek} sessions a week, not {input.SessionsPerWeek}.");
        }

        if (input.Results.Any(r => r is null))
        {
            throw new ArgumentException("A screening result is missing (null).", nameof(input));
        }

        var duplicate = input.Results.GroupBy(r => r.Test.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The test {duplicate.Key} appears more than once; give one result per test.", nameof(input));
        }
    }

    /// <summary>What the screening says about one trained test: its result (or none) and the deficit, if any.</summary>
    private sealed record Finding(string TrainedTest, TestResult? Result, Deficit? Deficit);

    private static List<Finding> ReadFindings(IReadOnlyList<TestResult> results)
    {
        var findings = new List<Finding>();
        foreach (var trained in ExerciseLibrary.TrainedTests)
        {
            var result = results.FirstOrDefault(r => r.Test.Code == trained && r.Asymmetry is not null);
            if (result is null && trained == TestCatalogue.HipExtension.Code)
            {
                result = results.FirstOrDefault(r => r.Test.Code == TestCatalogue.SingleLegBridge.Code && r.Asymmetry is not null);
            }

            findings.Add(new Finding(trained, result, result is null ? null : DeficitOf(result)));
        }

        return findings;
    }

    private static Deficit? DeficitOf(TestResult result)
    {
        var asymmetry = result.Asymmetry!.Value;
        if (asymmetry.AsymmetryPercent < DeficitThresholdPercent || asymmetry.WeakerSide is null)
        {
            return null;
        }

        var side = asymmetry.WeakerSide.Value;
        var extra = ExtraSets(asymmetry.AsymmetryPercent, result.NeedsRetest);
        var text = Invariant(
            $"{result.Test.Name}: the {Sides.Code(side)} side is {asymmetry.AsymmetryPercent:0.0} % weaker than the {Sides.Code(Sides.Other(side))}; the {Sides.Code(side)} side gets {Plural(extra, "extra set")} in the exercises that train it.");
        if (result.NeedsRetest)
        {
            text += " The trials varied more than the protocol allows, so re-test it; until then it is used cautiously (at most 1 extra set).";
        }

        return new Deficit(result.Test.Code, result.Test.Name, side, asymmetry.AsymmetryPercent, result.NeedsRetest, text);
    }

    private static int ExtraSets(double asymmetryPercent, bool needsRetest)
    {
        var extra = asymmetryPercent >= LargeDeficitPercent ? 2 : 1;
        return needsRetest ? Math.Min(extra, 1) : extra;
    }

    private static PrescribedExercise Prescribe(Exercise exercise, int week, int progressionFrom, List<Deficit> deficits)
    {
        // The largest deficit among the tests this exercise trains decides the weaker side and the extra sets.
        var deficit = exercise.Unilateral ? deficits.FirstOrDefault(d => exercise.TrainsTests.Contains(d.TrainedTest)) : null;
        var trainsDeficit = deficits.Any(d => exercise.TrainsTests.Contains(d.TrainedTest));
        var blocksProgression = deficits.Any(d => d.IsSevere && exercise.TrainsTests.Contains(d.TrainedTest));

        var level = week <= 2
            ? (exercise.StartsAtRegression ? PrescribedExercise.Regression : PrescribedExercise.Standard)
            : week >= progressionFrom && !blocksProgression ? PrescribedExercise.Progression : PrescribedExercise.Standard;

        var sets = week <= 2 || !trainsDeficit ? StartSets : BuildSets;

        // Two-week blocks: the first two add nothing to the dose (learning, then the extra set); each later block adds a
        // step. A week at the harder version keeps the dose of the week before the level change.
        var doseWeek = level == PrescribedExercise.Progression ? progressionFrom - 1 : week;
        var steps = Math.Max(0, ((doseWeek - 1) / 2) - 1);
        var dose = exercise.BaseDose + (steps * (exercise.Dose == DoseKind.Reps ? RepsStep : HoldStepSeconds));

        var extra = deficit is null ? 0 : ExtraSets(deficit.AsymmetryPercent, deficit.NeedsRetest);
        return new PrescribedExercise(
            exercise.Id,
            level,
            sets,
            exercise.Dose == DoseKind.Reps ? dose : null,
            exercise.Dose == DoseKind.HoldSeconds ? dose : null,
            extra,
            deficit?.WeakerSide,
            Note(exercise, level, sets, extra, deficit, blocksProgression && week >= progressionFrom));
    }

    private static string Note(Exercise exercise, string level, int sets, int extra, Deficit? deficit, bool heldAtStandard)
    {
        var parts = new List<string>();
        if (deficit is not null)
        {
            var side = Sides.Code(deficit.WeakerSide!.Value);
            parts.Add(Invariant(
                $"{deficit.TestName} deficit, {side} {deficit.AsymmetryPercent:0.0} % weaker: {Plural(sets, "set")} on each side plus {Plural(extra, "extra set")} on the {side}."));
        }
        else
        {
            parts.Add($"Maintenance: no deficit in the tests it trains, {Plural(sets, "set")} on each side.");
        }

        if (level == PrescribedExercise.Regression)
        {
            parts.Add($"Easier version: {exercise.Regression.Name}.");
        }
        else if (level == PrescribedExercise.Progression)
        {
            parts.Add($"Harder version: {exercise.Progression.Name}.");
        }
        else if (heldAtStandard)
        {
            parts.Add(Invariant($"Stays at the standard version: the deficit is {SevereDeficitPercent:0} % or more."));
        }

        return string.Join(" ", parts);
    }

    private static string Focus(int week, int progressionFrom, bool hasDeficits) =>
        week <= 2 ? (hasDeficits
                ? "Learn the movements: control and full range, with extra sets for the weaker side"
                : "Learn the movements: control and full range on both sides")
        : week >= progressionFrom ? "Progress: harder versions of the exercises"
        : "Build: more sets, then more repetitions or longer holds";

    private static List<string> Explain(
        ProgrammeInput input, DateOnly retest, List<Finding> findings, List<Deficit> deficits, IReadOnlyList<Exercise> exercises, int progressionFrom)
    {
        static string Names(IEnumerable<Exercise> list)
        {
            var names = list.Select(e => e.Name).ToList();
            return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        }

        var lines = new List<string>
        {
            Invariant($"The plan runs {input.Weeks} weeks from {input.StartDate:yyyy-MM-dd}, {input.SessionsPerWeek} sessions a week; every session does all {exercises.Count} exercises. Re-test on {retest:yyyy-MM-dd}, the day after the last week, to see whether the sides have evened out."),
            Invariant($"A side-to-side difference of {DeficitThresholdPercent:0} % or more counts as a deficit; {LargeDeficitPercent:0} % or more gets 2 extra sets instead of 1. These thresholds are conventions clinicians use, not cut-offs proven by research."),
        };

        foreach (var finding in findings)
        {
            var trainedBy = Names(exercises.Where(e => e.TrainsTests.Contains(finding.TrainedTest)));
            var name = TestCatalogue.Find(finding.TrainedTest)!.Name;
            if (finding.Result is null)
            {
                lines.Add($"{name}: not tested on both sides, so {trainedBy} get a maintenance dose, the same on both sides.");
                continue;
            }

            var via = finding.Result.Test.Code == finding.TrainedTest ? "" : $" (from the {finding.Result.Test.Name.ToLowerInvariant()})";
            if (finding.Deficit is { } d)
            {
                var extra = ExtraSets(d.AsymmetryPercent, d.NeedsRetest);
                lines.Add(Invariant(
                    $"{name}{via}: the {Sides.Code(d.WeakerSide!.Value)} side is {d.AsymmetryPercent:0.0} % weaker. {trainedBy}: {Plural(extra, "extra set")} on the {Sides.Code(d.WeakerSide!.Value)} side every session."));
            }
            else
            {
                var a = finding.Result.Asymmetry!.Value.AsymmetryPercent;
                lines.Add(Invariant(
                    $"{name}{via}: {a:0.0} % difference, below {DeficitThresholdPercent:0} %. {trainedBy}: maintenance dose, the same on both sides."));
            }

            if (finding.Result.NeedsRetest)
            {
                lines.Add($"{finding.Result.Test.Name}: the trials varied more than the protocol allows. Please re-test it; until then its result is used cautiously (at most 1 extra set).");
            }
        }

        var startEasy = exercises.Where(e => e.StartsAtRegression).ToList();
        lines.Add(
            "Weeks 1-2: 2 sets on each side of every exercise, to learn the movements. Exercises that train a deficit go to 3 sets from week 3; "
            + "the others stay at 2 sets (maintenance). From week 5, every two weeks, add 2 repetitions or 5 seconds to each hold. The volume never goes down from one week to the next.");
        var severe = deficits.Where(d => d.IsSevere).ToList();
        lines.Add(
            (startEasy.Count > 0 ? $"{Names(startEasy)} start with the easier version in weeks 1-2; from week 3 " : "From week 3 ")
            + Invariant($"every exercise uses its standard version; from week {progressionFrom} (the last third of the plan) each moves to its harder version, which takes the place of that fortnight's extra repetitions.")
            + (severe.Count > 0
                ? Invariant($" Exercises for {string.Join(" and ", severe.Select(d => d.TestName.ToLowerInvariant()))} stay at the standard version: with a difference of {SevereDeficitPercent:0} % or more, the weaker side should control the full movement before it is made harder.")
                : ""));
        if (deficits.Count > 0)
        {
            lines.Add("Do the extra sets on the weaker side only, after the sets for both sides. Log each side's repetitions or hold times: evening out the sides is the point.");
        }

        lines.Add("If an exercise hurts, use its easier version and ask a physiotherapist. The plan and the screening inform; they are not a diagnosis.");
        return lines;
    }

    private static int TrainedOrder(string test)
    {
        for (var i = 0; i < ExerciseLibrary.TrainedTests.Count; i++)
        {
            if (ExerciseLibrary.TrainedTests[i] == test)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string Plural(int n, string noun) => Invariant($"{n} {noun}{(n == 1 ? "" : "s")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
