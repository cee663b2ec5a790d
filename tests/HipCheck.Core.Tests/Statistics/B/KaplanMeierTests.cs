using HipCheck.Core.Statistics;
using static HipCheck.Core.Tests.Statistics.B.StatsBFixture;

namespace HipCheck.Core.Tests.Statistics.B;

public class KaplanMeierTests
{
    [Theory]
    [InlineData("small_ties")]
    [InlineData("heavy_censoring")]
    [InlineData("three_group_all")]
    [InlineData("cohort_exposed")]
    [InlineData("cohort_unexposed")]
    public void Matches_R_survfit(string name)
    {
        var c = Case("kaplanMeier", name);
        var curve = KaplanMeier.Estimate(c.Numbers("time"), c.Flags("status"));

        var time = c.Numbers("stepTime");
        var (risk, ev, cens) = (c.Integers("nRisk"), c.Integers("nEvent"), c.Integers("nCensor"));
        var (surv, se) = (c.Numbers("surv"), c.Numbers("stdErr"));
        Assert.Equal(time.Length, curve.Steps.Count);
        for (var i = 0; i < time.Length; i++)
        {
            var step = curve.Steps[i];
            Assert.Equal(time[i], step.Time);
            Assert.Equal(risk[i], step.AtRisk);
            Assert.Equal(ev[i], step.Events);
            Assert.Equal(cens[i], step.Censored);
            Close(surv[i], step.Survival, $"{name} S({time[i]})");
            Close(se[i], step.StandardError, $"{name} se({time[i]})");
        }

        var at = c.Numbers("at");
        var survAt = c.Numbers("survAt");
        for (var i = 0; i < at.Length; i++)
        {
            Close(survAt[i], curve.SurvivalAt(at[i]), $"{name} S at {at[i]}");
        }
    }

    [Fact]
    public void Hand_worked_curve_with_a_tie_between_an_event_and_a_censoring()
    {
        // Times 1, 2, 2+, 3, 4+: S(1) = 4/5; at 2 one event of 4 at risk (the censored one still at risk): 0.8·3/4 = 0.6;
        // at 3 one of 2: 0.3. Greenwood at 1: 0.8·√(1/(5·4)).
        var curve = KaplanMeier.Estimate([2, 1, 4, 2, 3], [true, true, false, false, true]);

        Assert.Equal([1.0, 2, 3, 4], curve.Steps.Select(s => s.Time));
        Assert.Equal([5, 4, 2, 1], curve.Steps.Select(s => s.AtRisk));
        Assert.Equal([1, 1, 1, 0], curve.Steps.Select(s => s.Events));
        Assert.Equal([0, 1, 0, 1], curve.Steps.Select(s => s.Censored));
        Assert.Equal(0.8, curve.Steps[0].Survival, 15);
        Assert.Equal(0.6, curve.Steps[1].Survival, 15);
        Assert.Equal(0.3, curve.Steps[2].Survival, 15);
        Assert.Equal(0.3, curve.Steps[3].Survival, 15);
        Assert.Equal(0.8 * Math.Sqrt(1.0 / 20), curve.Steps[0].StandardError, 15);
        Assert.Equal(0.3 * Math.Sqrt(1.0 / 20 + 1.0 / 12 + 1.0 / 2), curve.Steps[2].StandardError, 15);

        Assert.Equal(1.0, curve.SurvivalAt(0.99));
        Assert.Equal(0.8, curve.SurvivalAt(1), 15);
        Assert.Equal(0.6, curve.SurvivalAt(2.5), 15);
        Assert.Equal(0.3, curve.SurvivalAt(1000), 15);
        Assert.True(double.IsNaN(curve.SurvivalAt(double.NaN)));
    }

    [Fact]
    public void No_events_keep_survival_at_one_with_zero_standard_error()
    {
        var curve = KaplanMeier.Estimate([3, 1, 2], [false, false, false]);

        Assert.All(curve.Steps, s => Assert.Equal(1.0, s.Survival));
        Assert.All(curve.Steps, s => Assert.Equal(0.0, s.StandardError));
    }

    [Fact]
    public void Standard_error_is_undefined_once_survival_reaches_zero()
    {
        var curve = KaplanMeier.Estimate([1, 2], [true, true]);

        Assert.Equal(0.0, curve.Steps[1].Survival);
        Assert.True(double.IsNaN(curve.Steps[1].StandardError));
    }

    [Fact]
    public void Empty_input_gives_an_empty_curve()
    {
        var curve = KaplanMeier.Estimate([], []);

        Assert.Empty(curve.Steps);
        Assert.Equal(1.0, curve.SurvivalAt(10));
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentException>(() => KaplanMeier.Estimate([1, 2], [true]));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Estimate([1, double.NaN], [true, false]));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Estimate([1, -2], [true, false]));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Estimate([1, double.PositiveInfinity], [true, false]));
    }
}
