using HipCheck.Core.Measurement;

namespace HipCheck.Core.Tests;

public class AsymmetryTests
{
    [Fact]
    public void Weaker_right_side_is_named_with_asymmetry_and_lsi()
    {
        var a = Asymmetry.Between(left: 250, right: 205);

        // (250-205)/250 = 18 %; LSI 205/250 = 82 %
        Assert.Equal(18, a.AsymmetryPercent, 1e-12);
        Assert.Equal(82, a.LsiPercent, 1e-12);
        Assert.Equal(Side.Right, a.WeakerSide);
    }

    [Fact]
    public void Weaker_left_side_is_named_with_asymmetry_and_lsi()
    {
        var a = Asymmetry.Between(left: 205, right: 250);

        // same numbers, other side: (250-205)/250 = 18 %, LSI 82 %
        Assert.Equal(18, a.AsymmetryPercent, 1e-12);
        Assert.Equal(82, a.LsiPercent, 1e-12);
        Assert.Equal(Side.Left, a.WeakerSide);
    }

    [Fact]
    public void Asymmetry_divides_by_the_stronger_side_not_the_weaker_or_the_mean()
    {
        var a = Asymmetry.Between(left: 300, right: 100);

        // (300-100)/300 = 66.667 % (by the weaker side it would be 200 %, by the mean 100 %)
        Assert.Equal(66.66666666666667, a.AsymmetryPercent, 1e-12);
        Assert.Equal(33.333333333333336, a.LsiPercent, 1e-12);
        Assert.Equal(Side.Right, a.WeakerSide);
    }

    [Fact]
    public void Ten_percent_asymmetry_is_an_lsi_of_ninety()
    {
        var a = Asymmetry.Between(left: 90, right: 100);

        // (100-90)/100 = 10 %; 90/100 = 90 %
        Assert.Equal(10, a.AsymmetryPercent, 1e-12);
        Assert.Equal(90, a.LsiPercent, 1e-12);
        Assert.Equal(Side.Left, a.WeakerSide);
    }

    [Fact]
    public void Asymmetry_is_zero_when_sides_are_equal()
    {
        var a = Asymmetry.Between(180, 180);

        Assert.Equal(0, a.AsymmetryPercent);
        Assert.Equal(100, a.LsiPercent);
        Assert.Null(a.WeakerSide);
    }

    [Fact]
    public void A_tiny_difference_still_names_the_weaker_side()
    {
        var a = Asymmetry.Between(200, 199.9);

        // 0.1/200 = 0.05 %
        Assert.Equal(0.05, a.AsymmetryPercent, 1e-9);
        Assert.Equal(99.95, a.LsiPercent, 1e-9);
        Assert.Equal(Side.Right, a.WeakerSide);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_left_score_that_is_not_finite_and_positive_is_refused(double bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Asymmetry.Between(bad, 200));
        Assert.Equal("left", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_right_score_that_is_not_finite_and_positive_is_refused(double bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Asymmetry.Between(200, bad));
        Assert.Equal("right", ex.ParamName);
    }

    [Fact]
    public void Sides_helpers_name_and_flip_sides()
    {
        Assert.Equal("left", Sides.Code(Side.Left));
        Assert.Equal("right", Sides.Code(Side.Right));
        Assert.Equal(Side.Right, Sides.Other(Side.Left));
        Assert.Equal(Side.Left, Sides.Other(Side.Right));
    }
}
