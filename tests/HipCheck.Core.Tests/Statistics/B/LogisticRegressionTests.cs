using HipCheck.Core.Statistics;
using static HipCheck.Core.Tests.Statistics.B.StatsBFixture;

namespace HipCheck.Core.Tests.Statistics.B;

public class LogisticRegressionTests
{
    [Theory]
    [InlineData("cohort")]
    [InlineData("small")]
    [InlineData("small_one_predictor")]
    public void Matches_R_glm_binomial(string name)
    {
        var c = Case("logistic", name);
        var fit = LogisticRegression.Fit(c.Strings("predictors"), c.Columns(), c.Flags("y"));

        Assert.Equal(c.Strings("terms"), fit.Terms.Select(t => t.Name));
        var (estimate, se, z, p) = (c.Numbers("estimate"), c.Numbers("se"), c.Numbers("z"), c.Numbers("p"));
        for (var j = 0; j < fit.Terms.Count; j++)
        {
            var term = fit.Terms[j];
            Close(estimate[j], term.Estimate, $"{name} {term.Name} estimate");
            Close(se[j], term.StandardError, $"{name} {term.Name} se");
            Close(z[j], term.Z, $"{name} {term.Name} z");
            CloseP(p[j], term.P, $"{name} {term.Name} p");
        }

        Close(c.Number("deviance"), fit.Deviance, $"{name} deviance");
        Close(c.Number("nullDeviance"), fit.NullDeviance, $"{name} null deviance");
        Close(c.Number("aic"), fit.Aic, $"{name} AIC");
        Assert.Equal((int)c.Number("iterations"), fit.Iterations);
        Assert.True(fit.Converged);
        Assert.False(fit.Separation);
        Assert.Equal(c.Flags("y").Count(v => v), fit.Events);
        Assert.Equal(c.Flags("y").Length, fit.N);
    }

    [Theory]
    [InlineData("separated")]
    [InlineData("quasi_separated")]
    public void Separation_is_reported_and_gives_no_Wald_inference(string name)
    {
        // R fits both with "fitted probabilities numerically 0 or 1 occurred" (and, for complete separation,
        // "algorithm did not converge") and prints p ≈ 1: a p-value that means nothing.
        var c = Case("logistic", name);
        Assert.True(c.GetProperty("fittedNumericallyZeroOrOne").GetBoolean());

        var fit = LogisticRegression.Fit(c.Strings("predictors"), c.Columns(), c.Flags("y"));

        Assert.True(fit.Separation);
        Assert.False(fit.Converged);
        Assert.All(fit.Terms, t => Assert.True(double.IsNaN(t.Z) && double.IsNaN(t.P)));
        Assert.True(fit.Terms[1].Estimate > 5, "the slope points in the separating direction");
        Assert.True(fit.Deviance < 2.8, "the deviance tends to its limit (0 for complete separation, 4 ln 2 for this quasi-complete case)");
    }

    [Fact]
    public void One_binary_predictor_gives_the_log_odds_ratio_and_Woolf_standard_error()
    {
        // 2x2 table: exposed 12 events / 28 non-events, unexposed 6 / 54. The MLE is saturated:
        // b1 = ln(12·54 / (28·6)), SE = √(1/12 + 1/28 + 1/6 + 1/54) (Woolf), b0 = ln(6/54).
        // glm stops once the relative deviance change is below 1e-8 and takes the SE from the weights of its last
        // step, so it reports these to about 1e-8 (estimates) and 5e-5 (SE); we match glm itself to 1e-12:
        // glm(y ~ x, binomial) on this table prints b0 = -2.1972245603574367, b1 = 1.3499266999714070,
        // se(b1) = 0.55154525517639763 after 4 iterations.
        var (x, y) = Table(12, 28, 6, 54);

        var fit = LogisticRegression.Fit(["exposed"], [x], y);

        Assert.Equal(-2.1972245603574367, fit.Terms[0].Estimate, 1e-12);
        Assert.Equal(1.3499266999714070, fit.Terms[1].Estimate, 1e-12);
        Assert.Equal(0.55154525517639763, fit.Terms[1].StandardError, 1e-12);
        Assert.Equal(4, fit.Iterations);
        Assert.Equal(Math.Log(6.0 / 54), fit.Terms[0].Estimate, 1e-7);
        Assert.Equal(Math.Log(12.0 * 54 / (28 * 6)), fit.Terms[1].Estimate, 1e-7);
        Assert.Equal(Math.Sqrt(1.0 / 12 + 1.0 / 28 + 1.0 / 6 + 1.0 / 54), fit.Terms[1].StandardError, 1e-4);
        Assert.Equal(fit.Terms[1].Estimate / fit.Terms[1].StandardError, fit.Terms[1].Z, 12);
        Assert.Equal(18, fit.Events);
        Assert.Equal(18.0, fit.EventsPerPredictor);
    }

    [Fact]
    public void Null_deviance_is_that_of_the_intercept_only_model()
    {
        var (x, y) = Table(12, 28, 6, 54);
        var fit = LogisticRegression.Fit([], [], y);

        var expected = -2 * (18 * Math.Log(0.18) + 82 * Math.Log(0.82));
        Assert.Equal(expected, fit.NullDeviance, 1e-9);
        Assert.Equal(expected, fit.Deviance, 1e-9);
        Assert.Equal(Math.Log(18.0 / 82), fit.Terms[0].Estimate, 1e-6);
        Assert.Equal(double.PositiveInfinity, fit.EventsPerPredictor);
        Assert.NotNull(x);
    }

    [Fact]
    public void Events_per_predictor_counts_the_rarer_outcome()
    {
        // 70 events of 100 with 2 predictors: the 30 non-events limit the model (Peduzzi's 10 per predictor).
        var y = Enumerable.Range(0, 100).Select(i => i % 10 < 7).ToArray();
        var x1 = Enumerable.Range(0, 100).Select(i => Math.Sin(i)).ToArray();
        var x2 = Enumerable.Range(0, 100).Select(i => Math.Cos(3 * i)).ToArray();

        var fit = LogisticRegression.Fit(["a", "b"], [x1, x2], y);

        Assert.Equal(15.0, fit.EventsPerPredictor);
    }

    [Fact]
    public void No_events_estimates_nothing()
    {
        var fit = LogisticRegression.Fit(["x"], [[1.0, 2, 3, 4]], [false, false, false, false]);

        Assert.False(fit.Converged);
        Assert.Equal(0, fit.Iterations);
        Assert.Equal(0, fit.Events);
        Assert.All(fit.Terms, t => Assert.True(double.IsNaN(t.Estimate) && double.IsNaN(t.StandardError) && double.IsNaN(t.P)));
        Assert.Equal(0.0, fit.EventsPerPredictor);
    }

    [Fact]
    public void A_constant_column_is_not_estimated_and_leaves_the_others_unchanged()
    {
        var (x, y) = Table(12, 28, 6, 54);
        var constant = Enumerable.Repeat(2.5, x.Length).ToArray();

        var with = LogisticRegression.Fit(["exposed", "constant"], [x, constant], y);
        var without = LogisticRegression.Fit(["exposed"], [x], y);

        Assert.True(double.IsNaN(with.Terms[2].Estimate) && double.IsNaN(with.Terms[2].P));
        Assert.Equal(without.Terms[1].Estimate, with.Terms[1].Estimate, 12);
        Assert.Equal(without.Terms[1].StandardError, with.Terms[1].StandardError, 12);
        Assert.Equal(without.Aic, with.Aic, 9);
        Assert.True(with.Converged);
    }

    [Fact]
    public void A_collinear_column_is_not_estimated()
    {
        var (x, y) = Table(12, 28, 6, 54);
        var twice = x.Select(v => 2 * v + 1).ToArray();

        var fit = LogisticRegression.Fit(["exposed", "twice"], [x, twice], y);

        Assert.True(double.IsNaN(fit.Terms[2].Estimate));
        Assert.Equal(Math.Log(12.0 * 54 / (28 * 6)), fit.Terms[1].Estimate, 1e-6);
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(["x"], [[1.0, 2]], [true, false, true]));
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(["x", "z"], [[1.0, 2]], [true, false]));
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(["x"], [[1.0, double.NaN]], [true, false]));
    }

    private static (double[] X, bool[] Y) Table(int a, int b, int c, int d)
    {
        var x = new List<double>();
        var y = new List<bool>();
        void Add(double exposed, bool ev, int count)
        {
            for (var i = 0; i < count; i++)
            {
                x.Add(exposed);
                y.Add(ev);
            }
        }

        Add(1, true, a);
        Add(1, false, b);
        Add(0, true, c);
        Add(0, false, d);
        return (x.ToArray(), y.ToArray());
    }
}
