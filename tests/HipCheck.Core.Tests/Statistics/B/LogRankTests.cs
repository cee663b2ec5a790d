using HipCheck.Core.Statistics;
using static HipCheck.Core.Tests.Statistics.B.StatsBFixture;

namespace HipCheck.Core.Tests.Statistics.B;

public class LogRankTests
{
    [Theory]
    [InlineData("small_ties")]
    [InlineData("heavy_censoring")]
    [InlineData("three_group")]
    [InlineData("cohort_exposure")]
    public void Matches_R_survdiff(string name)
    {
        var c = Case("logRank", name);
        var result = LogRank.Test(c.Numbers("time"), c.Flags("status"), c.Integers("group"));

        Close(c.Number("chisq"), result.ChiSquare, $"{name} chi-square");
        Assert.Equal((int)c.Number("df"), result.DegreesOfFreedom);
        CloseP(c.Number("p"), result.P, $"{name} p");
        var (observed, expected) = (c.Numbers("observed"), c.Numbers("expected"));
        for (var g = 0; g < observed.Length; g++)
        {
            Assert.Equal(observed[g], result.Observed[g]);
            Close(expected[g], result.Expected[g], $"{name} expected[{g}]");
        }
    }

    [Fact]
    public void Hand_worked_two_groups()
    {
        // Group 0 dies at 1 and 3, group 1 at 2 and is censored at 4.
        // t=1: n=4 (2, 2), d=1: E0 = 1/2, V = 1·3/3 · 1/2 · 1/2 = 1/4.
        // t=2: n=3 (1, 2), d=1: E0 = 1/3, V = 1·2/2 · 1/3 · 2/3 = 2/9.
        // t=3: n=2 (1, 1), d=1: E0 = 1/2, V = 1·1/1 · 1/2 · 1/2 = 1/4.
        // O0 = 2, E0 = 4/3, V = 13/18: χ² = (2/3)² / (13/18) = 8/13.
        var result = LogRank.Test([1, 3, 2, 4], [true, true, true, false], [0, 0, 1, 1]);

        Assert.Equal(8.0 / 13, result.ChiSquare, 14);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal([2.0, 1.0], result.Observed);
        Assert.Equal(4.0 / 3, result.Expected[0], 14);
        Assert.Equal(5.0 / 3, result.Expected[1], 14);
        Assert.Equal(0.4327676, result.P, 7); // R: pchisq(8/13, 1, lower.tail = FALSE) = 0.4327676
    }

    [Fact]
    public void One_group_has_no_test()
    {
        var result = LogRank.Test([1, 2, 3], [true, true, false], [0, 0, 0]);

        Assert.True(double.IsNaN(result.ChiSquare));
        Assert.True(double.IsNaN(result.P));
        Assert.Equal(0, result.DegreesOfFreedom);
    }

    [Fact]
    public void No_events_have_no_test()
    {
        var result = LogRank.Test([1, 2, 3, 4], [false, false, false, false], [0, 1, 0, 1]);

        Assert.True(double.IsNaN(result.ChiSquare));
        Assert.Equal([0.0, 0.0], result.Expected);
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentException>(() => LogRank.Test([1, 2], [true, true], [0]));
        Assert.Throws<ArgumentException>(() => LogRank.Test([1, 2], [true, true], [0, -1]));
        Assert.Throws<ArgumentException>(() => LogRank.Test([1, -2], [true, true], [0, 1]));
    }
}
