using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics.A;

public class TwoByTwoTests
{
    private static readonly TwoByTwo TenOfHundredAgainstFiveOfHundred = new(10, 90, 5, 95);

    [Fact]
    public void Risk_ratio_of_ten_percent_against_five_percent_is_two()
    {
        var rr = TenOfHundredAgainstFiveOfHundred.RiskRatio();

        Assert.Equal(2, rr.Value, 15);
        // exp(log 2 ± 1.959964·√(1/10 − 1/100 + 1/5 − 1/100)) by hand
        var se = Math.Sqrt(0.1 - 0.01 + 0.2 - 0.01);
        Assert.Equal(2 * Math.Exp(-1.959963984540054 * se), rr.Lower, 12);
        Assert.Equal(2 * Math.Exp(1.959963984540054 * se), rr.Upper, 12);
    }

    [Fact]
    public void Odds_ratio_of_10_90_5_95_is_95_over_45()
    {
        var or = TenOfHundredAgainstFiveOfHundred.OddsRatio();

        Assert.Equal(95.0 / 45, or.Value, 14);
        Assert.Equal(2.1111, or.Value, 4);
        var se = Math.Sqrt((1.0 / 10) + (1.0 / 90) + (1.0 / 5) + (1.0 / 95));
        Assert.Equal(95.0 / 45 * Math.Exp(-1.959963984540054 * se), or.Lower, 12);
    }

    [Fact]
    public void Total_and_cells_are_kept()
    {
        Assert.Equal(200, TenOfHundredAgainstFiveOfHundred.N);
        Assert.Equal((10, 90, 5, 95), (TenOfHundredAgainstFiveOfHundred.A, TenOfHundredAgainstFiveOfHundred.B, TenOfHundredAgainstFiveOfHundred.C, TenOfHundredAgainstFiveOfHundred.D));
    }

    [Fact]
    public void Uncorrected_chi_square_is_n_times_squared_cross_difference_over_margins()
    {
        var chi = TenOfHundredAgainstFiveOfHundred.ChiSquare(continuityCorrection: false);

        // N(ad − bc)² / (r₁r₂c₁c₂) = 200·500² / (100·100·15·185)
        Assert.Equal(200.0 * 500 * 500 / (100.0 * 100 * 15 * 185), chi.Statistic, 13);
        Assert.Equal(1, chi.DegreesOfFreedom);
    }

    [Fact]
    public void Fisher_p_of_a_perfect_two_by_two_is_one_third()
    {
        // Margins all 2: P(X = 0, 1, 2) = 1/6, 4/6, 1/6; X = 2 observed, two-sided p = 1/6 + 1/6.
        Assert.Equal(1.0 / 3, new TwoByTwo(2, 0, 0, 2).FisherExactP(), 14);
    }

    [Fact]
    public void Fisher_p_counts_tied_probabilities_in_a_symmetric_table()
    {
        Assert.Equal(1, new TwoByTwo(3, 3, 3, 3).FisherExactP(), 14);
    }

    [Fact]
    public void Fisher_p_of_a_million_athletes_is_a_probability()
    {
        var p = new TwoByTwo(5231, 294769, 8740, 690260).FisherExactP();

        Assert.InRange(p, 1e-80, 1e-78); // R: 2.28718916375937e-79
    }

    [Fact]
    public void Fisher_p_of_a_balanced_table_of_two_million_is_one()
    {
        Assert.Equal(1, new TwoByTwo(500_000, 500_000, 500_000, 500_000).FisherExactP(), 9);
    }

    [Fact]
    public void No_exposed_event_gives_risk_ratio_zero_with_undefined_upper_limit()
    {
        var rr = new TwoByTwo(0, 20, 5, 15).RiskRatio();

        Assert.Equal(new Estimate(0, 0, double.NaN), rr);
    }

    [Fact]
    public void No_unexposed_event_gives_infinite_ratios_with_undefined_lower_limit()
    {
        var table = new TwoByTwo(5, 15, 0, 20);

        Assert.Equal(new Estimate(double.PositiveInfinity, double.NaN, double.PositiveInfinity), table.RiskRatio());
        Assert.Equal(new Estimate(double.PositiveInfinity, double.NaN, double.PositiveInfinity), table.OddsRatio());
    }

    [Fact]
    public void A_zero_non_event_cell_among_the_unexposed_makes_the_odds_ratio_zero_but_not_the_risk_ratio()
    {
        var table = new TwoByTwo(12, 8, 9, 0);

        Assert.Equal(new Estimate(0, 0, double.NaN), table.OddsRatio());
        Assert.Equal(0.6, table.RiskRatio().Value, 14);
        Assert.True(double.IsFinite(table.RiskRatio().Lower));
    }

    [Fact]
    public void No_events_leave_every_ratio_and_the_chi_square_undefined_and_fisher_at_one()
    {
        var table = new TwoByTwo(0, 10, 0, 10);

        Assert.Equal(new Estimate(double.NaN, double.NaN, double.NaN), table.RiskRatio());
        Assert.Equal(new Estimate(double.NaN, double.NaN, double.NaN), table.OddsRatio());
        Assert.True(double.IsNaN(table.ChiSquare().Statistic));
        Assert.True(double.IsNaN(table.ChiSquare().P));
        Assert.Equal(1, table.FisherExactP());
    }

    [Fact]
    public void Everyone_exposed_leaves_the_risk_ratio_undefined_and_fisher_at_one()
    {
        var table = new TwoByTwo(4, 6, 0, 0);

        Assert.True(double.IsNaN(table.RiskRatio().Value));
        Assert.True(double.IsNaN(table.ChiSquare(continuityCorrection: false).Statistic));
        Assert.Equal(1, table.FisherExactP());
    }

    [Fact]
    public void An_empty_table_gives_fisher_one_and_an_undefined_chi_square()
    {
        var table = new TwoByTwo(0, 0, 0, 0);

        Assert.Equal(0, table.N);
        Assert.Equal(1, table.FisherExactP());
        Assert.True(double.IsNaN(table.ChiSquare().Statistic));
        Assert.True(double.IsNaN(table.RiskRatio().Value));
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(0, -1, 0, 0)]
    [InlineData(0, 0, -1, 0)]
    [InlineData(0, 0, 0, -1)]
    public void Negative_counts_are_refused(int a, int b, int c, int d)
    {
        var error = Assert.Throws<ArgumentException>(() => new TwoByTwo(a, b, c, d));

        Assert.Contains("≥ 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_total_beyond_int_range_is_refused() =>
        Assert.Throws<ArgumentException>(() => new TwoByTwo(int.MaxValue, 1, 0, 0));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(95.0)]
    [InlineData(double.NaN)]
    public void Confidence_outside_zero_to_one_is_refused(double confidence)
    {
        Assert.Throws<ArgumentException>(() => TenOfHundredAgainstFiveOfHundred.RiskRatio(confidence));
        Assert.Throws<ArgumentException>(() => TenOfHundredAgainstFiveOfHundred.OddsRatio(confidence));
    }

    [Fact]
    public void Tabulate_counts_exposure_against_event()
    {
        bool[] exposed = [true, true, true, false, false, false, false];
        bool[] events = [true, false, false, true, false, false, false];

        Assert.Equal(new TwoByTwo(1, 2, 1, 3), TwoByTwo.Tabulate(exposed, events));
    }

    [Fact]
    public void Tabulate_refuses_unpaired_flags() =>
        Assert.Throws<ArgumentException>(() => TwoByTwo.Tabulate([true], [true, false]));
}
