using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics.A;

public class MannWhitneyTests
{
    [Fact]
    public void Complete_separation_of_three_and_two_has_exact_p_two_in_ten()
    {
        // W = 0; P(W = 0) = 1/C(5, 3) = 1/10; two-sided 2/10.
        var result = MannWhitney.Test([1, 2, 3], [4, 5]);

        Assert.Equal(0, result.W);
        Assert.True(result.Exact);
        Assert.Equal(0.2, result.P, 15);
    }

    [Fact]
    public void Six_above_six_has_exact_p_two_in_924()
    {
        var result = MannWhitney.Test([11, 12, 13, 14, 15, 16], [1, 2, 3, 4, 5, 6]);

        Assert.Equal(36, result.W);
        Assert.Equal(2.0 / 924, result.P, 15);
    }

    [Fact]
    public void Ties_switch_to_the_normal_approximation()
    {
        var result = MannWhitney.Test([1, 2, 2, 3], [2, 4, 5]);

        Assert.False(result.Exact);
        Assert.Equal(2, result.W); // pairs x > y: 3 > 2 once, and two ties 2 = 2 at 1/2 each
    }

    [Fact]
    public void Fifty_values_in_a_sample_switch_to_the_normal_approximation()
    {
        var x = Enumerable.Range(0, 50).Select(i => i + 0.5).ToArray();
        var y = Enumerable.Range(0, 10).Select(i => i * 3.0).ToArray();

        Assert.False(MannWhitney.Test(x, y).Exact);
        Assert.True(MannWhitney.Test(x.AsSpan(0, 49), y).Exact);
    }

    [Fact]
    public void All_values_tied_give_an_undefined_p_as_R()
    {
        var result = MannWhitney.Test([1, 1, 1], [1, 1]);

        Assert.Equal(3, result.W);
        Assert.True(double.IsNaN(result.P));
    }

    [Fact]
    public void Empty_samples_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([], [1]));
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([1], []));
    }

    [Fact]
    public void Values_that_are_not_finite_are_refused() =>
        Assert.Throws<ArgumentException>(() => MannWhitney.Test([1, double.NaN], [2]));
}
