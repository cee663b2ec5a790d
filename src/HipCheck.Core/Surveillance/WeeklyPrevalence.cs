using MathNet.Numerics.Distributions;
using HipCheck.Core.Statistics;

namespace HipCheck.Core.Surveillance;

/// <summary>Average weekly prevalence (Clarsen et al. 2013): the mean over weeks of each week's cases / respondents.</summary>
public static class WeeklyPrevalence
{
    /// <summary>
    /// The mean of the weekly percentages with a t interval over weeks: mean ± qt(1 − α/2, W − 1) × sd / √W, sd the
    /// sample standard deviation (n − 1), as R's <c>t.test(weekly)$conf.int</c> gives it (also when sd is 0, where
    /// R's t.test refuses). The bounds are not clipped to 0-100. With one week the bounds are NaN (no spread to
    /// estimate); with no week everything is NaN.
    /// </summary>
    public static Estimate Average(IReadOnlyList<double> weeklyPercent, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(weeklyPercent);
        var n = weeklyPercent.Count;
        if (n == 0)
        {
            return new Estimate(double.NaN, double.NaN, double.NaN);
        }

        var mean = weeklyPercent.Average();
        if (n == 1)
        {
            return new Estimate(mean, double.NaN, double.NaN);
        }

        var sd = Math.Sqrt(weeklyPercent.Sum(x => (x - mean) * (x - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - confidence) / 2)) * sd / Math.Sqrt(n);
        return new Estimate(mean, mean - half, mean + half);
    }

    /// <summary>
    /// One week's respondents and cases: each athlete's areas (a flag per area, null when undecided) make the athlete a
    /// case when any area is one, not a case when every area is decided not to be; undecided athletes are left out
    /// (as in <see cref="SurveillanceAnalysis"/>). Percent is NaN without respondents.
    /// </summary>
    public static (int Respondents, int Cases, double Percent) Week(IEnumerable<IEnumerable<bool?>> athletes)
    {
        ArgumentNullException.ThrowIfNull(athletes);
        var decided = athletes.Select(a => a.ToList())
            .Select(a => a.Any(x => x == true) ? true : a.Count > 0 && a.All(x => x == false) ? false : (bool?)null)
            .Where(c => c is not null).ToList();
        var cases = decided.Count(c => c == true);
        return (decided.Count, cases, decided.Count == 0 ? double.NaN : 100.0 * cases / decided.Count);
    }
}
