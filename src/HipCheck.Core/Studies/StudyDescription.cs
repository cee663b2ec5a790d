using HipCheck.Core.Measurement;
using HipCheck.Core.Statistics;

namespace HipCheck.Core.Studies;

/// <summary>Events and time at risk of one group, with exact 95 % intervals.</summary>
/// <param name="PersonDays">Days at risk: each athlete counts until the event or the end of observation.</param>
/// <param name="RatePer1000Days">Events per 1000 athlete-days at risk (exact Poisson interval).</param>
public sealed record GroupIncidence(string Group, int N, int Events, int Exposed, Estimate CumulativeRisk, double PersonDays, Estimate RatePer1000Days);

/// <summary>Asymmetry of athletes with and without the event, compared two ways.</summary>
public sealed record AsymmetryComparison(string Group, int WithEvent, int WithoutEvent, double MeanWithEvent, double MeanWithoutEvent, WelchTResult? Welch, MannWhitneyResult? MannWhitney);

/// <summary>How well baseline asymmetry separates athletes who had the event from those who did not.</summary>
public sealed record AsymmetryRoc(string Group, RocResult? Roc);

/// <summary>Everything the study report shows beyond the cohort analysis: incidence, comparisons, ROC and curves.</summary>
public sealed record StudyDescription(
    IReadOnlyList<GroupIncidence> Incidence,
    IReadOnlyList<AsymmetryComparison> Comparisons,
    IReadOnlyList<AsymmetryRoc> Roc,
    KaplanMeierCurve? ExposedCurve,
    KaplanMeierCurve? UnexposedCurve,
    IReadOnlyList<double> Asymmetry,
    IReadOnlyList<bool> Events);

/// <summary>Describes a cohort overall and by sex (PRODUCT.md: every analysis by sex as well).</summary>
public static class StudyDescriber
{
    public static StudyDescription Describe(CohortData data, double threshold)
    {
        ArgumentNullException.ThrowIfNull(data);
        var n = data.Count;
        var asymmetry = new double[n];
        for (var i = 0; i < n; i++)
        {
            asymmetry[i] = Asymmetry.Between(data.HipExtLeftN[i], data.HipExtRightN[i]).AsymmetryPercent;
        }

        var groups = new (string Name, Func<int, bool> In)[]
        {
            ("all", _ => true),
            ("women", i => data.Female[i]),
            ("men", i => !data.Female[i]),
        };

        var incidence = new List<GroupIncidence>();
        var comparisons = new List<AsymmetryComparison>();
        var rocs = new List<AsymmetryRoc>();
        foreach (var (name, include) in groups)
        {
            var idx = Enumerable.Range(0, n).Where(include).ToArray();
            var events = idx.Count(i => data.LbpEvent[i]);
            var exposed = idx.Count(i => asymmetry[i] >= threshold);
            var personDays = idx.Sum(i => data.DaysToEvent[i]);
            incidence.Add(new GroupIncidence(name, idx.Length, events, exposed,
                Statistics.Incidence.CumulativeRisk(events, idx.Length), personDays, Statistics.Incidence.Rate(events, personDays)));

            var withEvent = idx.Where(i => data.LbpEvent[i]).Select(i => asymmetry[i]).ToArray();
            var without = idx.Where(i => !data.LbpEvent[i]).Select(i => asymmetry[i]).ToArray();
            var canCompare = withEvent.Length >= 2 && without.Length >= 2;
            comparisons.Add(new AsymmetryComparison(name, withEvent.Length, without.Length,
                withEvent.Length > 0 ? withEvent.Average() : double.NaN,
                without.Length > 0 ? without.Average() : double.NaN,
                canCompare ? WelchT.Test(withEvent, without) : null,
                withEvent.Length >= 1 && without.Length >= 1 ? MannWhitney.Test(withEvent, without) : null));
            rocs.Add(new AsymmetryRoc(name, withEvent.Length > 0 && without.Length > 0
                ? Statistics.Roc.Compute(idx.Select(i => asymmetry[i]).ToArray(), idx.Select(i => data.LbpEvent[i]).ToArray())
                : null));
        }

        KaplanMeierCurve? Curve(bool exposed)
        {
            var idx = Enumerable.Range(0, n).Where(i => (asymmetry[i] >= threshold) == exposed).ToArray();
            return idx.Length == 0
                ? null
                : KaplanMeier.Estimate(idx.Select(i => data.DaysToEvent[i]).ToArray(), idx.Select(i => data.LbpEvent[i]).ToArray());
        }

        return new StudyDescription(incidence, comparisons, rocs, Curve(true), Curve(false), asymmetry, data.LbpEvent.ToArray());
    }
}
