using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics;

/// <summary>Exact intervals against R (fixtures/incidence.R: binom.test and poisson.test conf.int).</summary>
public class IncidenceTests
{
    [Theory]
    [InlineData(13, 163, 0.043149001314962208, 0.13252134917755665)] // Nadler 2001: 13 events in 163 athletes
    [InlineData(5, 63, 0.026272340644027656, 0.1755759497248478)] // its 63 women
    [InlineData(0, 40, 0, 0.088097302878802353)]
    [InlineData(40, 40, 0.91190269712119765, 1)]
    [InlineData(1, 1000, 2.5317487491294069e-05, 0.005558924279826627)]
    public void Cumulative_risk_has_the_clopper_pearson_interval_of_binom_test(long events, long n, double lower, double upper)
    {
        var risk = Incidence.CumulativeRisk(events, n);

        Assert.Equal((double)events / n, risk.Value, 15);
        Assert.Equal(lower, risk.Lower, Math.Max(1e-9, lower * 1e-6));
        Assert.Equal(upper, risk.Upper, upper * 1e-6);
    }

    [Theory]
    [InlineData(13, 59495, 0.11634511288349948, 0.37365149875046433)]
    [InlineData(0, 1200, 0, 3.0740662117616129)]
    [InlineData(254, 155318, 1.4404060055270784, 1.849330021367265)] // Nielsen 2013: 254 injuries in 155,318 km
    [InlineData(7, 2500.5, 1.12552011658463, 5.7679165613686774)]
    public void Rate_per_1000_has_the_exact_interval_of_poisson_test(long events, double time, double lower, double upper)
    {
        var rate = Incidence.Rate(events, time);

        Assert.Equal(events / time * 1000, rate.Value, 12);
        Assert.Equal(lower, rate.Lower, Math.Max(1e-9, lower * 1e-6));
        Assert.Equal(upper, rate.Upper, upper * 1e-6);
    }

    [Fact]
    public void Empty_denominators_give_NaN_and_impossible_counts_throw()
    {
        Assert.True(double.IsNaN(Incidence.CumulativeRisk(0, 0).Value));
        Assert.True(double.IsNaN(Incidence.Rate(0, 0).Value));
        Assert.Throws<ArgumentException>(() => Incidence.CumulativeRisk(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Incidence.Rate(-1, 10));
    }
}
