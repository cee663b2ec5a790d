using HipCheck.Core.Statistics.Internal;

namespace HipCheck.Core.Statistics;

/// <summary>The result of the Wilcoxon rank-sum (Mann-Whitney) test.</summary>
/// <param name="W">R's W: the rank sum of x minus nₓ(nₓ + 1)/2, i.e. the number of pairs with x &gt; y, ties counting 1/2.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="Exact">True when P comes from the exact null distribution, false for the normal approximation.</param>
public sealed record MannWhitneyResult(double W, double P, bool Exact);

/// <summary>The Wilcoxon rank-sum test of two independent samples, as R's <c>wilcox.test(x, y)</c> with its defaults.</summary>
public static class MannWhitney
{
    /// <summary>
    /// Two-sided Wilcoxon rank-sum test (Wilcoxon 1945; Mann and Whitney 1947) with R's defaults
    /// (<c>exact = NULL, correct = TRUE</c>): W = R₁ − nₓ(nₓ + 1)/2 from mid-ranks of the pooled sample.
    /// Exact when nₓ &lt; 50, nᵧ &lt; 50 and there are no ties: P = min(1, 2·P(W' ≤ min(W, nₓnᵧ − W))) under the
    /// exact null distribution (R's <c>pwilcox</c>). Otherwise the normal approximation with continuity and tie
    /// correction: z = (W − nₓnᵧ/2 − sign(·)/2)/σ, σ² = nₓnᵧ/12 · (N + 1 − Σ(t³ − t)/(N(N − 1))), P = 2·Φ(−|z|).
    /// </summary>
    /// <remarks>
    /// All values tied gives σ = 0 and P = NaN, as R. R silently drops non-finite values; here they are refused.
    /// Each sample is copied and sorted once (rented buffers), so the cost is O(N log N) with no lasting allocation.
    /// </remarks>
    /// <exception cref="ArgumentException">A sample is empty or holds a value that is not finite.</exception>
    public static MannWhitneyResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        RequireFiniteSample(x, nameof(x));
        RequireFiniteSample(y, nameof(y));
        double nx = x.Length, ny = y.Length;
        var ranks = MergedRanks.Summarise(x, y);
        var w = ranks.FirstRankSum - (nx * (nx + 1) / 2);

        if (x.Length < 50 && y.Length < 50 && !ranks.HasTies)
        {
            var q = (long)Math.Min(w, (nx * ny) - w);
            var p = Math.Min(1, 2 * WilcoxonDistribution.Cdf(q, x.Length, y.Length));
            return new MannWhitneyResult(w, p, Exact: true);
        }

        var n = nx + ny;
        var z = w - (nx * ny / 2);
        var sigma = Math.Sqrt(nx * ny / 12 * (n + 1 - (ranks.TieCorrection / (n * (n - 1)))));
        var corrected = (z - (Math.Sign(z) * 0.5)) / sigma;
        return new MannWhitneyResult(w, TailProbabilities.NormalTwoSided(corrected), Exact: false);
    }

    internal static void RequireFiniteSample(ReadOnlySpan<double> values, string name)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException($"Sample {name} is empty; the test needs at least one value in each sample.", name);
        }

        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"Sample {name} contains {v}; every value must be a finite number.", name);
            }
        }
    }
}
