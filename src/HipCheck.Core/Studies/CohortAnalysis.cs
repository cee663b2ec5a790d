using System.Globalization;
using HipCheck.Core.Measurement;
using HipCheck.Core.Statistics;

namespace HipCheck.Core.Studies;

/// <summary>
/// The analysis a prospective cohort study runs (issue 4): is hip-extension asymmetry at baseline followed by low
/// back pain? Exposure = asymmetry % (PRODUCT.md: 100 x (stronger - weaker) / stronger) at or above the threshold.
/// <list type="bullet">
/// <item>by sex, the 2x2 table with the risk ratio and odds ratio (Wald 95 % CIs, log scale) and Fisher's exact p;</item>
/// <item>logistic regression <c>lbp_event ~ asymmetry_pct * female + ext_n_per_kg</c>, ext_n_per_kg = mean of left
/// and right hip extension force / body mass;</item>
/// <item>Kaplan-Meier survival free of the event at day 180 in the exposed and the unexposed, with the log-rank test;</item>
/// <item>Cox regression <c>asymmetry_pct * female</c> (Efron ties);</item>
/// <item>the events-per-variable check of the logistic model (<see cref="EventsPerVariable"/>) and, next to the ordinary
/// model, the same model by Firth's penalised likelihood (<see cref="FirthLogisticRegression"/>, as R's logistf), which
/// stays finite under separation and is less biased with few events; its profile penalised-likelihood intervals and
/// penalised likelihood-ratio p-values are computed for cohorts up to <see cref="FirthProfileMaxRows"/> athletes, above
/// that (where EPV is rarely the problem) the Wald columns only.</item>
/// </list>
/// Where a number cannot be estimated it is NaN (JSON null) and a warning says why: too few events per predictor
/// (below 10, Peduzzi et al., J Clin Epidemiol 1996;49:1373-1379), separation in the logistic model, no events,
/// an empty exposure group.
/// </summary>
public static class CohortAnalysis
{
    /// <summary>Day at which Kaplan-Meier survival is reported.</summary>
    public const double SurvivalDay = 180;

    /// <summary>Peduzzi et al. 1996: fewer events per predictor than this biases logistic and Cox coefficients.</summary>
    public const double MinEventsPerPredictor = 10;

    /// <summary>Largest cohort for which the Firth model's profile intervals and likelihood-ratio p-values are computed (about 3 × 5 × 10 refits).</summary>
    public const int FirthProfileMaxRows = 50_000;

    private static readonly string[] LogisticNames = ["asymmetry_pct", "female", "ext_n_per_kg", "asymmetry_pct:female"];
    private static readonly string[] CoxNames = ["asymmetry_pct", "female", "asymmetry_pct:female"];

    /// <summary>Runs every analysis on a validated cohort.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The threshold is not in [0, 100).</exception>
    public static CohortAnalysisResult Run(CohortData data, double threshold)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(threshold >= 0 && threshold < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The asymmetry threshold must be in [0, 100).");
        }

        var n = data.Count;
        var asymmetry = new double[n];
        var female = new double[n];
        var extPerKg = new double[n];
        var interaction = new double[n];
        var exposedGroup = new int[n];
        var cells = new int[8]; // [sex (0 F, 1 M)][exposed 0/1, event 0/1] -> a, b, c, d per sex
        var exposedCount = 0;
        long events = 0;
        var lefts = data.HipExtLeftN;
        var rights = data.HipExtRightN;
        var masses = data.BodyMassKg;
        var females = data.Female;
        var lbpEvents = data.LbpEvent;
        for (var i = 0; i < n; i++)
        {
            var left = lefts[i];
            var right = rights[i];
            var a = Asymmetry.Between(left, right).AsymmetryPercent;
            var isFemale = females[i];
            var exposed = a >= threshold;
            var hadEvent = lbpEvents[i];
            asymmetry[i] = a;
            female[i] = isFemale ? 1 : 0;
            interaction[i] = isFemale ? a : 0;
            extPerKg[i] = (left + right) / 2 / masses[i];
            exposedGroup[i] = exposed ? 1 : 0;
            exposedCount += exposedGroup[i];
            events += hadEvent ? 1 : 0;
            cells[((isFemale ? 0 : 1) * 4) + (exposed ? 0 : 2) + (hadEvent ? 0 : 1)]++;
        }

        var warnings = new List<string>();
        var womenTable = SexTable(cells, 0);
        var menTable = SexTable(cells, 4);
        // The three model families are independent: on a million athletes, running them side by side nearly halves
        // the wall time on two cores. Each collects its own warnings, merged in a fixed order.
        List<LogisticTerm> logistic = [];
        List<CoxTerm> cox = [];
        FirthResult? firth = null;
        (double Exposed, double Unexposed, LogRankResult? Test) survival = default;
        List<string> logisticWarnings = [], survivalWarnings = [], coxWarnings = [];
        var epv = EventsPerVariable.Check(events, n - events, LogisticNames.Length);
        // Firth's penalty corrects small-sample bias: it matters for small cohorts and for few events per predictor.
        // A large cohort with enough events is fitted without it (firth is null): the correction would change no
        // reported digit, and the fit would cost a million-row file several times its memory.
        var fitFirth = n <= FirthProfileMaxRows || epv.Underpowered;
        Parallel.Invoke(
            () => logistic = Logistic(asymmetry, female, extPerKg, interaction, data.LbpEvent, logisticWarnings),
            () => firth = fitFirth ? FirthLogisticRegression.Fit(LogisticNames, [asymmetry, female, extPerKg, interaction], data.LbpEvent, profile: n <= FirthProfileMaxRows) : null,
            () => cox = Cox(asymmetry, female, interaction, data.DaysToEvent, data.LbpEvent, coxWarnings),
            () => survival = Survival(data.DaysToEvent, data.LbpEvent, exposedGroup, exposedCount, survivalWarnings));
        warnings.AddRange(logisticWarnings);
        warnings.AddRange(survivalWarnings);
        warnings.AddRange(coxWarnings);
        var (exposedS180, unexposedS180, logRank) = survival;
        if (events == 0)
        {
            warnings.Insert(0, "No athlete had an event: no ratio, model or test can be estimated.");
        }

        foreach (var (label, t) in new[] { ("women", womenTable), ("men", menTable) })
        {
            if (t.A == 0 || t.B == 0 || t.C == 0 || t.D == 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The 2x2 table for {label} has a zero cell (a={t.A}, b={t.B}, c={t.C}, d={t.D}): its risk and odds ratio intervals are undefined (null) or infinite."));
            }
        }

        if (firth is not null && firth.Terms.Count > 0 && firth.Terms.All(t => double.IsFinite(t.Estimate)) && !firth.Converged)
        {
            warnings.Add("Firth model: the penalised fit did not converge; its coefficients are not reliable.");
        }

        return new CohortAnalysisResult(n, events, threshold, womenTable, menTable, logistic, exposedS180, unexposedS180,
            logRank!.ChiSquare, logRank.P, cox, warnings)
        {
            LogisticEpv = epv,
            Firth = firth is null ? null : new FirthModel(
                n <= FirthProfileMaxRows,
                [.. firth.Terms.Select(t => new FirthLogisticTerm(t.Name, t.Estimate, t.StandardError, t.ProfileLower, t.ProfileUpper, t.P, t.WaldP))],
                firth.LikelihoodRatioChiSquare,
                firth.LikelihoodRatioP),
        };
    }

    private static SexTable SexTable(int[] cells, int offset)
    {
        var table = new TwoByTwo(cells[offset], cells[offset + 1], cells[offset + 2], cells[offset + 3]);
        var rr = table.RiskRatio();
        var or = table.OddsRatio();
        return new SexTable(table.A, table.B, table.C, table.D,
            new RatioEstimate(rr.Value, rr.Lower, rr.Upper), new RatioEstimate(or.Value, or.Lower, or.Upper),
            table.FisherExactP());
    }

    private static List<LogisticTerm> Logistic(
        double[] asymmetry, double[] female, double[] extPerKg, double[] interaction, ReadOnlySpan<bool> lbpEvent, List<string> warnings)
    {
        var fit = LogisticRegression.Fit(LogisticNames, [asymmetry, female, extPerKg, interaction], lbpEvent);
        var epv = EventsPerVariable.Check(fit.Events, fit.N - fit.Events, LogisticNames.Length);
        if (double.IsFinite(epv.Value) && epv.Underpowered)
        {
            warnings.Add("Logistic model: " + epv.Warning);
        }

        if (fit.Separation)
        {
            warnings.Add("Logistic model: the outcome is separated by the predictors (complete or quasi-complete separation): the maximum-likelihood estimates do not exist, so no coefficient is reported. See the Firth model (penalised likelihood), whose estimates stay finite.");
        }
        else if (!fit.Converged && fit.Iterations > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Logistic model: IRLS did not converge in {fit.Iterations} iterations; the coefficients are not reliable."));
        }

        // Under separation the estimates are merely where IRLS stopped: reporting them would be reporting nonsense.
        return [.. fit.Terms.Select(t => fit.Separation
            ? new LogisticTerm(t.Name, double.NaN, double.NaN, double.NaN, double.NaN)
            : new LogisticTerm(t.Name, t.Estimate, t.StandardError, t.Z, t.P))];
    }

    private static (double Exposed, double Unexposed, LogRankResult LogRank) Survival(
        ReadOnlySpan<double> daysToEvent, ReadOnlySpan<bool> lbpEvent, int[] exposedGroup, int exposedCount, List<string> warnings)
    {
        var n = daysToEvent.Length;
        var times = new double[2][] { new double[n - exposedCount], new double[exposedCount] };
        var status = new bool[2][] { new bool[n - exposedCount], new bool[exposedCount] };
        var next = new int[2];
        for (var i = 0; i < n; i++)
        {
            var g = exposedGroup[i];
            times[g][next[g]] = daysToEvent[i];
            status[g][next[g]++] = lbpEvent[i];
        }

        double S180(int g) => times[g].Length == 0 ? double.NaN : KaplanMeier.Estimate(times[g], status[g]).SurvivalAt(SurvivalDay);
        if (exposedCount == 0 || exposedCount == n)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{(exposedCount == 0 ? "No athlete is exposed" : "Every athlete is exposed")} at this threshold: the exposed and unexposed cannot be compared (log-rank null)."));
        }

        var logRank = LogRank.Test(daysToEvent, lbpEvent, exposedGroup);
        return (S180(1), S180(0), logRank);
    }

    private static List<CoxTerm> Cox(
        double[] asymmetry, double[] female, double[] interaction, ReadOnlySpan<double> daysToEvent, ReadOnlySpan<bool> lbpEvent, List<string> warnings)
    {
        var fit = CoxRegression.Fit(CoxNames, [asymmetry, female, interaction], daysToEvent, lbpEvent);
        var epp = (double)fit.Events / CoxNames.Length;
        if (fit.Events > 0 && epp < MinEventsPerPredictor)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Cox model: {epp:0.##} events per predictor ({fit.Events} events, {CoxNames.Length} predictors), below {MinEventsPerPredictor} (Peduzzi et al. 1995): coefficients are biased and their p-values unreliable."));
        }

        if (fit.Events > 0 && !fit.Converged)
        {
            warnings.Add("Cox model: the fit did not converge or a coefficient tends to infinity (e.g. a group without events); terms without a finite estimate have no p-value.");
        }

        return [.. fit.Terms.Select(t => new CoxTerm(t.Name, t.Estimate, t.StandardError, t.P))];
    }
}
