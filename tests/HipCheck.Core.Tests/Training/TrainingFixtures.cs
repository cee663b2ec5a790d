using HipCheck.Core.Measurement;
using HipCheck.Core.Training;
using TestResult = HipCheck.Core.Measurement.TestResult;

namespace HipCheck.Core.Tests.Training;

/// <summary>Screening results with exact side scores (three equal trials, so the asymmetry is exact and the CV is 0).</summary>
internal static class TrainingFixtures
{
    public static readonly DateOnly Start = new(2026, 12, 7);

    public static TestResult Force(string code, double left, double right) =>
        ScreeningEvaluator.Evaluate(new TestEntry(code, "N", [left, left, left], [right, right, right]), 70);

    /// <summary>The left side's trials vary far more than the 10 % limit (CV about 25 %), so the test needs a re-test.</summary>
    public static TestResult Inconsistent(string code, double leftMean, double right) =>
        ScreeningEvaluator.Evaluate(
            new TestEntry(code, "N", [leftMean * 0.75, leftMean, leftMean * 1.25], [right, right, right]), 70);

    public static TestResult Bridge(double left, double right) =>
        ScreeningEvaluator.Evaluate(new TestEntry("single-leg-bridge", Left: [left, left], Right: [right, right]), 70);

    public static Programme Generate(int weeks = 8, int sessions = 3, params TestResult[] results) =>
        ProgrammeGenerator.Generate(new ProgrammeInput(results, Start, sessions, weeks));

    public static PrescribedExercise In(ProgrammeWeek week, string exerciseId) =>
        week.Exercises.Single(e => e.ExerciseId == exerciseId);

    /// <summary>Typical runner: left hip extensors 20 % weaker, abduction 4 % (no deficit), ER 12 % weaker on the right.</summary>
    public static TestResult[] Typical =>
    [
        Force("hip-extension", 200, 250),
        Force("hip-abduction", 240, 250),
        Force("hip-external-rotation", 150, 132),
    ];

    public static TestResult[] Swapped =>
    [
        Force("hip-extension", 250, 200),
        Force("hip-abduction", 250, 240),
        Force("hip-external-rotation", 132, 150),
    ];
}
