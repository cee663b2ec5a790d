using MathNet.Numerics.Distributions;

namespace HipCheck.Core.Statistics;

/// <summary>Cumulative risk and incidence rate with exact confidence intervals.</summary>
public static class Incidence
{
    /// <summary>
    /// Cumulative risk events/n with the Clopper-Pearson exact interval, as R's <c>binom.test(events, n)$conf.int</c>:
    /// lower = qbeta(α/2, x, n − x + 1) (0 when x = 0), upper = qbeta(1 − α/2, x + 1, n − x) (1 when x = n).
    /// NaN when n = 0.
    /// </summary>
    public static Estimate CumulativeRisk(long events, long n, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (events > n)
        {
            throw new ArgumentException("There cannot be more events than athletes.", nameof(events));
        }

        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN);
        }

        var alpha = 1 - confidence;
        var lower = events == 0 ? 0 : Beta.InvCDF(events, n - events + 1, alpha / 2);
        var upper = events == n ? 1 : Beta.InvCDF(events + 1, n - events, 1 - (alpha / 2));
        return new Estimate((double)events / n, lower, upper);
    }

    /// <summary>
    /// Incidence rate events/time × <paramref name="per"/> with the exact Poisson interval of R's
    /// <c>poisson.test(events, time)$conf.int</c>: lower = qgamma(α/2, x) (0 when x = 0), upper = qgamma(1 − α/2, x + 1),
    /// both divided by the time. NaN when there is no time at risk.
    /// </summary>
    public static Estimate Rate(long events, double time, double per = 1000, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        if (!double.IsFinite(time) || time < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "Time at risk must be finite and not negative.");
        }

        if (time == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN);
        }

        var alpha = 1 - confidence;
        var lower = events == 0 ? 0 : Gamma.InvCDF(events, 1, alpha / 2);
        var upper = Gamma.InvCDF(events + 1, 1, 1 - (alpha / 2));
        return new Estimate(events / time * per, lower / time * per, upper / time * per);
    }
}
