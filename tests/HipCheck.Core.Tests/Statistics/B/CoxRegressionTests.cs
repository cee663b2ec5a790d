using HipCheck.Core.Statistics;
using static HipCheck.Core.Tests.Statistics.B.StatsBFixture;

namespace HipCheck.Core.Tests.Statistics.B;

public class CoxRegressionTests
{
    [Theory]
    [InlineData("cohort")]
    [InlineData("small_ties")]
    [InlineData("small_ties_two")]
    [InlineData("heavy_censoring")]
    [InlineData("three_group")]
    public void Matches_R_coxph_with_Efron_ties(string name)
    {
        var c = Case("cox", name);
        var fit = CoxRegression.Fit(c.Strings("predictors"), c.Columns(), c.Numbers("time"), c.Flags("status"));

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

        Close(c.Number("logLik"), fit.LogLikelihood, $"{name} log-likelihood");
        Close(c.Number("nullLogLik"), fit.NullLogLikelihood, $"{name} null log-likelihood");
        Assert.Equal((int)c.Number("iterations"), fit.Iterations);
        Assert.Equal((int)c.Number("events"), fit.Events);
        Assert.Equal((int)c.Number("n"), fit.N);
        Assert.True(fit.Converged);
    }

    [Fact]
    public void Hand_worked_three_subjects()
    {
        // Deaths at 1 (x = 1), 2 (x = 0), 3 (x = 1): L(β) = e^β/(2e^β + 1) · 1/(e^β + 1).
        // U = 1 − 2q/(2q + 1) − q/(q + 1) = 0 at q = e^β = 1/√2, so β = −ln 2 / 2;
        // I = 2q/(2q + 1)² + q/(q + 1)².
        var fit = CoxRegression.Fit(["x"], [[1.0, 0, 1]], [1, 2, 3], [true, true, true]);

        var q = 1 / Math.Sqrt(2);
        Assert.Equal(-Math.Log(2) / 2, fit.Terms[0].Estimate, 9);
        Assert.Equal(1 / Math.Sqrt(2 * q / Math.Pow(2 * q + 1, 2) + q / Math.Pow(q + 1, 2)), fit.Terms[0].StandardError, 7);
        Assert.Equal(Math.Log(q / (2 * q + 1) / (q + 1)), fit.LogLikelihood, 12);
        Assert.Equal(Math.Log(1.0 / 3 / 2), fit.NullLogLikelihood, 12);
        Assert.True(fit.Converged);
    }

    [Fact]
    public void Efron_splits_tied_deaths()
    {
        // Two tied deaths at 1 among three at risk (x = 1, 0, 0; deaths x = 1 and x = 0), at β = 0 Efron's
        // denominators are 3 and 3 − ½·2 = 2: null log-likelihood ln(1/3) + ln(1/2).
        var fit = CoxRegression.Fit(["x"], [[1.0, 0, 0]], [1, 1, 2], [true, true, false]);

        Assert.Equal(Math.Log(1.0 / 6), fit.NullLogLikelihood, 12);
    }

    [Fact]
    public void No_events_estimate_nothing()
    {
        var fit = CoxRegression.Fit(["x"], [[1.0, 2, 3]], [1, 2, 3], [false, false, false]);

        Assert.False(fit.Converged);
        Assert.Equal(0, fit.Events);
        Assert.True(double.IsNaN(fit.Terms[0].Estimate) && double.IsNaN(fit.Terms[0].P));
    }

    [Fact]
    public void Monotone_likelihood_is_reported_as_not_converged()
    {
        // Only the x = 1 subjects have events, each while everyone else is still at risk: β → +∞.
        var fit = CoxRegression.Fit(["x"], [[1.0, 1, 0, 0]], [1, 2, 3, 4], [true, true, false, false]);

        Assert.False(fit.Converged);
        Assert.True(fit.Terms[0].Estimate > 3);
        Assert.True(double.IsNaN(fit.Terms[0].P));
    }

    [Fact]
    public void A_constant_column_is_not_estimated()
    {
        var c = Case("cox", "small_ties");
        var x = c.Columns()[0];
        var constant = Enumerable.Repeat(1.0, x.Length).ToArray();

        var with = CoxRegression.Fit(["x", "constant"], [x, constant], c.Numbers("time"), c.Flags("status"));

        Close(c.Numbers("estimate")[0], with.Terms[0].Estimate, "x with a constant column");
        Assert.True(double.IsNaN(with.Terms[1].Estimate) && double.IsNaN(with.Terms[1].P));
        Assert.True(with.Converged);
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit(["x"], [[1.0, 2]], [1, 2, 3], [true, true, true]));
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit(["x"], [[1.0, 2]], [1, 2], [true]));
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit(["x"], [[1.0, 2]], [1, double.NaN], [true, true]));
        Assert.Throws<ArgumentException>(() => CoxRegression.Fit(["x"], [[1.0, 2]], [-1, 2], [true, true]));
    }
}
