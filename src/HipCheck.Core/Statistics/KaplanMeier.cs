using HipCheck.Core.Statistics.Internal;

namespace HipCheck.Core.Statistics;

/// <summary>
/// One distinct time of a Kaplan-Meier curve (an event time, a censoring time or both), as a row of R's
/// <c>summary(survfit(...), censored = TRUE)</c>.
/// </summary>
/// <param name="Time">The time.</param>
/// <param name="AtRisk">Subjects whose time is at or after <paramref name="Time"/>.</param>
/// <param name="Events">Events at <paramref name="Time"/>.</param>
/// <param name="Censored">Subjects censored at <paramref name="Time"/> (still at risk for events at that time).</param>
/// <param name="Survival">Ŝ(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ).</param>
/// <param name="StandardError">
/// Greenwood's standard error of Ŝ(t) on the survival scale: Ŝ(t) √(Σ dᵢ / (nᵢ (nᵢ − dᵢ))) (summary.survfit's
/// std.err). NaN once everyone left at risk has had the event (Ŝ = 0, the sum is infinite), as R's NA.
/// </param>
public sealed record KaplanMeierStep(double Time, int AtRisk, int Events, int Censored, double Survival, double StandardError);

/// <summary>A Kaplan-Meier curve: its steps in increasing time.</summary>
public sealed record KaplanMeierCurve(IReadOnlyList<KaplanMeierStep> Steps)
{
    /// <summary>
    /// Ŝ(<paramref name="time"/>), right-continuous: the survival at the last step at or before the time (1 before the
    /// first). Beyond the last step it stays at the last value, as summary.survfit(times, extend = TRUE). NaN for NaN.
    /// </summary>
    public double SurvivalAt(double time)
    {
        if (double.IsNaN(time))
        {
            return double.NaN;
        }

        // Binary search for the last step with Time <= time.
        int lo = 0, hi = Steps.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (Steps[mid].Time <= time)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? 1 : Steps[found].Survival;
    }
}

/// <summary>
/// The Kaplan-Meier product-limit estimator (Kaplan &amp; Meier, JASA 1958) with Greenwood's variance
/// (Greenwood 1926), as R's <c>survfit(Surv(time, status) ~ 1)</c> (survival 3.5). Ties: events at a time precede
/// censorings at that time (the censored are at risk). Times are compared exactly (R's timefix merges times that differ
/// by rounding only; whole days or tenths never need it).
/// </summary>
public static class KaplanMeier
{
    /// <summary>Estimates S(t) from follow-up times and whether each ended in the event (false = censored).</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a time is NaN, infinite or negative.</exception>
    public static KaplanMeierCurve Estimate(ReadOnlySpan<double> times, ReadOnlySpan<bool> events)
    {
        SurvivalInput.Validate(times, events.Length, nameof(events));
        var n = times.Length;

        // Two primitive sorts (all times, event times) instead of one keyed sort: counting needs nothing else.
        var all = times.ToArray();
        var eventCount = 0;
        foreach (var e in events)
        {
            if (e)
            {
                eventCount++;
            }
        }

        var eventTimes = new double[eventCount];
        for (int i = 0, k = 0; i < n; i++)
        {
            if (events[i])
            {
                eventTimes[k++] = times[i];
            }
        }

        Array.Sort(all);
        Array.Sort(eventTimes);

        var steps = new List<KaplanMeierStep>();
        var survival = 1.0;
        var greenwood = 0.0;
        int a = 0, d = 0;
        while (a < n)
        {
            var t = all[a];
            var atRisk = n - a;
            var count = 0;
            while (a < n && all[a] == t)
            {
                a++;
                count++;
            }

            var deaths = 0;
            while (d < eventCount && eventTimes[d] == t)
            {
                d++;
                deaths++;
            }

            if (deaths > 0)
            {
                survival *= 1 - (double)deaths / atRisk;
                greenwood += deaths == atRisk
                    ? double.PositiveInfinity
                    : deaths / ((double)atRisk * (atRisk - deaths));
            }

            var se = survival * Math.Sqrt(greenwood); // 0 × ∞ = NaN once S reaches 0
            steps.Add(new KaplanMeierStep(t, atRisk, deaths, count - deaths, survival, se));
        }

        return new KaplanMeierCurve(steps);
    }
}
