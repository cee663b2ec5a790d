using HipCheck.Core.Statistics.Internal;

namespace HipCheck.Core.Statistics;

/// <summary>The result of Welch's two-sample t test.</summary>
/// <param name="T">t = (x̄ − ȳ) / √(s²ₓ/nₓ + s²ᵧ/nᵧ).</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite ν (fractional).</param>
/// <param name="P">Two-sided p-value, 2·P(T_ν &lt; −|t|).</param>
/// <param name="MeanDifference">x̄ − ȳ.</param>
/// <param name="Lower">Lower confidence limit of x̄ − ȳ.</param>
/// <param name="Upper">Upper confidence limit of x̄ − ȳ.</param>
public sealed record WelchTResult(double T, double DegreesOfFreedom, double P, double MeanDifference, double Lower, double Upper);

/// <summary>Welch's unequal-variance t test, as R's <c>t.test(x, y)</c> (its default, <c>var.equal = FALSE</c>).</summary>
public static class WelchT
{
    /// <summary>R's <c>.Machine$double.eps</c>, 2⁻⁵².</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Welch's t test of equal means (Welch 1947; Satterthwaite 1946), as R's <c>t.test(x, y, conf.level)</c>:
    /// s² is the unbiased (n − 1) sample variance, se = √(s²ₓ/nₓ + s²ᵧ/nᵧ), t = (x̄ − ȳ)/se,
    /// ν = se⁴ / ((s²ₓ/nₓ)²/(nₓ − 1) + (s²ᵧ/nᵧ)²/(nᵧ − 1)), P = 2·P(T_ν &lt; −|t|),
    /// interval x̄ − ȳ ± t_{ν, (1+conf)/2}·se. Means and variances use the corrected two-pass algorithm.
    /// </summary>
    /// <remarks>
    /// When both samples are (essentially) constant, R stops with "data are essentially constant"
    /// (se &lt; 10·ε·max(|x̄|, |ȳ|)); here the same condition gives NaN for T, ν, P and the interval, with the
    /// mean difference still reported. One constant sample alone is fine (its variance term is 0).
    /// </remarks>
    /// <exception cref="ArgumentException">A sample has fewer than 2 values, a value is not finite, or
    /// <paramref name="confidence"/> is not in (0, 1).</exception>
    public static WelchTResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidence = 0.95)
    {
        TailProbabilities.RequireConfidence(confidence);
        var (mx, vx) = MeanAndVariance(x, nameof(x));
        var (my, vy) = MeanAndVariance(y, nameof(y));
        double nx = x.Length, ny = y.Length;

        var sx2 = vx / nx;
        var sy2 = vy / ny;
        var se = Math.Sqrt(sx2 + sy2);
        var difference = mx - my;
        if (se == 0 || se < 10 * MachineEpsilon * Math.Max(Math.Abs(mx), Math.Abs(my)))
        {
            return new WelchTResult(double.NaN, double.NaN, double.NaN, difference, double.NaN, double.NaN);
        }

        var df = se * se * se * se / ((sx2 * sx2 / (nx - 1)) + (sy2 * sy2 / (ny - 1)));
        var t = difference / se;
        var p = TailProbabilities.StudentTTwoSided(t, df);
        var q = TailProbabilities.StudentTUpperQuantile((1 - confidence) / 2, df);
        return new WelchTResult(t, df, p, difference, difference - (q * se), difference + (q * se));
    }

    private static (double Mean, double Variance) MeanAndVariance(ReadOnlySpan<double> values, string name)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException($"Welch's t test needs at least 2 values in each sample ({name} has {values.Length}).", name);
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        if (!double.IsFinite(sum))
        {
            throw new ArgumentException($"Sample {name} contains a value that is not a finite number.", name);
        }

        // Corrected two-pass algorithm (Chan, Golub and LeVeque, Am. Stat. 37, 1983): the residual sum Σ(x − x̄)
        // corrects both the mean (as R's mean() does) and the sum of squares for the rounding of the first pass.
        var mean = sum / values.Length;
        double residuals = 0, squares = 0;
        foreach (var v in values)
        {
            var deviation = v - mean;
            residuals += deviation;
            squares += deviation * deviation;
        }

        squares -= residuals * residuals / values.Length;
        mean += residuals / values.Length;
        return (mean, squares / (values.Length - 1));
    }
}
