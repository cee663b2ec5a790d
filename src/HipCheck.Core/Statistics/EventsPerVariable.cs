using System.Globalization;

namespace HipCheck.Core.Statistics;

/// <summary>
/// How many outcome events a regression model has per estimated predictor: the numbers behind the "10 events per
/// variable" rule.
/// </summary>
/// <param name="Events">Rows with the outcome.</param>
/// <param name="NonEvents">Rows without it.</param>
/// <param name="Predictors">Estimated coefficients besides the intercept (an interaction or a dummy counts as one each).</param>
/// <param name="Value">min(events, non-events) / predictors; +∞ with no predictor, NaN with no data.</param>
/// <param name="Warning">Why the model may be underpowered, or null when EPV is at least <see cref="EventsPerVariable.Threshold"/>.</param>
public sealed record EpvCheck(long Events, long NonEvents, int Predictors, double Value, string? Warning)
{
    /// <summary>True when <see cref="Value"/> is below the threshold (or undefined because an outcome class is empty).</summary>
    public bool Underpowered => Warning is not null;
}

/// <summary>
/// The events-per-variable check. What limits a logistic model is the rarer outcome class, so EPV counts
/// min(events, non-events), as Peduzzi et al. did.
/// </summary>
/// <remarks>
/// Peduzzi, Concato, Kemper, Holford and Feinstein (J Clin Epidemiol 1996;49:1373-1379) simulated logistic models and
/// found that below about 10 events per variable the coefficients were biased in both directions, their variances
/// misestimated and the confidence intervals' coverage wrong. The rule is a guide, not a law: Vittinghoff and
/// McCulloch (Am J Epidemiol 2007;165:710-718) found coverage and bias mostly acceptable from 5 to 9 events per
/// variable, and van Smeden et al. (BMC Med Res Methodol 2016;16:163) showed that EPV alone predicts bias poorly and
/// that separation is what drives it, for which they recommend Firth's penalised likelihood. HipCheck therefore reports
/// the EPV with its warning and offers the Firth model beside the ordinary one, instead of refusing to fit.
/// </remarks>
public static class EventsPerVariable
{
    /// <summary>The conventional threshold (Peduzzi et al. 1996).</summary>
    public const double Threshold = 10;

    /// <summary>Counts events and non-events in <paramref name="outcome"/> and checks them against <paramref name="predictors"/>.</summary>
    public static EpvCheck Check(ReadOnlySpan<bool> outcome, int predictors)
    {
        long events = 0;
        foreach (var y in outcome)
        {
            events += y ? 1 : 0;
        }

        return Check(events, outcome.Length - events, predictors);
    }

    /// <summary>The check from counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static EpvCheck Check(long events, long nonEvents, int predictors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfNegative(nonEvents);
        ArgumentOutOfRangeException.ThrowIfNegative(predictors);
        var rarer = Math.Min(events, nonEvents);
        var value = events + nonEvents == 0 ? double.NaN : predictors == 0 ? double.PositiveInfinity : (double)rarer / predictors;
        string? warning = null;
        if (events + nonEvents > 0 && rarer == 0)
        {
            warning = string.Create(CultureInfo.InvariantCulture,
                $"Every athlete is in one outcome class ({events} events, {nonEvents} non-events): no model can be estimated.");
        }
        else if (value < Threshold)
        {
            var which = events <= nonEvents ? "events" : "non-events";
            warning = string.Create(CultureInfo.InvariantCulture,
                $"{value:0.##} {which} per predictor ({rarer} {which}, {predictors} predictors), fewer than the {Threshold:0} that Peduzzi et al. (1996) found a logistic model needs: its coefficients may be biased and its confidence intervals too narrow or too wide. The threshold is debated (Vittinghoff & McCulloch 2007 found 5-9 often adequate; van Smeden et al. 2016 found separation, not EPV, drives the bias and suggest Firth's penalised likelihood, reported beside the ordinary model). Read the estimates as exploratory.");
        }

        return new EpvCheck(events, nonEvents, predictors, value, warning);
    }
}
