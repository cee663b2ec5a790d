using HipCheck.Core.Measurement;
using static HipCheck.Core.Tests.Entries;

namespace HipCheck.Core.Tests;

/// <summary>ScreeningEvaluator.Validate: every error names the field the API calls it by.</summary>
public class ScreeningValidationTests
{
    [Fact]
    public void A_screening_with_every_catalogue_test_is_valid()
    {
        Assert.Empty(ScreeningEvaluator.Validate(All));
    }

    [Theory]
    [InlineData("hip-extension")]
    [InlineData("HIP-EXTENSION")]
    [InlineData("  Hip-Extension ")]
    public void Test_codes_are_matched_case_insensitively_and_trimmed(string code)
    {
        Assert.Empty(Validate(HipExtensionN with { Test = code }));
    }

    [Fact]
    public void A_missing_list_of_tests_is_an_error_on_tests()
    {
        var errors = ScreeningEvaluator.Validate(null);

        var error = Assert.Single(errors);
        Assert.Equal("tests", error.Field);
        Assert.Equal("Add at least one test.", error.Message);
    }

    [Fact]
    public void An_empty_list_of_tests_is_an_error_on_tests()
    {
        Assert.Equal(["tests"], Fields(ScreeningEvaluator.Validate([])));
    }

    [Fact]
    public void A_null_entry_is_an_error_on_that_entry()
    {
        Assert.Equal(["tests[1]"], Fields(Validate(HipExtensionN, null)));
    }

    [Fact]
    public void An_unknown_test_is_an_error_on_its_test_field()
    {
        var error = Assert.Single(Validate(HipExtensionN with { Test = "hip-flexion" }));

        Assert.Equal("tests[0].test", error.Field);
        Assert.Contains("Unknown test 'hip-flexion'", error.Message, StringComparison.Ordinal);
        Assert.Contains("hip-extension, hip-abduction, hip-external-rotation, back-extension-endurance, single-leg-bridge",
            error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_test_name_is_an_error_on_its_test_field(string? code)
    {
        var error = Assert.Single(Validate(HipExtensionN, HipAbductionKgf with { Test = code }));

        Assert.Equal("tests[1].test", error.Field);
        Assert.StartsWith("Name the test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_entered_twice_is_an_error_on_the_second_one()
    {
        var error = Assert.Single(Validate(HipExtensionN, BackExtension, HipExtensionN with { Test = "HIP-EXTENSION" }));

        Assert.Equal("tests[2].test", error.Field);
        Assert.Equal("Hip extension appears more than once in this screening.", error.Message);
    }

    [Fact]
    public void An_unknown_unit_is_an_error_on_its_unit_field()
    {
        var error = Assert.Single(Validate(HipExtensionN, HipAbductionKgf with { Unit = "kg" }));

        Assert.Equal("tests[1].unit", error.Field);
        Assert.Equal("Unknown unit 'kg'. Use N, kgf or lbf.", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_force_test_needs_a_unit(string? unit)
    {
        var error = Assert.Single(Validate(HipExtensionN with { Unit = unit }));

        Assert.Equal("tests[0].unit", error.Field);
        Assert.Equal("Choose the force unit: N, kgf or lbf.", error.Message);
    }

    [Fact]
    public void A_missing_left_side_is_an_error_on_left()
    {
        var error = Assert.Single(Validate(HipExtensionN with { Left = null }));

        Assert.Equal("tests[0].left", error.Field);
        Assert.Equal("Enter at least one left trial.", error.Message);
    }

    [Fact]
    public void An_empty_right_side_is_an_error_on_right()
    {
        Assert.Equal(["tests[0].right"], Fields(Validate(HipExtensionN with { Right = [] })));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-205.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_force_that_is_not_a_positive_number_is_an_error_on_that_trial(double bad)
    {
        var error = Assert.Single(Validate(HipExtensionN with { Left = [200, 210, bad] }));

        Assert.Equal("tests[0].left[2]", error.Field);
        Assert.Equal("Each left force must be a number greater than 0.", error.Message);
    }

    [Fact]
    public void Every_bad_trial_is_reported_at_its_own_index()
    {
        var errors = Validate(HipExtensionN, HipAbductionKgf with { Left = [-1, 20, 0], Right = [18, double.NaN] });

        Assert.Equal(["tests[1].left[0]", "tests[1].left[2]", "tests[1].right[1]"], Fields(errors));
    }

    [Theory]
    [InlineData("hip-extension", "N", 2000.0, true)] // the limit itself is plausible
    [InlineData("hip-extension", "N", 2000.5, false)]
    [InlineData("hip-abduction", "kgf", 200.0, true)] // 200 x 9.80665 = 1961.33 N <= 2000
    [InlineData("hip-abduction", "kgf", 250.0, false)] // 250 x 9.80665 = 2451.66 N > 2000
    [InlineData("hip-extension", "lbf", 449.0, true)] // 449 x 4.4482216 = 1997.25 N <= 2000
    [InlineData("hip-extension", "lbf", 450.0, false)] // 450 x 4.4482216 = 2001.70 N > 2000
    [InlineData("hip-external-rotation", "N", 1500.0, true)]
    [InlineData("hip-external-rotation", "N", 1501.0, false)] // its limit is 1500 N
    [InlineData("hip-external-rotation", "lbf", 340.0, false)] // 340 x 4.4482216 = 1512.4 N > 1500
    public void The_plausible_maximum_applies_in_newtons(string test, string unit, double value, bool valid)
    {
        var errors = Validate(new TestEntry(test, unit, [value], [100]));

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal(["tests[0].left[0]"], Fields(errors));
        }
    }

    [Fact]
    public void The_implausible_force_message_speaks_in_the_entered_unit()
    {
        var error = Assert.Single(Validate(HipAbductionKgf, HipExtensionN with { Unit = "kgf", Left = [20, 21], Right = [200, 250] }));

        // 2000 N / 9.80665 = 203.94 kgf, shown as 203.9
        Assert.Equal("tests[1].right[1]", error.Field);
        Assert.Equal(
            "250 kgf is above the plausible maximum of 203.9 kgf for hip extension: check the value and the unit.",
            error.Message);
    }

    [Fact]
    public void Six_trials_per_side_are_allowed_but_seven_are_too_many()
    {
        Assert.Empty(Validate(HipExtensionN with { Left = [200, 201, 202, 203, 204, 205] }));

        var error = Assert.Single(Validate(HipExtensionN with { Right = [200, 201, 202, 203, 204, 205, 206] }));
        Assert.Equal("tests[0].right", error.Field);
        Assert.Equal("At most 6 trials per side.", error.Message);
    }

    [Fact]
    public void Seconds_on_a_sided_test_are_an_error_on_seconds()
    {
        var error = Assert.Single(Validate(HipExtensionN with { Seconds = 30 }));

        Assert.Equal("tests[0].seconds", error.Field);
        Assert.Equal("Hip extension takes left and right trials, not a single time.", error.Message);
        Assert.Equal(["tests[0].seconds"], Fields(Validate(SingleLegBridge with { Seconds = 30 })));
    }

    [Fact]
    public void Left_and_right_trials_on_the_endurance_test_are_errors_on_each_side()
    {
        var errors = Validate(BackExtension with { Left = [90], Right = [95] });

        Assert.Equal(["tests[0].left", "tests[0].right"], Fields(errors));
        Assert.All(errors, e => Assert.Contains("takes one hold time in seconds", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_endurance_test_needs_its_seconds()
    {
        var error = Assert.Single(Validate(BackExtension with { Seconds = null }));

        Assert.Equal("tests[0].seconds", error.Field);
        Assert.Equal("Enter the hold time in seconds.", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-30.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void An_endurance_time_that_is_not_a_positive_number_is_an_error_on_seconds(double bad)
    {
        var error = Assert.Single(Validate(BackExtension with { Seconds = bad }));

        Assert.Equal("tests[0].seconds", error.Field);
        Assert.Equal("The hold time must be a number of seconds greater than 0.", error.Message);
    }

    [Fact]
    public void An_endurance_time_above_600_s_is_implausible()
    {
        Assert.Empty(Validate(BackExtension with { Seconds = 600 }));

        var error = Assert.Single(Validate(BackExtension with { Seconds = 600.5 }));
        Assert.Equal("tests[0].seconds", error.Field);
        Assert.Equal("A hold of more than 600 s is not plausible: check the value.", error.Message);
    }

    [Theory]
    [InlineData("s")]
    [InlineData(" S ")]
    [InlineData("")]
    [InlineData("  ")]
    public void Hold_tests_accept_seconds_or_a_blank_unit(string unit)
    {
        Assert.Empty(Validate(BackExtension with { Unit = unit }, SingleLegBridge with { Unit = unit }));
    }

    [Theory]
    [InlineData("N")]
    [InlineData("kgf")]
    [InlineData("min")]
    public void Hold_tests_refuse_any_other_unit(string unit)
    {
        var errors = Validate(BackExtension with { Unit = unit }, SingleLegBridge with { Unit = unit });

        Assert.Equal(["tests[0].unit", "tests[1].unit"], Fields(errors));
    }

    [Fact]
    public void Hold_tests_have_no_lever_arm()
    {
        var errors = Validate(BackExtension with { LeverArmM = 0.4 }, SingleLegBridge with { LeverArmM = 0.4 });

        Assert.Equal(["tests[0].leverArmM", "tests[1].leverArmM"], Fields(errors));
        Assert.Equal("Back-extension endurance (Biering-Sørensen) has no lever arm.", errors[0].Message);
    }

    [Fact]
    public void A_hold_time_above_600_s_on_the_bridge_is_an_error_on_that_trial()
    {
        var error = Assert.Single(Validate(SingleLegBridge with { Right = [30, 601] }));

        Assert.Equal("tests[0].right[1]", error.Field);
        Assert.Contains("601 s is above the plausible maximum of 600 s", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.05, true)]
    [InlineData(1.5, true)]
    [InlineData(0.049, false)]
    [InlineData(1.51, false)]
    [InlineData(35.0, false)] // centimetres typed as metres
    [InlineData(0.0, false)]
    [InlineData(-0.35, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void A_lever_arm_must_lie_between_5_cm_and_1_5_m(double arm, bool valid)
    {
        var errors = Validate(HipExternalRotationLbf with { LeverArmM = arm });

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal("tests[0].leverArmM", error.Field);
            Assert.Equal("The lever arm must be between 0.05 and 1.5 m.", error.Message);
        }
    }

    [Fact]
    public void All_problems_of_all_entries_are_reported_in_order()
    {
        var errors = Validate(
            new TestEntry("hip-extension", "kg", [-1], null, LeverArmM: 10, Seconds: 5),
            new TestEntry("nope"),
            BackExtension with { Seconds = -1, Left = [1] });

        Assert.Equal(
            ["tests[0].seconds", "tests[0].unit", "tests[0].leverArmM", "tests[0].left[0]", "tests[0].right",
             "tests[1].test", "tests[2].left", "tests[2].seconds"],
            Fields(errors));
    }
}
