using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Risk;

/// <summary>One side's result against a norm.</summary>
/// <param name="Side">The side, or null for an unsided test (back-extension hold).</param>
/// <param name="Value">The athlete's value in the norm's unit.</param>
/// <param name="Percentile">100 x Φ((value - mean) / sd), or null when the norm has no SD.</param>
public sealed record NormComparison(Norm Norm, Side? Side, double Value, double? Percentile);

/// <summary>A test's comparison with its norm, or "no norm" when <see cref="Norm"/> is null.</summary>
public sealed record TestNorms(string TestCode, Norm? Norm, IReadOnlyList<NormComparison> Comparisons)
{
    public bool HasNorm => Norm is not null;

    /// <summary>The lowest percentile over the sides (the weaker side's), or null when none can be computed.</summary>
    public double? WeakerSidePercentile
    {
        get
        {
            double? lowest = null;
            foreach (var c in Comparisons)
            {
                if (c.Percentile is { } p && (lowest is null || p < lowest))
                {
                    lowest = p;
                }
            }

            return lowest;
        }
    }
}

/// <summary>
/// Finds the norm a result can honestly be compared with: same test, the athlete's sex and age, a comparable
/// unit and the same kind of contraction. HipCheck's dynamometer tests are isometric, so an eccentric norm never
/// matches; N/kg compares with %BW (%BW = N/kg / 9.80665 x 100); Nm/kg only when a lever arm was entered; hold tests
/// compare seconds. Where nothing matches there is no norm, and the page says so.
/// </summary>
public static class NormLookup
{
    /// <summary>
    /// The matching norm, or null. When several match, the most useful wins: one with an SD (a percentile can be
    /// computed), then a sex-specific one, then one with an age range, then the catalogue's order.
    /// </summary>
    public static Norm? Find(IReadOnlyList<Norm> norms, TestResult result, Sex sex, int ageYears)
    {
        ArgumentNullException.ThrowIfNull(norms);
        ArgumentNullException.ThrowIfNull(result);
        return norms
            .Where(n => string.Equals(n.TestCode, result.Test.Code, StringComparison.Ordinal)
                && n.Covers(sex, ageYears)
                && n.Contraction == ContractionOf(result.Test)
                && Values(n, result).Count > 0)
            .OrderBy(n => n.Sd is null)
            .ThenBy(n => n.Sex is null)
            .ThenBy(n => n.AgeMin is null && n.AgeMax is null)
            .FirstOrDefault();
    }

    /// <summary>Compares each side of a result with the matching norm; "no norm" (null) when none matches.</summary>
    public static TestNorms Compare(IReadOnlyList<Norm> norms, TestResult result, Sex sex, int ageYears)
    {
        var norm = Find(norms, result, sex, ageYears);
        if (norm is null)
        {
            return new TestNorms(result.Test.Code, null, []);
        }

        var comparisons = Values(norm, result)
            .Select(v => new NormComparison(norm, v.Side, v.Value, Percentile(norm, v.Value)))
            .ToList();
        return new TestNorms(result.Test.Code, norm, comparisons);
    }

    /// <summary>100 x Φ((value - mean) / sd); null when the norm has no SD.</summary>
    public static double? Percentile(Norm norm, double value)
    {
        ArgumentNullException.ThrowIfNull(norm);
        return norm.Sd is { } sd ? 100.0 * StandardNormal.Cdf((value - norm.Mean) / sd) : null;
    }

    /// <summary>N/kg as % body weight: force in kgf over body mass in kg, x 100.</summary>
    public static double PercentBodyWeight(double newtonsPerKg) => newtonsPerKg / ForceUnits.NewtonsPerKilogramForce * 100.0;

    /// <summary>The contraction of HipCheck's tests: dynamometer pushes are isometric, timed tests are holds.</summary>
    public static Contraction ContractionOf(TestDefinition test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return test.Kind == MeasureKind.HoldSeconds ? Contraction.Hold : Contraction.Isometric;
    }

    private static List<(Side? Side, double Value)> Values(Norm norm, TestResult result)
    {
        var values = new List<(Side?, double)>();
        if (result.Seconds is { } seconds)
        {
            if (norm.Unit == NormUnit.Seconds)
            {
                values.Add((null, seconds));
            }

            return values;
        }

        foreach (var (side, sideResult) in new[] { (Side.Left, result.Left), (Side.Right, result.Right) })
        {
            if (sideResult is null)
            {
                continue;
            }

            double? value = norm.Unit switch
            {
                NormUnit.NewtonsPerKg => sideResult.NewtonsPerKg,
                NormUnit.PercentBodyWeight => sideResult.NewtonsPerKg is { } perKg ? PercentBodyWeight(perKg) : null,
                NormUnit.NewtonMetresPerKg => sideResult.NewtonMetresPerKg,
                NormUnit.Seconds => result.Test.Kind == MeasureKind.HoldSeconds ? sideResult.Score.Mean : null,
                _ => null,
            };
            if (value is { } v)
            {
                values.Add((side, v));
            }
        }

        return values;
    }
}
