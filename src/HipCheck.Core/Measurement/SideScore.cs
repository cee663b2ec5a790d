namespace HipCheck.Core.Measurement;

/// <summary>
/// The summary of one side's trials. The side score is the mean of the trials; the maximum is kept
/// too because several studies (e.g. Nadler et al. 2000) report maximal force.
/// </summary>
/// <param name="Mean">Mean of the trials, in the test's base unit (N or s).</param>
/// <param name="Max">Largest trial.</param>
/// <param name="CvPercent">
/// Coefficient of variation, 100 x sample SD (n - 1) / mean; null with a single trial, where it is undefined.
/// </param>
/// <param name="TrialCount">Number of trials.</param>
public readonly record struct SideScore(double Mean, double Max, double? CvPercent, int TrialCount)
{
    /// <summary>Summarises trials that are finite and greater than zero (checked by the caller's validation).</summary>
    public static SideScore FromTrials(IReadOnlyList<double> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Count == 0)
        {
            throw new ArgumentException("A side needs at least one trial.", nameof(trials));
        }

        double sum = 0, min = double.MaxValue, max = double.MinValue;
        foreach (var t in trials)
        {
            if (!double.IsFinite(t) || t <= 0)
            {
                throw new ArgumentException("Every trial must be a finite number greater than zero.", nameof(trials));
            }

            sum += t;
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        // Rounding in the sum can put sum / n just outside [min, max] (six trials of 263.6 gave 263.59999999999997);
        // the true mean never lies outside, and equal trials must give their own value and a CV of exactly 0.
        var mean = Math.Clamp(sum / trials.Count, min, max);
        double? cv = null;
        if (trials.Count > 1)
        {
            double ss = 0;
            foreach (var t in trials)
            {
                ss += (t - mean) * (t - mean);
            }

            cv = 100.0 * Math.Sqrt(ss / (trials.Count - 1)) / mean;
        }

        return new SideScore(mean, max, cv, trials.Count);
    }
}
