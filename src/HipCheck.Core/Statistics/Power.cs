using HipCheck.Core.Statistics.Internal;

namespace HipCheck.Core.Statistics;

/// <summary>A power calculation for comparing two proportions with equal group sizes.</summary>
/// <param name="CohensH">Cohen's h = 2·asin√p₁ − 2·asin√p₂ (signed).</param>
/// <param name="NPerGroup">Athletes per group, not rounded (callers take the ceiling).</param>
/// <param name="Power">The power: requested (sample size) or achieved (power for a given n).</param>
/// <param name="Alpha">Two-sided significance level.</param>
public sealed record PowerResult(double CohensH, double NPerGroup, double Power, double Alpha);

/// <summary>
/// Power and sample size for a two-sided test of two proportions by the arcsine transformation
/// (Cohen, Statistical Power Analysis for the Behavioral Sciences, 2nd ed., 1988, ch. 6), as R's
/// <c>pwr::pwr.2p.test</c>: with z = Φ⁻¹(1 − α/2) and δ = |h|·√(n/2),
/// power(n) = Φ(δ − z) + Φ(−z − δ) (both rejection regions, as pwr computes it).
/// </summary>
public static class Power
{
    /// <summary>Cohen's h = 2·asin(√p₁) − 2·asin(√p₂), pwr's <c>ES.h(p1, p2)</c>; defined for p in [0, 1].</summary>
    /// <exception cref="ArgumentException">A proportion is outside [0, 1].</exception>
    public static double CohensH(double p1, double p2)
    {
        RequireProportion(p1, nameof(p1));
        RequireProportion(p2, nameof(p2));
        return (2 * Math.Asin(Math.Sqrt(p1))) - (2 * Math.Asin(Math.Sqrt(p2)));
    }

    /// <summary>
    /// Athletes per group for the given power: the root n of power(n) = <paramref name="power"/>, as
    /// <c>pwr.2p.test(h = ES.h(p1, p2), sig.level = alpha, power = power)$n</c>. pwr finds it with
    /// <c>uniroot</c> at its default tolerance (about 1e-4 in n) inside [2, 10⁹]; here it is solved to machine
    /// precision by safeguarded Newton iteration (agreement with pwr is about 1e-10 relative) and without the
    /// interval, so a very large effect can give n &lt; 2 where pwr stops with an error.
    /// p₁ = p₂ (h = 0) gives n = +∞: power never exceeds α.
    /// </summary>
    /// <exception cref="ArgumentException">A proportion is outside [0, 1], or α or power outside (0, 1), or
    /// power ≤ α (every n achieves it).</exception>
    public static PowerResult SampleSizeTwoProportions(double p1, double p2, double alpha = 0.05, double power = 0.8)
    {
        var h = CohensH(p1, p2);
        RequireOpenUnit(alpha, nameof(alpha));
        RequireOpenUnit(power, nameof(power));
        if (power <= alpha)
        {
            throw new ArgumentException($"Power ({power}) must exceed the significance level ({alpha}); any group size reaches it.", nameof(power));
        }

        if (h == 0)
        {
            return new PowerResult(h, double.PositiveInfinity, power, alpha);
        }

        var z = -TailProbabilities.NormalQuantile(alpha / 2);
        var absH = Math.Abs(h);

        // Work in δ = |h|·√(n/2), where power(δ) = Φ(δ − z) + Φ(−z − δ) is increasing from α (δ = 0) to 1.
        // Start from the one-tail solution δ₀ = z + z_β, an upper bound because the second tail only adds power.
        var zBeta = -TailProbabilities.NormalQuantile(1 - power);
        double lo = 0, hi = Math.Max(z + zBeta, 1e-8);
        while (PowerAt(hi, z) < power)
        {
            lo = hi;
            hi *= 2;
        }

        var delta = hi;
        for (var i = 0; i < 200; i++)
        {
            var f = PowerAt(delta, z) - power;
            if (f == 0)
            {
                break;
            }

            if (f < 0)
            {
                lo = delta;
            }
            else
            {
                hi = delta;
            }

            // d power / dδ = φ(δ − z) − φ(z + δ)
            var slope = Density(delta - z) - Density(delta + z);
            var next = delta - (f / slope);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            var converged = Math.Abs(next - delta) <= 1e-15 * next;
            delta = next;
            if (converged || hi - lo <= 1e-15 * hi)
            {
                break;
            }
        }

        var n = 2 * (delta / absH) * (delta / absH);
        return new PowerResult(h, n, power, alpha);
    }

    /// <summary>
    /// Power of the two-sided test with <paramref name="nPerGroup"/> athletes per group, as
    /// <c>pwr.2p.test(h = ES.h(p1, p2), n = nPerGroup, sig.level = alpha)$power</c>. h = 0 gives power = α.
    /// </summary>
    /// <exception cref="ArgumentException">A proportion is outside [0, 1], α outside (0, 1), or n not a positive
    /// finite number (pwr itself requires n ≥ 1).</exception>
    public static PowerResult PowerTwoProportions(double p1, double p2, double nPerGroup, double alpha = 0.05)
    {
        var h = CohensH(p1, p2);
        RequireOpenUnit(alpha, nameof(alpha));
        if (!(nPerGroup > 0 && double.IsFinite(nPerGroup)))
        {
            throw new ArgumentException($"The group size must be a positive finite number (got {nPerGroup}).", nameof(nPerGroup));
        }

        var z = -TailProbabilities.NormalQuantile(alpha / 2);
        var power = PowerAt(Math.Abs(h) * Math.Sqrt(nPerGroup / 2), z);
        return new PowerResult(h, nPerGroup, power, alpha);
    }

    private static double PowerAt(double delta, double z) =>
        TailProbabilities.NormalCdf(delta - z) + TailProbabilities.NormalCdf(-z - delta);

    private static double Density(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    private static void RequireProportion(double p, string name)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentException($"A proportion must lie in [0, 1] (got {p}).", name);
        }
    }

    private static void RequireOpenUnit(double value, string name)
    {
        if (!(value > 0 && value < 1))
        {
            throw new ArgumentException($"{name} must lie strictly between 0 and 1 (got {value}).", name);
        }
    }
}
