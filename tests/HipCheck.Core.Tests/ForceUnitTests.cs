using HipCheck.Core.Measurement;

namespace HipCheck.Core.Tests;

public class ForceUnitTests
{
    [Fact]
    public void One_kilogram_force_is_standard_gravity_in_newtons()
    {
        // CGPM 1901: g_n = 9.80665 m/s², exact
        Assert.Equal(9.80665, ForceUnits.NewtonsPerKilogramForce);
        Assert.Equal(9.80665, ForceUnits.ToNewtons(1, ForceUnit.KilogramForce));
    }

    [Fact]
    public void One_pound_force_is_the_avoirdupois_pound_times_standard_gravity()
    {
        // 0.45359237 kg x 9.80665 m/s² = 4.4482216152605 N, exact
        Assert.Equal(4.4482216152605, ForceUnits.NewtonsPerPoundForce);
        Assert.Equal(4.4482216152605, ForceUnits.ToNewtons(1, ForceUnit.PoundForce));
        Assert.Equal(0.45359237 * 9.80665, ForceUnits.NewtonsPerPoundForce, 1e-15);
    }

    [Theory]
    [InlineData(100.0, ForceUnit.Newton, 100.0)] // 100 x 1
    [InlineData(20.0, ForceUnit.KilogramForce, 196.133)] // 20 x 9.80665
    [InlineData(21.0, ForceUnit.KilogramForce, 205.93965)] // 21 x 9.80665
    [InlineData(10.0, ForceUnit.PoundForce, 44.482216152605)] // 10 x 4.4482216152605
    [InlineData(30.0, ForceUnit.PoundForce, 133.446648457815)] // 30 x 4.4482216152605
    [InlineData(0.5, ForceUnit.KilogramForce, 4.903325)] // 9.80665 / 2
    public void Converts_to_newtons(double value, ForceUnit unit, double expectedNewtons)
    {
        Assert.Equal(expectedNewtons, ForceUnits.ToNewtons(value, unit), 1e-12);
    }

    [Theory]
    [InlineData(100.0, ForceUnit.Newton, 100.0)]
    [InlineData(196.133, ForceUnit.KilogramForce, 20.0)] // 196.133 / 9.80665
    [InlineData(2000.0, ForceUnit.KilogramForce, 203.94324259558567)] // 2000 / 9.80665
    [InlineData(44.482216152605, ForceUnit.PoundForce, 10.0)] // 44.482216152605 / 4.4482216152605
    [InlineData(1000.0, ForceUnit.PoundForce, 224.8089430997105)] // 1000 / 4.4482216152605
    public void Converts_from_newtons(double newtons, ForceUnit unit, double expected)
    {
        Assert.Equal(expected, ForceUnits.FromNewtons(newtons, unit), 1e-12);
    }

    [Fact]
    public void A_pound_force_is_about_0_4536_kilogram_force()
    {
        // 4.4482216152605 / 9.80665 = 0.45359237 (the pound in kg)
        var kgf = ForceUnits.FromNewtons(ForceUnits.ToNewtons(1, ForceUnit.PoundForce), ForceUnit.KilogramForce);
        Assert.Equal(0.45359237, kgf, 1e-15);
    }

    [Theory]
    [InlineData(ForceUnit.Newton, "N")]
    [InlineData(ForceUnit.KilogramForce, "kgf")]
    [InlineData(ForceUnit.PoundForce, "lbf")]
    public void Each_unit_has_its_symbol(ForceUnit unit, string symbol)
    {
        Assert.Equal(symbol, ForceUnits.Symbol(unit));
    }

    [Theory]
    [InlineData("N", ForceUnit.Newton)]
    [InlineData("n", ForceUnit.Newton)]
    [InlineData("  N ", ForceUnit.Newton)]
    [InlineData("kgf", ForceUnit.KilogramForce)]
    [InlineData("KGF", ForceUnit.KilogramForce)]
    [InlineData("\tKgf\n", ForceUnit.KilogramForce)]
    [InlineData("lbf", ForceUnit.PoundForce)]
    [InlineData("LBF", ForceUnit.PoundForce)]
    [InlineData(" lbF ", ForceUnit.PoundForce)]
    public void Parses_symbols_case_insensitively_and_trimmed(string symbol, ForceUnit expected)
    {
        Assert.True(ForceUnits.TryParse(symbol, out var unit));
        Assert.Equal(expected, unit);
    }

    [Theory]
    [InlineData("kg")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("newton")]
    [InlineData("Newtons")]
    [InlineData("lb")]
    [InlineData("lbs")]
    [InlineData("Nm")]
    [InlineData("k gf")]
    [InlineData("s")]
    public void Rejects_anything_but_the_three_symbols(string? symbol)
    {
        Assert.False(ForceUnits.TryParse(symbol, out _));
    }

    [Fact]
    public void Every_symbol_parses_back_to_its_unit()
    {
        Assert.Equal([ForceUnit.Newton, ForceUnit.KilogramForce, ForceUnit.PoundForce], ForceUnits.All);
        foreach (var unit in ForceUnits.All)
        {
            Assert.True(ForceUnits.TryParse(ForceUnits.Symbol(unit), out var parsed));
            Assert.Equal(unit, parsed);
        }
    }

    [Fact]
    public void An_undefined_unit_value_is_refused()
    {
        const ForceUnit undefined = (ForceUnit)99;
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceUnits.ToNewtons(1, undefined));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceUnits.FromNewtons(1, undefined));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForceUnits.Symbol(undefined));
    }
}
