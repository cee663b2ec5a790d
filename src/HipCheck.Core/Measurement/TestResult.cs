namespace HipCheck.Core.Measurement;

/// <summary>A side's trials in the test's base unit (N or s) and what follows from them.</summary>
/// <param name="Trials">Trials converted to the base unit, in the order entered.</param>
/// <param name="Score">Mean, maximum and coefficient of variation.</param>
/// <param name="NewtonsPerKg">Mean force / body mass; force tests only.</param>
/// <param name="NewtonMetresPerKg">Mean force x lever arm / body mass; force tests with a lever arm only.</param>
public sealed record SideResult(
    IReadOnlyList<double> Trials,
    SideScore Score,
    double? NewtonsPerKg,
    double? NewtonMetresPerKg);

/// <summary>Something the tester should know about a result, e.g. inconsistent trials.</summary>
/// <param name="Code">Stable code: <c>inconsistent-trials</c>, <c>single-trial</c>.</param>
/// <param name="Side">The side it concerns, if any.</param>
/// <param name="Message">Plain-language message.</param>
public sealed record ResultWarning(string Code, Side? Side, string Message);

/// <summary>The result of one test of a screening.</summary>
public sealed record TestResult(
    TestDefinition Test,
    ForceUnit? EnteredUnit,
    double? LeverArmM,
    SideResult? Left,
    SideResult? Right,
    Asymmetry? Asymmetry,
    double? Seconds,
    IReadOnlyList<ResultWarning> Warnings)
{
    /// <summary>True when a trial set varies more than the test's limit and the test should be repeated.</summary>
    public bool NeedsRetest => Warnings.Any(w => w.Code == ScreeningEvaluator.InconsistentTrials);
}
