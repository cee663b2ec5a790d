using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics;

public class EventsPerVariableTests
{
    [Fact]
    public void Nadler_2001_had_13_events_which_is_one_predictors_worth()
    {
        // 163 athletes, 13 needed LBP treatment: 13 / 1 = 13 for one predictor, 13 / 3 = 4.33 for asymmetry * sex.
        var one = EventsPerVariable.Check(13, 150, 1);
        var three = EventsPerVariable.Check(13, 150, 3);

        Assert.Equal(13, one.Value);
        Assert.False(one.Underpowered);
        Assert.Equal(13.0 / 3, three.Value, 1e-15);
        Assert.True(three.Underpowered);
        Assert.StartsWith("4.33 events per predictor (13 events, 3 predictors)", three.Warning, StringComparison.Ordinal);
        Assert.Contains("Peduzzi et al. (1996)", three.Warning, StringComparison.Ordinal);
        Assert.Contains("Vittinghoff & McCulloch 2007", three.Warning, StringComparison.Ordinal);
        Assert.Contains("van Smeden et al. 2016", three.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rarer_outcome_counts_so_common_events_are_limited_by_the_non_events()
    {
        var check = EventsPerVariable.Check([true, true, true, true, true, true, true, false, false, false], 1);

        Assert.Equal((7L, 3L), (check.Events, check.NonEvents));
        Assert.Equal(3, check.Value);
        Assert.StartsWith("3 non-events per predictor", check.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_ten_per_predictor_is_not_warned_about()
    {
        Assert.Null(EventsPerVariable.Check(40, 360, 4).Warning);
        Assert.NotNull(EventsPerVariable.Check(39, 361, 4).Warning);
    }

    [Fact]
    public void Edge_cases_are_values_not_exceptions()
    {
        Assert.True(double.IsNaN(EventsPerVariable.Check(0, 0, 2).Value));
        Assert.True(double.IsPositiveInfinity(EventsPerVariable.Check(5, 5, 0).Value));
        var none = EventsPerVariable.Check(0, 50, 2);
        Assert.Equal(0, none.Value);
        Assert.Contains("one outcome class", none.Warning, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => EventsPerVariable.Check(-1, 5, 1));
    }
}
