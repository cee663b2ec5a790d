using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace HipCheck.Core.Statistics.Internal;

/// <summary>
/// Tail probabilities and quantiles computed the way that keeps small p-values accurate: upper tails come from
/// the complementary error function or the lower tail of a symmetric distribution, never from 1 − CDF.
/// </summary>
internal static class TailProbabilities
{
    /// <summary>Throws unless 0 &lt; <paramref name="confidence"/> &lt; 1.</summary>
    public static void RequireConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentException($"Confidence must lie strictly between 0 and 1 (got {confidence}).", nameof(confidence));
        }
    }

    /// <summary>
    /// z such that Φ(z) = <paramref name="p"/>: R's <c>qnorm(p)</c>. MathNet inverts erfc (a Boost port),
    /// accurate to a few ulp.
    /// </summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>Φ(z), R's <c>pnorm(z)</c>, as erfc(−z/√2)/2.</summary>
    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Constants.Sqrt2);

    /// <summary>2·Φ(−|z|), the two-sided normal p-value.</summary>
    public static double NormalTwoSided(double z) => SpecialFunctions.Erfc(Math.Abs(z) / Constants.Sqrt2);

    /// <summary>
    /// P(χ²₁ &gt; x) = erfc(√(x/2)) = 2·Φ(−√x), R's <c>pchisq(x, 1, lower.tail = FALSE)</c>; NaN in, NaN out.
    /// </summary>
    public static double ChiSquare1Upper(double x) => SpecialFunctions.Erfc(Math.Sqrt(x / 2));

    /// <summary>
    /// 2·P(T_ν &lt; −|t|), R's <c>2 * pt(-abs(t), df)</c>. The lower tail of Student's t is
    /// I_{ν/(ν+t²)}(ν/2, 1/2)/2 (Abramowitz and Stegun 26.7.1), so the two-sided p is that regularized incomplete
    /// beta function without the factor 1/2, with no cancellation for large |t|.
    /// </summary>
    public static double StudentTTwoSided(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(df))
        {
            return NormalTwoSided(t);
        }

        return SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (t * t)));
    }

    /// <summary>
    /// The upper quantile t with P(T_ν &gt; t) = <paramref name="upperTail"/> (0 &lt; upperTail ≤ 1/2), R's
    /// <c>qt(1 - upperTail, df)</c>. Safeguarded Newton iteration on the lower tail P(T_ν &lt; −t) − upperTail,
    /// started at the normal quantile (a lower bound of the t quantile) inside a bracket doubled until it holds
    /// the root, iterated to a relative step of 1e-15. MathNet's <c>StudentT.InvCDF</c> is not used because it
    /// searches only [−800, 800] (the ν = 1 quantile leaves it beyond 99.96 %).
    /// </summary>
    public static double StudentTUpperQuantile(double upperTail, double df)
    {
        if (double.IsNaN(df) || double.IsNaN(upperTail))
        {
            return double.NaN;
        }

        var z = -NormalQuantile(upperTail);
        if (double.IsPositiveInfinity(df))
        {
            return z;
        }

        double LowerTail(double x) => 0.5 * SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + (x * x)));

        // f(x) = P(T < −x) − upperTail decreases in x; f(lo) ≥ 0 ≥ f(hi).
        var lo = 0.0;
        var hi = Math.Max(z, 1.0);
        while (LowerTail(hi) > upperTail)
        {
            lo = hi;
            hi *= 2;
        }

        var x = Math.Clamp(z, lo, hi);
        for (var i = 0; i < 200; i++)
        {
            var f = LowerTail(x) - upperTail;
            if (f == 0)
            {
                return x;
            }

            if (f > 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var next = x + (f / StudentT.PDF(0, 1, df, x));
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) <= 1e-15 * Math.Abs(next) || hi - lo <= 1e-15 * hi)
            {
                return next;
            }

            x = next;
        }

        return x;
    }
}
