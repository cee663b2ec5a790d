using HipCheck.Core.Measurement;
using static HipCheck.Core.Tests.Entries;

namespace HipCheck.Core.Tests;

/// <summary>ScreeningEvaluator.Evaluate: results of valid entries, and refusal of invalid ones.</summary>
public class ScreeningEvaluatorTests
{
    [Fact]
    public void Hip_extension_in_newtons_gives_normalised_strength_and_asymmetry()
    {
        var r = ScreeningEvaluator.Evaluate(HipExtensionN, bodyMassKg: 70);

        Assert.Same(TestCatalogue.HipExtension, r.Test);
        Assert.Equal(ForceUnit.Newton, r.EnteredUnit);
        Assert.Equal([200.0, 210, 205], r.Left!.Trials);
        // left mean (200+210+205)/3 = 205 N; 205/70 = 2.928571 N/kg
        Assert.Equal(205, r.Left.Score.Mean, 1e-12);
        Assert.Equal(210, r.Left.Score.Max);
        Assert.Equal(2.9285714285714284, r.Left.NewtonsPerKg!.Value, 1e-12);
        Assert.Null(r.Left.NewtonMetresPerKg);
        // right mean (250+245+255)/3 = 250 N; 250/70 = 3.571429 N/kg; SD 5, CV 5/250 = 2 %
        Assert.Equal(250, r.Right!.Score.Mean, 1e-12);
        Assert.Equal(3.5714285714285716, r.Right.NewtonsPerKg!.Value, 1e-12);
        Assert.Equal(2, r.Right.Score.CvPercent!.Value, 1e-12);
        // (250-205)/250 = 18 %, LSI 82 %, left weaker
        Assert.Equal(18, r.Asymmetry!.Value.AsymmetryPercent, 1e-12);
        Assert.Equal(82, r.Asymmetry.Value.LsiPercent, 1e-12);
        Assert.Equal(Side.Left, r.Asymmetry.Value.WeakerSide);
        Assert.Null(r.Seconds);
        Assert.Empty(r.Warnings);
        Assert.False(r.NeedsRetest);
    }

    [Fact]
    public void Kilogram_force_trials_are_converted_to_newtons_before_the_mean()
    {
        var r = ScreeningEvaluator.Evaluate(HipAbductionKgf, bodyMassKg: 60);

        Assert.Equal(ForceUnit.KilogramForce, r.EnteredUnit);
        // 20, 22, 21 kgf x 9.80665 = 196.133, 215.7463, 205.93965 N
        Assert.Equal(3, r.Left!.Trials.Count);
        Assert.Equal(196.133, r.Left.Trials[0], 1e-9);
        Assert.Equal(215.7463, r.Left.Trials[1], 1e-9);
        Assert.Equal(205.93965, r.Left.Trials[2], 1e-9);
        // mean 21 kgf = 205.93965 N; /60 kg = 3.4323275 N/kg
        Assert.Equal(205.93965, r.Left.Score.Mean, 1e-9);
        Assert.Equal(215.7463, r.Left.Score.Max, 1e-9);
        Assert.Equal(3.4323275, r.Left.NewtonsPerKg!.Value, 1e-12);
        // SD of 20, 22, 21 kgf is 1 kgf: CV 1/21 = 4.761905 % (unit-free)
        Assert.Equal(4.761904761904762, r.Left.Score.CvPercent!.Value, 1e-9);
        // right 18 kgf = 176.5197 N; /60 = 2.941995 N/kg
        Assert.Equal(176.5197, r.Right!.Score.Mean, 1e-9);
        Assert.Equal(2.941995, r.Right.NewtonsPerKg!.Value, 1e-12);
        // (21-18)/21 = 14.285714 %, LSI 18/21 = 85.714286 %, right weaker
        Assert.Equal(14.285714285714286, r.Asymmetry!.Value.AsymmetryPercent, 1e-9);
        Assert.Equal(85.71428571428571, r.Asymmetry.Value.LsiPercent, 1e-9);
        Assert.Equal(Side.Right, r.Asymmetry.Value.WeakerSide);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Pound_force_trials_with_a_lever_arm_give_torque_per_kg()
    {
        var r = ScreeningEvaluator.Evaluate(HipExternalRotationLbf, bodyMassKg: 50);

        Assert.Equal(ForceUnit.PoundForce, r.EnteredUnit);
        Assert.Equal(0.35, r.LeverArmM);
        // left 30 lbf x 4.4482216152605 = 133.446648 N; /50 = 2.668933 N/kg; x 0.35 m / 50 = 0.934127 Nm/kg
        Assert.Equal(133.446648457815, r.Left!.Score.Mean, 1e-9);
        Assert.Equal(2.6689329691563, r.Left.NewtonsPerKg!.Value, 1e-12);
        Assert.Equal(0.9341265392047049, r.Left.NewtonMetresPerKg!.Value, 1e-12);
        // right mean 26 lbf = 115.653762 N; /50 = 2.313075 N/kg; x 0.35 / 50 = 0.809576 Nm/kg
        Assert.Equal(115.65376199677299, r.Right!.Score.Mean, 1e-9);
        Assert.Equal(2.3130752399354595, r.Right.NewtonsPerKg!.Value, 1e-12);
        Assert.Equal(0.8095763339774109, r.Right.NewtonMetresPerKg!.Value, 1e-12);
        // right SD of 25, 27 = sqrt(2); CV 1.414214/26 = 5.439283 %
        Assert.Equal(5.439282932204212, r.Right.Score.CvPercent!.Value, 1e-9);
        // (30-26)/30 = 13.333 %
        Assert.Equal(13.333333333333334, r.Asymmetry!.Value.AsymmetryPercent, 1e-9);
        Assert.Equal(Side.Right, r.Asymmetry.Value.WeakerSide);
    }

    [Fact]
    public void The_endurance_test_returns_its_seconds_and_no_sides()
    {
        var r = ScreeningEvaluator.Evaluate(BackExtension with { Unit = "s" }, bodyMassKg: 70);

        Assert.Same(TestCatalogue.BackExtensionEndurance, r.Test);
        Assert.Equal(95.5, r.Seconds);
        Assert.Null(r.Left);
        Assert.Null(r.Right);
        Assert.Null(r.Asymmetry);
        Assert.Null(r.EnteredUnit);
        Assert.Null(r.LeverArmM);
        Assert.Empty(r.Warnings);
        Assert.False(r.NeedsRetest);
    }

    [Fact]
    public void The_single_leg_bridge_compares_hold_times_without_normalising()
    {
        var r = ScreeningEvaluator.Evaluate(SingleLegBridge, bodyMassKg: 70);

        Assert.Null(r.EnteredUnit);
        Assert.Equal([40.0, 44], r.Left!.Trials);
        // left mean 42 s, SD sqrt(8), CV 2.828427/42 = 6.734350 % (below the 15 % limit)
        Assert.Equal(42, r.Left.Score.Mean, 1e-12);
        Assert.Equal(6.734350297014738, r.Left.Score.CvPercent!.Value, 1e-9);
        Assert.Null(r.Left.NewtonsPerKg);
        Assert.Null(r.Left.NewtonMetresPerKg);
        Assert.Equal(30, r.Right!.Score.Mean, 1e-12);
        Assert.Null(r.Right.NewtonsPerKg);
        // (42-30)/42 = 28.571429 %
        Assert.Equal(28.571428571428573, r.Asymmetry!.Value.AsymmetryPercent, 1e-9);
        Assert.Equal(Side.Right, r.Asymmetry.Value.WeakerSide);
        Assert.Null(r.Seconds);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void Asymmetry_compares_the_means_not_the_maxima()
    {
        var r = ScreeningEvaluator.Evaluate(HipExtensionN with { Left = [200, 220], Right = [210, 210] }, 70);

        // means 210 and 210 (maxima 220 and 210): no asymmetry
        Assert.Equal(0, r.Asymmetry!.Value.AsymmetryPercent);
        Assert.Equal(100, r.Asymmetry.Value.LsiPercent);
        Assert.Null(r.Asymmetry.Value.WeakerSide);
    }

    [Fact]
    public void Inconsistent_trials_are_flagged_on_that_side_only()
    {
        var r = ScreeningEvaluator.Evaluate(HipExtensionN with { Left = [200, 260, 230], Right = [220, 222, 224] }, 70);

        // left: mean 230, SD 30, CV 13.04 % > 10 %; right: mean 222, SD 2, CV 0.90 %
        Assert.Equal(13.043478260869565, r.Left!.Score.CvPercent!.Value, 1e-9);
        Assert.Equal(0.9009009009009009, r.Right!.Score.CvPercent!.Value, 1e-9);
        var warning = Assert.Single(r.Warnings);
        Assert.Equal(ScreeningEvaluator.InconsistentTrials, warning.Code);
        Assert.Equal("inconsistent-trials", warning.Code);
        Assert.Equal(Side.Left, warning.Side);
        Assert.Equal(
            "The left trials vary by 13.0 % (coefficient of variation), above this test's 10 % limit: re-test the left side.",
            warning.Message);
        Assert.True(r.NeedsRetest);
        // flagged, never dropped: the trials and the asymmetry are still there
        Assert.Equal(3, r.Left.Trials.Count);
        Assert.NotNull(r.Asymmetry);
    }

    [Fact]
    public void A_cv_exactly_at_the_limit_is_not_flagged_and_just_above_it_is()
    {
        // 90, 100, 110: mean 100, SD 10, CV exactly 10 % = the limit
        var atLimit = ScreeningEvaluator.Evaluate(HipExtensionN with { Right = [90, 100, 110] }, 70);
        Assert.Equal(10, atLimit.Right!.Score.CvPercent!.Value, 1e-12);
        Assert.Empty(atLimit.Warnings);

        // 89, 100, 111: mean 100, SD 11, CV 11 % > 10 %
        var above = ScreeningEvaluator.Evaluate(HipExtensionN with { Right = [89, 100, 111] }, 70);
        var warning = Assert.Single(above.Warnings);
        Assert.Equal((ScreeningEvaluator.InconsistentTrials, Side.Right), (warning.Code, warning.Side));
    }

    [Fact]
    public void Hold_tests_use_their_own_15_percent_limit()
    {
        // 30, 40 s: mean 35, SD 7.07, CV 20.2 % > 15 %
        var flagged = ScreeningEvaluator.Evaluate(SingleLegBridge with { Right = [30, 40] }, 70);
        Assert.Equal(20.203050891044217, flagged.Right!.Score.CvPercent!.Value, 1e-9);
        var warning = Assert.Single(flagged.Warnings);
        Assert.Equal((ScreeningEvaluator.InconsistentTrials, Side.Right), (warning.Code, warning.Side));

        // 200, 260, 230 N would be flagged on a force test (13 % > 10 %), but 13 % is within a hold test's 15 %
        var unflagged = ScreeningEvaluator.Evaluate(SingleLegBridge with { Left = [200, 260, 230] }, 70);
        Assert.Empty(unflagged.Warnings);
    }

    [Fact]
    public void A_single_trial_is_warned_about_on_its_side()
    {
        var r = ScreeningEvaluator.Evaluate(HipExtensionN with { Left = [200], Right = [190, 192] }, 70);

        var warning = Assert.Single(r.Warnings);
        Assert.Equal("single-trial", warning.Code);
        Assert.Equal(ScreeningEvaluator.SingleTrial, warning.Code);
        Assert.Equal(Side.Left, warning.Side);
        Assert.Null(r.Left!.Score.CvPercent);
        Assert.False(r.NeedsRetest);
    }

    [Fact]
    public void Single_trials_on_both_sides_give_a_warning_per_side_left_first()
    {
        var r = ScreeningEvaluator.Evaluate(SingleLegBridge with { Left = [40], Right = [35] }, 70);

        Assert.Equal(
            [(ScreeningEvaluator.SingleTrial, (Side?)Side.Left), (ScreeningEvaluator.SingleTrial, Side.Right)],
            r.Warnings.Select(w => (w.Code, w.Side)));
    }

    [Fact]
    public void Each_side_gets_its_own_warning()
    {
        var r = ScreeningEvaluator.Evaluate(HipExtensionN with { Left = [150], Right = [200, 260, 230] }, 70);

        Assert.Equal(
            [(ScreeningEvaluator.SingleTrial, (Side?)Side.Left), (ScreeningEvaluator.InconsistentTrials, Side.Right)],
            r.Warnings.Select(w => (w.Code, w.Side)));
        Assert.True(r.NeedsRetest);
    }

    [Fact]
    public void Every_catalogue_test_can_be_evaluated()
    {
        var results = All.Select(e => ScreeningEvaluator.Evaluate(e, 70)).ToList();

        Assert.Equal(TestCatalogue.All, results.Select(r => r.Test));
    }

    [Fact]
    public void Evaluate_accepts_test_codes_in_any_case()
    {
        var r = ScreeningEvaluator.Evaluate(HipExtensionN with { Test = " HIP-Extension " }, 70);

        Assert.Same(TestCatalogue.HipExtension, r.Test);
    }

    public static TheoryData<TestEntry> InvalidEntries =>
    [
        HipExtensionN with { Test = "hip-flexion" },
        HipExtensionN with { Test = null },
        HipExtensionN with { Unit = "kg" },
        HipExtensionN with { Unit = null },
        HipExtensionN with { Right = null },
        HipExtensionN with { Left = [200, -5] },
        HipExtensionN with { Left = [200, 0] },
        HipExtensionN with { Left = [200, double.NaN] },
        HipAbductionKgf with { Left = [250] },
        HipExtensionN with { Left = [1, 2, 3, 4, 5, 6, 7] },
        HipExtensionN with { Seconds = 20 },
        HipExternalRotationLbf with { LeverArmM = 35 },
        BackExtension with { Seconds = null },
        BackExtension with { Left = [90] },
        SingleLegBridge with { Right = [] },
    ];

    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public void Evaluate_throws_on_an_invalid_entry(TestEntry entry)
    {
        var ex = Assert.Throws<ArgumentException>(() => ScreeningEvaluator.Evaluate(entry, 70));
        Assert.Equal("entry", ex.ParamName);
    }

    [Fact]
    public void Evaluate_names_the_problem_fields_in_its_exception()
    {
        var ex = Assert.Throws<ArgumentException>(
            () => ScreeningEvaluator.Evaluate(HipExtensionN with { Unit = "kg", Left = [200, -1] }, 70));

        Assert.Contains("test.unit: Unknown unit 'kg'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test.left[1]:", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-70.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Evaluate_throws_on_a_body_mass_that_is_not_positive(double bodyMassKg)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ScreeningEvaluator.Evaluate(HipExtensionN, bodyMassKg));
        Assert.Equal("bodyMassKg", ex.ParamName);
    }

    [Fact]
    public void Evaluate_throws_on_a_null_entry()
    {
        Assert.Throws<ArgumentNullException>(() => ScreeningEvaluator.Evaluate(null!, 70));
    }
}
