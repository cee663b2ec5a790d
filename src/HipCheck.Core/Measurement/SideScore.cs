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

        double sum = 0, max = double.MinValue;
        foreach (var t in trials)
        {
            if (!double.IsFinite(t) || t <= 0)
            {
                throw new ArgumentException("Every trial must be a finite number greater than zero.", nameof(trials));
            }

            sum += t;
            max = Math.Max(max, t);
        }

        var mean = sum / trials.Count;
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
