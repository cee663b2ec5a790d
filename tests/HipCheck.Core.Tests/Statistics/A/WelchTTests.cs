using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics.A;

public class WelchTTests
{
    [Fact]
    public void Welch_t_and_degrees_of_freedom_match_the_formulas_by_hand()
    {
        // x̄ = 2, s²ₓ = 1; ȳ = 5.5, s²ᵧ = 5/3; se² = 1/3 + 5/12 = 3/4; ν = (9/16) / ((1/3)²/2 + (5/12)²/3) = 3888/784
        var result = WelchT.Test([1, 2, 3], [4, 5, 6, 7]);

        Assert.Equal(-3.5 / Math.Sqrt(0.75), result.T, 13);
        Assert.Equal(3888.0 / 784, result.DegreesOfFreedom, 12);
        Assert.Equal(-3.5, result.MeanDifference, 14);
        Assert.InRange(result.P, 0.0098, 0.0102); // R: 0.01001857
        Assert.True(result.Lower < -3.5 && result.Upper > -3.5 && result.Upper < 0);
    }

    [Fact]
    public void Mirror_samples_have_t_zero_and_p_one()
    {
        var result = WelchT.Test([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]);

        Assert.Equal(0, result.T);
        Assert.Equal(1, result.P, 14);
        Assert.Equal(-result.Lower, result.Upper, 14);
    }

    [Fact]
    public void Two_constant_samples_give_undefined_t_but_a_mean_difference()
    {
        // R stops: "data are essentially constant".
        var result = WelchT.Test([1, 1, 1], [2, 2, 2]);

        Assert.True(double.IsNaN(result.T));
        Assert.True(double.IsNaN(result.DegreesOfFreedom));
        Assert.True(double.IsNaN(result.P));
        Assert.True(double.IsNaN(result.Lower) && double.IsNaN(result.Upper));
        Assert.Equal(-1, result.MeanDifference);
    }

    [Fact]
    public void One_constant_sample_is_fine_its_variance_term_is_zero()
    {
        var result = WelchT.Test([5, 5, 5, 5], [4.2, 5.9, 6.1, 5.5, 4.8]);

        Assert.Equal(4, result.DegreesOfFreedom, 12); // ν = nᵧ − 1 (R: 4)
    }

    [Fact]
    public void A_sample_of_one_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => WelchT.Test([1], [1, 2]));

        Assert.Contains("at least 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_are_not_finite_are_refused()
    {
        Assert.Throws<ArgumentException>(() => WelchT.Test([1, double.NaN], [1, 2]));
        Assert.Throws<ArgumentException>(() => WelchT.Test([1, 2], [1, double.PositiveInfinity]));
    }

    [Fact]
    public void Confidence_must_lie_between_zero_and_one() =>
        Assert.Throws<ArgumentException>(() => WelchT.Test([1, 2], [3, 4], confidence: 1));
}
