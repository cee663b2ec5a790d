using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics.A;

public class PowerTests
{
    [Fact]
    public void Cohens_h_is_the_difference_of_arcsine_transformed_proportions()
    {
        Assert.Equal((2 * Math.Asin(Math.Sqrt(0.12))) - (2 * Math.Asin(Math.Sqrt(0.06))), Power.CohensH(0.12, 0.06), 15);
        Assert.Equal(Math.PI, Power.CohensH(1, 0), 15);
        Assert.Equal(-Power.CohensH(0.3, 0.2), Power.CohensH(0.2, 0.3), 15);
    }

    [Fact]
    public void Twelve_against_six_percent_needs_348_per_group_for_80_percent_power()
    {
        var plan = Power.SampleSizeTwoProportions(0.12, 0.06);

        Assert.Equal(348, Math.Ceiling(plan.NPerGroup)); // pwr: 347.4706
        Assert.Equal(0.8, plan.Power);
        Assert.Equal(0.05, plan.Alpha);
    }

    [Theory]
    [InlineData(0.25, 0.15, 0.01, 0.9)]
    [InlineData(0.25, 0.15, 0.05, 0.0500001)]
    [InlineData(0.12, 0.06, 0.05, 0.5)]
    [InlineData(0.5, 0.49, 0.05, 0.999)]
    [InlineData(0.99, 0.01, 0.05, 0.8)]
    public void The_power_at_the_planned_size_is_the_power_asked_for(double p1, double p2, double alpha, double power)
    {
        var plan = Power.SampleSizeTwoProportions(p1, p2, alpha, power);

        Assert.Equal(power, Power.PowerTwoProportions(p1, p2, plan.NPerGroup, alpha).Power, 13);
    }

    [Fact]
    public void Equal_proportions_need_infinitely_many_and_have_power_alpha()
    {
        Assert.Equal(double.PositiveInfinity, Power.SampleSizeTwoProportions(0.4, 0.4).NPerGroup);
        Assert.Equal(0.05, Power.PowerTwoProportions(0.4, 0.4, 100).Power, 14);
    }

    [Theory]
    [InlineData(-0.1, 0.5, 0.05, 0.8)]
    [InlineData(0.5, 1.1, 0.05, 0.8)]
    [InlineData(0.5, double.NaN, 0.05, 0.8)]
    [InlineData(0.2, 0.1, 0, 0.8)]
    [InlineData(0.2, 0.1, 1, 0.8)]
    [InlineData(0.2, 0.1, 0.05, 1)]
    [InlineData(0.2, 0.1, 0.05, 0)]
    [InlineData(0.2, 0.1, 0.5, 0.4)]
    public void Invalid_planning_inputs_are_refused(double p1, double p2, double alpha, double power) =>
        Assert.Throws<ArgumentException>(() => Power.SampleSizeTwoProportions(p1, p2, alpha, power));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Group_size_must_be_positive_and_finite(double n) =>
        Assert.Throws<ArgumentException>(() => Power.PowerTwoProportions(0.2, 0.1, n));
}
