using FsCheck.Xunit;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Tests;

[Properties(Arbitrary = [typeof(MeasurementArbitraries)], MaxTest = 500)]
public class MeasurementProperties
{
    private static void AssertRelative(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R} (relative difference above {relative})");

    [Property]
    public void Swapping_sides_swaps_the_weaker_side_and_keeps_asymmetry_and_lsi(PositiveValue left, PositiveValue right)
    {
        var a = Asymmetry.Between(left.Value, right.Value);
        var swapped = Asymmetry.Between(right.Value, left.Value);

        Assert.Equal(a.AsymmetryPercent, swapped.AsymmetryPercent);
        Assert.Equal(a.LsiPercent, swapped.LsiPercent);
        Assert.Equal(a.WeakerSide is { } side ? Sides.Other(side) : null, swapped.WeakerSide);
    }

    [Property]
    public void The_weaker_side_is_the_side_with_the_smaller_score(PositiveValue left, PositiveValue right)
    {
        var expected = left.Value < right.Value ? Side.Left : left.Value > right.Value ? Side.Right : (Side?)null;

        Assert.Equal(expected, Asymmetry.Between(left.Value, right.Value).WeakerSide);
    }

    [Property]
    public void Asymmetry_lies_in_0_to_100_and_lsi_in_0_to_100(PositiveValue left, PositiveValue right)
    {
        var a = Asymmetry.Between(left.Value, right.Value);

        Assert.InRange(a.AsymmetryPercent, 0, 100);
        Assert.NotEqual(100, a.AsymmetryPercent);
        Assert.InRange(a.LsiPercent, double.Epsilon, 100);
    }

    [Property]
    public void Asymmetry_and_lsi_add_up_to_100(PositiveValue left, PositiveValue right)
    {
        var a = Asymmetry.Between(left.Value, right.Value);

        Assert.Equal(100, a.AsymmetryPercent + a.LsiPercent, 1e-9);
    }

    [Property]
    public void Converting_to_newtons_and_back_returns_the_value(PositiveValue value)
    {
        foreach (var unit in ForceUnits.All)
        {
            AssertRelative(value.Value, ForceUnits.FromNewtons(ForceUnits.ToNewtons(value.Value, unit), unit), 1e-12);
            AssertRelative(value.Value, ForceUnits.ToNewtons(ForceUnits.FromNewtons(value.Value, unit), unit), 1e-12);
        }
    }

    [Property]
    public void The_mean_lies_between_the_smallest_and_largest_trial(TrialSet trials)
    {
        var score = SideScore.FromTrials(trials.Values);

        Assert.InRange(score.Mean, trials.Values.Min(), trials.Values.Max());
        Assert.Equal(trials.Values.Max(), score.Max);
        Assert.Equal(trials.Values.Length, score.TrialCount);
    }

    [Property]
    public void Cv_is_undefined_for_one_trial_and_never_negative_for_more(TrialSet trials)
    {
        var score = SideScore.FromTrials(trials.Values);

        if (trials.Values.Length == 1)
        {
            Assert.Null(score.CvPercent);
        }
        else
        {
            Assert.NotNull(score.CvPercent);
            Assert.True(score.CvPercent >= 0, $"CV {score.CvPercent}");
        }
    }

    [Property]
    public void The_order_of_trials_does_not_change_the_score(TrialSet trials)
    {
        var score = SideScore.FromTrials(trials.Values);
        var reversed = SideScore.FromTrials([.. trials.Values.Reverse()]);

        AssertRelative(score.Mean, reversed.Mean, 1e-12);
        Assert.Equal(score.Max, reversed.Max);
        Assert.Equal(score.CvPercent.HasValue, reversed.CvPercent.HasValue);
        Assert.Equal(score.CvPercent ?? 0, reversed.CvPercent ?? 0, 1e-9);
    }

    [Property]
    public void Scaling_every_trial_of_both_sides_leaves_asymmetry_and_cv_unchanged(
        TrialSet left, TrialSet right, ScaleFactor factor)
    {
        var k = factor.Value;
        var l = SideScore.FromTrials(left.Values);
        var r = SideScore.FromTrials(right.Values);
        var lk = SideScore.FromTrials([.. left.Values.Select(v => v * k)]);
        var rk = SideScore.FromTrials([.. right.Values.Select(v => v * k)]);

        var before = Asymmetry.Between(l.Mean, r.Mean);
        var after = Asymmetry.Between(lk.Mean, rk.Mean);

        Assert.Equal(before.AsymmetryPercent, after.AsymmetryPercent, 1e-9);
        Assert.Equal(before.LsiPercent, after.LsiPercent, 1e-9);
        if (before.AsymmetryPercent > 1e-6)
        {
            // sides that differ by rounding only may tie after scaling; real differences keep their side
            Assert.Equal(before.WeakerSide, after.WeakerSide);
        }

        Assert.Equal(l.CvPercent ?? 0, lk.CvPercent ?? 0, 1e-9);
        Assert.Equal(r.CvPercent ?? 0, rk.CvPercent ?? 0, 1e-9);
    }

    [Property]
    public void A_screening_entered_in_kgf_gives_the_same_result_as_the_same_forces_in_newtons(KgfTrials trials)
    {
        const double g = ForceUnits.NewtonsPerKilogramForce;
        var inKgf = ScreeningEvaluator.Evaluate(new TestEntry("hip-abduction", "kgf", trials.Left, trials.Right), 70);
        var inN = ScreeningEvaluator.Evaluate(
            new TestEntry("hip-abduction", "N", [.. trials.Left.Select(v => v * g)], [.. trials.Right.Select(v => v * g)]), 70);

        AssertRelative(inN.Left!.Score.Mean, inKgf.Left!.Score.Mean, 1e-12);
        AssertRelative(inN.Right!.Score.Mean, inKgf.Right!.Score.Mean, 1e-12);
        AssertRelative(inN.Left.NewtonsPerKg!.Value, inKgf.Left.NewtonsPerKg!.Value, 1e-12);
        Assert.Equal(inN.Asymmetry!.Value.AsymmetryPercent, inKgf.Asymmetry!.Value.AsymmetryPercent, 1e-9);
        Assert.Equal(inN.Warnings.Select(w => (w.Code, w.Side)), inKgf.Warnings.Select(w => (w.Code, w.Side)));
    }

    [Property(MaxTest = 2000)]
    public void Evaluate_throws_exactly_when_Validate_finds_an_error(AnyEntry any)
    {
        var errors = ScreeningEvaluator.Validate([any.Entry]);

        Assert.All(errors, e => Assert.StartsWith("tests[0]", e.Field, StringComparison.Ordinal));
        if (errors.Count == 0)
        {
            var result = ScreeningEvaluator.Evaluate(any.Entry, 70);
            Assert.Equal(result.Test.Sided, result.Asymmetry is not null);
            Assert.Equal(result.Test.Sided, result.Seconds is null);
        }
        else
        {
            Assert.ThrowsAny<ArgumentException>(() => ScreeningEvaluator.Evaluate(any.Entry, 70));
        }
    }
}
