using HipCheck.Core.Measurement;

namespace HipCheck.Core.Tests;

public class TestCatalogueTests
{
    [Fact]
    public void The_catalogue_codes_are_the_public_contract()
    {
        Assert.Equal(
            ["hip-extension", "hip-abduction", "hip-external-rotation", "back-extension-endurance", "single-leg-bridge"],
            TestCatalogue.All.Select(t => t.Code));
    }

    [Theory]
    [InlineData("hip-extension", MeasureKind.Force, true, 10.0, 2000.0, "N")]
    [InlineData("hip-abduction", MeasureKind.Force, true, 10.0, 2000.0, "N")]
    [InlineData("hip-external-rotation", MeasureKind.Force, true, 10.0, 1500.0, "N")]
    [InlineData("back-extension-endurance", MeasureKind.HoldSeconds, false, 15.0, 600.0, "s")]
    [InlineData("single-leg-bridge", MeasureKind.HoldSeconds, true, 15.0, 600.0, "s")]
    public void Each_test_has_its_kind_sides_limits_and_base_unit(
        string code, MeasureKind kind, bool sided, double cvLimit, double maxValue, string baseUnit)
    {
        var test = TestCatalogue.Find(code);

        Assert.NotNull(test);
        Assert.Equal((kind, sided, cvLimit, maxValue, baseUnit),
            (test.Kind, test.Sided, test.CvLimitPercent, test.MaxValue, test.BaseUnit));
        Assert.False(string.IsNullOrWhiteSpace(test.Name));
        Assert.False(string.IsNullOrWhiteSpace(test.Protocol));
    }

    [Theory]
    [InlineData("HIP-ABDUCTION")]
    [InlineData(" hip-abduction\t")]
    public void Find_ignores_case_and_surrounding_space(string code)
    {
        Assert.Same(TestCatalogue.HipAbduction, TestCatalogue.Find(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hip abduction")]
    [InlineData("hip-flexion")]
    public void Find_returns_null_for_an_unknown_code(string? code)
    {
        Assert.Null(TestCatalogue.Find(code));
    }

    [Fact]
    public void At_most_six_trials_per_side()
    {
        Assert.Equal(6, TestCatalogue.MaxTrialsPerSide);
    }
}
