using HipCheck.Core.Measurement;

namespace HipCheck.Core.Tests;

public class SideScoreTests
{
    [Fact]
    public void Mean_max_and_cv_of_three_trials()
    {
        var score = SideScore.FromTrials([200, 210, 205]);

        // mean (200+210+205)/3 = 205
        Assert.Equal(205, score.Mean, 12);
        Assert.Equal(210, score.Max);
        // sample SD: ((-5)² + 5² + 0²)/(3-1) = 25, SD 5; CV 100 x 5/205 = 2.4390243902 %
        Assert.NotNull(score.CvPercent);
        Assert.Equal(2.4390243902439024, score.CvPercent.Value, 1e-12);
        Assert.Equal(3, score.TrialCount);
    }

    [Fact]
    public void Cv_uses_the_sample_sd_not_the_population_sd()
    {
        var score = SideScore.FromTrials([10, 20]);

        // mean 15; sample SD sqrt((25+25)/1) = 7.0710678; CV 47.1404520791 %
        // (the population SD, 5, would give 33.33 %)
        Assert.Equal(15, score.Mean, 12);
        Assert.Equal(47.14045207910317, score.CvPercent!.Value, 1e-10);
    }

    [Fact]
    public void Cv_of_two_trials()
    {
        var score = SideScore.FromTrials([100, 120]);

        // mean 110; SD sqrt((100+100)/1) = 14.1421356; CV 100 x 14.1421356/110 = 12.8564869 %
        Assert.Equal(110, score.Mean, 12);
        Assert.Equal(120, score.Max);
        Assert.Equal(12.8564869306645, score.CvPercent!.Value, 1e-10);
        Assert.Equal(2, score.TrialCount);
    }

    [Fact]
    public void Equal_trials_have_zero_cv()
    {
        var score = SideScore.FromTrials([150, 150, 150]);

        Assert.Equal(150, score.Mean, 12);
        Assert.Equal(150, score.Max);
        Assert.Equal(0, score.CvPercent!.Value, 12);
    }

    [Fact]
    public void A_single_trial_has_no_cv()
    {
        var score = SideScore.FromTrials([250]);

        Assert.Equal(250, score.Mean);
        Assert.Equal(250, score.Max);
        Assert.Null(score.CvPercent);
        Assert.Equal(1, score.TrialCount);
    }

    [Theory]
    [InlineData(263.6, 6)] // summed in doubles, 6 x 263.6 / 6 came out as 263.59999999999997
    [InlineData(0.1, 3)] // 0.1 + 0.1 + 0.1 = 0.30000000000000004, / 3 = 0.10000000000000002
    public void Equal_trials_give_exactly_their_value_and_a_cv_of_zero(double value, int count)
    {
        var score = SideScore.FromTrials([.. Enumerable.Repeat(value, count)]);

        Assert.Equal(value, score.Mean);
        Assert.Equal(value, score.Max);
        Assert.Equal(0, score.CvPercent);
    }

    [Fact]
    public void Max_does_not_depend_on_order()
    {
        var score = SideScore.FromTrials([230, 180, 199.5, 201]);

        // mean (230+180+199.5+201)/4 = 810.5/4 = 202.625
        Assert.Equal(230, score.Max);
        Assert.Equal(202.625, score.Mean, 12);
        Assert.Equal(4, score.TrialCount);
    }

    [Fact]
    public void Small_positive_trials_are_accepted()
    {
        var score = SideScore.FromTrials([0.5, 1.5]);

        // mean 1; SD sqrt(0.25+0.25) = 0.7071068; CV 70.71068 %
        Assert.Equal(1, score.Mean, 12);
        Assert.Equal(70.71067811865476, score.CvPercent!.Value, 1e-10);
    }

    [Fact]
    public void No_trials_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => SideScore.FromTrials([]));
        Assert.Equal("trials", ex.ParamName);
    }

    [Fact]
    public void A_missing_trial_list_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => SideScore.FromTrials(null!));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(-200.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_trial_that_is_not_finite_and_positive_is_refused(double bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => SideScore.FromTrials([200, bad, 205]));
        Assert.Equal("trials", ex.ParamName);
    }
}
