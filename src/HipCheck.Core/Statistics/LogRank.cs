using HipCheck.Core.Statistics.Internal;
using MathNet.Numerics;

namespace HipCheck.Core.Statistics;

/// <summary>
/// A log-rank test: <see cref="ChiSquare"/> on <see cref="DegreesOfFreedom"/> degrees of freedom with its upper-tail
/// <see cref="P"/>; <see cref="Observed"/>[g] and <see cref="Expected"/>[g] are the observed and expected events of
/// group g. ChiSquare and P are NaN when fewer than two groups have any expected events (one group, or no events).
/// </summary>
public sealed record LogRankResult(double ChiSquare, int DegreesOfFreedom, double P, double[] Observed, double[] Expected);

/// <summary>
/// The k-sample log-rank test (Mantel 1966; Peto &amp; Peto 1972), as R's <c>survdiff(Surv(time, status) ~ group)</c>
/// with rho = 0: at each distinct event time with d events among n at risk (n_g in group g),
/// E_g += d n_g / n and V_gh += d (n − d) / (n − 1) × (n_g / n) (δ_gh − n_h / n); χ² = (O − E)ᵀ V⁻¹ (O − E) over the
/// groups with E &gt; 0 less the first of them, df = (number of groups with E &gt; 0) − 1.
/// </summary>
public static class LogRank
{
    /// <summary>Compares the survival of groups 0..k−1 (k = largest group + 1).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a time is NaN, infinite or negative, or a group is negative.</exception>
    public static LogRankResult Test(ReadOnlySpan<double> times, ReadOnlySpan<bool> events, ReadOnlySpan<int> groups)
    {
        SurvivalInput.Validate(times, events.Length, nameof(events));
        if (groups.Length != times.Length)
        {
            throw new ArgumentException($"groups has {groups.Length} values but times has {times.Length}.", nameof(groups));
        }

        var n = times.Length;
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            if (groups[i] < 0)
            {
                throw new ArgumentException($"groups[{i}] is {groups[i]}; groups are numbered from 0.", nameof(groups));
            }

            k = Math.Max(k, groups[i] + 1);
        }

        // One keyed sort: the item packs the group and the event flag.
        var keys = times.ToArray();
        var items = new int[n];
        var atRisk = new double[k];
        for (var i = 0; i < n; i++)
        {
            items[i] = groups[i] * 2 + (events[i] ? 1 : 0);
            atRisk[groups[i]]++;
        }

        Array.Sort(keys, items);

        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k * k];
        var deathsByGroup = new double[k];
        var leaving = new double[k];
        var total = (double)n;
        var a = 0;
        while (a < n)
        {
            var t = keys[a];
            var deaths = 0.0;
            Array.Clear(deathsByGroup);
            Array.Clear(leaving);
            for (; a < n && keys[a] == t; a++)
            {
                var g = items[a] >> 1;
                leaving[g]++;
                if ((items[a] & 1) == 1)
                {
                    deathsByGroup[g]++;
                    deaths++;
                }
            }

            if (deaths > 0)
            {
                var factor = total > 1 ? deaths * (total - deaths) / (total - 1) : 0;
                for (var g = 0; g < k; g++)
                {
                    observed[g] += deathsByGroup[g];
                    var share = atRisk[g] / total;
                    expected[g] += deaths * share;
                    if (factor == 0 || share == 0)
                    {
                        continue;
                    }

                    for (var h = 0; h < k; h++)
                    {
                        variance[g * k + h] += factor * share * ((g == h ? 1 : 0) - atRisk[h] / total);
                    }
                }
            }

            for (var g = 0; g < k; g++)
            {
                atRisk[g] -= leaving[g];
                total -= leaving[g];
            }
        }

        var present = Enumerable.Range(0, k).Where(g => expected[g] > 0).ToArray();
        var df = present.Length - 1;
        if (df < 1)
        {
            return new LogRankResult(double.NaN, Math.Max(df, 0), double.NaN, observed, expected);
        }

        var m = df;
        var v = new double[m * m];
        var diff = new double[m];
        for (var u = 0; u < m; u++)
        {
            diff[u] = observed[present[u + 1]] - expected[present[u + 1]];
            for (var w = 0; w < m; w++)
            {
                v[u * m + w] = variance[present[u + 1] * k + present[w + 1]];
            }
        }

        var solution = (double[])diff.Clone();
        var singular = new bool[m];
        SmallCholesky.Factor(v, m, 1e-12, singular);
        SmallCholesky.Solve(v, m, singular, solution);
        var chiSquare = 0.0;
        for (var u = 0; u < m; u++)
        {
            chiSquare += solution[u] * diff[u];
        }

        // Upper tail through the regularised incomplete gamma Q(df/2, χ²/2), accurate for tiny p (1 − CDF is not).
        var p = SpecialFunctions.GammaUpperRegularized(df / 2.0, chiSquare / 2);
        return new LogRankResult(chiSquare, df, p, observed, expected);
    }
}
