using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics.A;

public class RocTests
{
    [Fact]
    public void Perfect_separation_has_area_one_and_the_lowest_event_score_as_cut_off()
    {
        var roc = Roc.Compute([1, 2, 3, 4, 5, 6], [false, false, false, true, true, true]);

        Assert.Equal(1, roc.Auc);
        Assert.Equal(new RocPoint(4, 1, 1), roc.Youden);
    }

    [Fact]
    public void An_inverted_score_has_area_zero() =>
        Assert.Equal(0, Roc.Compute([1, 2, 3, 4], [true, true, false, false]).Auc);

    [Fact]
    public void Ties_between_event_and_non_event_count_one_half() =>
        Assert.Equal(0.5, Roc.Compute([1, 1], [true, false]).Auc);

    [Fact]
    public void The_curve_runs_from_nobody_positive_to_everybody_positive()
    {
        var roc = Roc.Compute([0.3, 0.7, 0.7, 0.1], [false, true, false, true]);

        Assert.Equal(4, roc.Points.Count); // +∞ and three distinct scores
        Assert.Equal(new RocPoint(double.PositiveInfinity, 0, 1), roc.Points[0]);
        Assert.Equal(new RocPoint(0.7, 0.5, 0.5), roc.Points[1]);
        Assert.Equal(new RocPoint(0.1, 1, 0), roc.Points[^1]);
        Assert.Equal([.. roc.Points], roc.Points.ToList());
    }

    [Fact]
    public void Tied_youden_maxima_resolve_to_the_lowest_threshold()
    {
        // J = 0.5 at thresholds 4 (sens 0.5, spec 1) and 2 (sens 1, spec 0.5): the more sensitive 2 wins.
        var roc = Roc.Compute([1, 2, 3, 4], [false, true, false, true]);

        Assert.Equal(new RocPoint(2, 1, 0.5), roc.Youden);
    }

    [Fact]
    public void Without_events_the_area_and_the_cut_off_are_undefined()
    {
        var roc = Roc.Compute([1, 2, 3], [false, false, false]);

        Assert.True(double.IsNaN(roc.Auc));
        Assert.True(double.IsNaN(roc.Youden.Threshold));
        Assert.True(double.IsNaN(roc.Points[1].Sensitivity));
        Assert.Equal(2.0 / 3, roc.Points[1].Specificity, 15);
    }

    [Fact]
    public void Without_non_events_the_area_is_undefined() =>
        Assert.True(double.IsNaN(Roc.Compute([1, 2], [true, true]).Auc));

    [Fact]
    public void Unpaired_or_empty_or_non_finite_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Roc.Compute([1, 2], [true]));
        Assert.Throws<ArgumentException>(() => Roc.Compute([], []));
        Assert.Throws<ArgumentException>(() => Roc.Compute([1, double.NaN], [true, false]));
    }
}
