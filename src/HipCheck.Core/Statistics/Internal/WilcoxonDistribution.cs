namespace HipCheck.Core.Statistics.Internal;

/// <summary>
/// The exact null distribution of the Mann-Whitney statistic W (the number of pairs with x &gt; y) for samples
/// of sizes m and n without ties, as R's <c>pwilcox</c>.
/// </summary>
internal static class WilcoxonDistribution
{
    /// <summary>
    /// P(W ≤ q) for sample sizes m, n. Counts c(u; m, n) of arrangements with W = u follow the recurrence
    /// c(u; m, n) = c(u − n; m − 1, n) + c(u; m, n − 1) (the largest value belongs to x, contributing n pairs,
    /// or to y, contributing none; Mann and Whitney 1947), computed for u ≤ q only, in place, with additions of
    /// non-negative numbers so no precision is lost; P = Σ c / C(m + n, m). Time O(m·n·q), memory O(n·q).
    /// </summary>
    public static double Cdf(long q, int m, int n)
    {
        if (q < 0)
        {
            return 0;
        }

        if (q >= (long)m * n)
        {
            return 1;
        }

        var width = (int)q + 1;
        var counts = new double[(n + 1) * width];
        for (var row = 0; row <= n; row++)
        {
            counts[row * width] = 1; // m = 0: only W = 0
        }

        for (var mm = 1; mm <= m; mm++)
        {
            for (var row = 1; row <= n; row++)
            {
                var current = counts.AsSpan(row * width, width);
                var previousRow = counts.AsSpan((row - 1) * width, width);
                for (var u = width - 1; u >= 0; u--)
                {
                    current[u] = (u >= row ? current[u - row] : 0) + previousRow[u];
                }
            }
        }

        var total = 1.0;
        for (var i = 1; i <= m; i++)
        {
            total = total * (n + i) / i;
        }

        var sum = 0.0;
        foreach (var c in counts.AsSpan(n * width, width))
        {
            sum += c;
        }

        return sum / total;
    }
}
