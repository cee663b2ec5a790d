using HipCheck.Core.Measurement;

namespace HipCheck.Web.Screenings;

/// <summary>The result document of a screening: the API's public contract (see README "API").</summary>
public sealed record ScreeningDocument(
    Guid Id,
    Guid AthleteId,
    DateOnly Date,
    double BodyMassKg,
    DateTime CreatedUtc,
    IReadOnlyList<TestResultDocument> Results);

/// <param name="Test">Test code, e.g. hip-extension.</param>
/// <param name="Unit">Unit of every number below: N for force tests (whatever was entered), s for holds.</param>
/// <param name="EnteredUnit">The unit the tester typed the trials in.</param>
public sealed record TestResultDocument(
    string Test,
    string Name,
    string Unit,
    string? EnteredUnit,
    double? LeverArmM,
    SideDocument? Left,
    SideDocument? Right,
    double? AsymmetryPercent,
    double? LsiPercent,
    string? WeakerSide,
    double? Seconds,
    IReadOnlyList<WarningDocument> Warnings);

public sealed record SideDocument(
    IReadOnlyList<double> Trials,
    double Mean,
    double Max,
    double? NewtonsPerKg,
    double? NewtonMetresPerKg,
    double? CvPercent);

public sealed record WarningDocument(string Code, string? Side, string Message);

public static class ScreeningDocuments
{
    /// <summary>Evaluates the stored trials (always in N or s) with the core rules.</summary>
    public static IReadOnlyList<TestResult> Evaluate(Screening screening) =>
        screening.Tests
            .Select(t => (Test: t, Order: IndexOf(t.TestCode)))
            .OrderBy(x => x.Order)
            .Select(x => ScreeningEvaluator.Evaluate(ToEntry(x.Test), screening.BodyMassKg) with
            {
                EnteredUnit = ForceUnits.TryParse(x.Test.EnteredUnit, out var u) ? u : null,
            })
            .ToList();

    public static ScreeningDocument ToDocument(Screening screening) =>
        new(screening.Id, screening.AthleteId, screening.Date, screening.BodyMassKg, screening.CreatedUtc,
            Evaluate(screening).Select(ToDocument).ToList());

    public static TestResultDocument ToDocument(TestResult r) => new(
        r.Test.Code,
        r.Test.Name,
        r.Test.BaseUnit,
        r.EnteredUnit is { } u ? ForceUnits.Symbol(u) : null,
        r.LeverArmM,
        Side(r.Left),
        Side(r.Right),
        r.Asymmetry?.AsymmetryPercent,
        r.Asymmetry?.LsiPercent,
        r.Asymmetry?.WeakerSide is { } w ? Sides.Code(w) : null,
        r.Seconds,
        r.Warnings.Select(w => new WarningDocument(w.Code, w.Side is { } s ? Sides.Code(s) : null, w.Message)).ToList());

    private static SideDocument? Side(SideResult? side) => side is null
        ? null
        : new SideDocument(side.Trials, side.Score.Mean, side.Score.Max, side.NewtonsPerKg, side.NewtonMetresPerKg, side.Score.CvPercent);

    private static TestEntry ToEntry(ScreeningTest t)
    {
        var definition = TestCatalogue.Find(t.TestCode)
            ?? throw new InvalidOperationException($"Stored screening test '{t.TestCode}' is not in the catalogue.");
        return definition switch
        {
            { Sided: false } => new TestEntry(t.TestCode, Seconds: t.Seconds),
            { Kind: MeasureKind.Force } => new TestEntry(t.TestCode, "N", t.LeftTrials, t.RightTrials, t.LeverArmM),
            _ => new TestEntry(t.TestCode, Left: t.LeftTrials, Right: t.RightTrials),
        };
    }

    private static int IndexOf(string code)
    {
        for (var i = 0; i < TestCatalogue.All.Count; i++)
        {
            if (TestCatalogue.All[i].Code == code)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
