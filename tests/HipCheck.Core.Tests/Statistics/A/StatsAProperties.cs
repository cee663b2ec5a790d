using FsCheck;
using FsCheck.Xunit;
using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics.A;

[Properties(MaxTest = 300)]
public class StatsAProperties
{
    private static bool Close(double expected, double actual, double relative = 1e-12) =>
        Math.Abs(actual - expected) <= relative * Math.Max(1, Math.Abs(expected));

    [Property]
    public bool Swapping_the_exposure_rows_inverts_the_risk_ratio(PositiveInt a, PositiveInt b, PositiveInt c, PositiveInt d)
    {
        var rr = new TwoByTwo(a.Get, b.Get, c.Get, d.Get).RiskRatio();
        var swapped = new TwoByTwo(c.Get, d.Get, a.Get, b.Get).RiskRatio();

        return Close(1 / rr.Value, swapped.Value) && Close(1 / rr.Upper, swapped.Lower) && Close(1 / rr.Lower, swapped.Upper);
    }

    [Property]
    public bool Swapping_the_exposure_rows_inverts_the_odds_ratio(PositiveInt a, PositiveInt b, PositiveInt c, PositiveInt d)
    {
        var or = new TwoByTwo(a.Get, b.Get, c.Get, d.Get).OddsRatio();
        var swapped = new TwoByTwo(c.Get, d.Get, a.Get, b.Get).OddsRatio();

        return Close(1 / or.Value, swapped.Value) && Close(1 / or.Upper, swapped.Lower);
    }

    [Property]
    public bool The_interval_holds_the_estimate(PositiveInt a, PositiveInt b, PositiveInt c, PositiveInt d)
    {
        var table = new TwoByTwo(a.Get, b.Get, c.Get, d.Get);
        var rr = table.RiskRatio();
        var or = table.OddsRatio();

        return rr.Lower <= rr.Value && rr.Value <= rr.Upper && or.Lower <= or.Value && or.Value <= or.Upper;
    }

    [Property]
    public bool Fisher_p_is_a_probability_unchanged_by_transposing_or_swapping_rows(NonNegativeInt a, NonNegativeInt b, NonNegativeInt c, NonNegativeInt d)
    {
        var p = new TwoByTwo(a.Get, b.Get, c.Get, d.Get).FisherExactP();

        return p is >= 0 and <= 1
            && Close(p, new TwoByTwo(a.Get, c.Get, b.Get, d.Get).FisherExactP(), 1e-9)
            && Close(p, new TwoByTwo(c.Get, d.Get, a.Get, b.Get).FisherExactP(), 1e-9);
    }

    [Property]
    public bool Chi_square_p_is_a_probability_or_undefined(NonNegativeInt a, NonNegativeInt b, NonNegativeInt c, NonNegativeInt d, bool correct)
    {
        var chi = new TwoByTwo(a.Get, b.Get, c.Get, d.Get).ChiSquare(correct);

        return double.IsNaN(chi.P) || chi.P is >= 0 and <= 1;
    }

    [Property]
    public bool Swapping_the_samples_negates_welch_t_and_keeps_p(int x0, int x1, int[] xs, int y0, int y1, int[] ys)
    {
        double[] x = [x0, x1, .. xs.Select(v => (double)v)];
        double[] y = [y0, y1, .. ys.Select(v => (double)v)];
        var forward = WelchT.Test(x, y);
        var backward = WelchT.Test(y, x);

        return double.IsNaN(forward.T)
            ? double.IsNaN(backward.T)
            : Close(-forward.T, backward.T) && Close(forward.P, backward.P, 1e-9) && forward.P is >= 0 and <= 1;
    }

    [Property]
    public bool Swapping_the_samples_mirrors_W_and_keeps_p(NonEmptyArray<int> xs, NonEmptyArray<int> ys)
    {
        double[] x = [.. xs.Get.Select(v => (double)(v % 20))];
        double[] y = [.. ys.Get.Select(v => (double)(v % 20))];
        var forward = MannWhitney.Test(x, y);
        var backward = MannWhitney.Test(y, x);

        return forward.W + backward.W == (double)x.Length * y.Length
            && (double.IsNaN(forward.P) ? double.IsNaN(backward.P) : Close(forward.P, backward.P, 1e-9) && forward.P is >= 0 and <= 1);
    }

    [Property]
    public bool Auc_is_the_Mann_Whitney_W_over_the_pairs_and_flips_with_the_outcome(NonEmptyArray<int> scores, int seed)
    {
        double[] s = [.. scores.Get.Select(v => (double)(v % 10))];
        var random = new Random(seed);
        bool[] events = [.. s.Select(_ => random.Next(2) == 1)];
        double[] withEvent = [.. s.Where((_, i) => events[i])];
        double[] without = [.. s.Where((_, i) => !events[i])];
        var roc = Roc.Compute(s, events);
        if (withEvent.Length == 0 || without.Length == 0)
        {
            return double.IsNaN(roc.Auc);
        }

        var w = MannWhitney.Test(withEvent, without).W;
        var flipped = Roc.Compute(s, [.. events.Select(e => !e)]);
        return Close(w / ((double)withEvent.Length * without.Length), roc.Auc)
            && Close(1 - roc.Auc, flipped.Auc)
            && roc.Youden.Sensitivity + roc.Youden.Specificity >= 1;
    }

    [Property]
    public bool The_planned_group_size_achieves_the_planned_power(PositiveInt i, PositiveInt j, bool strict)
    {
        var p1 = ((i.Get % 98) + 1) / 100.0;
        var p2 = ((j.Get % 98) + 1) / 100.0;
        var (alpha, power) = strict ? (0.01, 0.9) : (0.05, 0.8);
        var plan = Power.SampleSizeTwoProportions(p1, p2, alpha, power);

        return p1 == p2
            ? double.IsPositiveInfinity(plan.NPerGroup)
            : Close(power, Power.PowerTwoProportions(p1, p2, plan.NPerGroup, alpha).Power, 1e-12);
    }
}
