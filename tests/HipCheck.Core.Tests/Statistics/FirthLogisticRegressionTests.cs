using System.Text.Json;
using HipCheck.Core.Statistics;
using HipCheck.Core.Tests.Statistics.B;

namespace HipCheck.Core.Tests.Statistics;

/// <summary>
/// Firth's model against R's logistf 1.26.1 with tightened controls (Statistics/fixtures/firth.R wrote firth.json;
/// brglm2's AS_mean fit agrees with logistf's estimates to 1e-13 there). Estimates, standard errors, Wald and profile
/// limits, penalised log-likelihoods and likelihood-ratio statistics must agree to 1e-9 relative (1e-10 passes today); p-values to 1e-9
/// absolute or relative, whichever is larger (logistf computes them as 1 − pchisq, which has no more absolute accuracy).
/// </summary>
public class FirthLogisticRegressionTests
{
    private const double Tolerance = 1e-9;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Statistics", "fixtures", "firth.json"))));

    public static TheoryData<string> Cases =>
        [.. Document.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    private static JsonElement Case(string name) =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static FirthResult FitCase(JsonElement c) =>
        FirthLogisticRegression.Fit(c.Strings("predictors"), c.Columns(), c.Flags("y"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_term_matches_logistf(string name)
    {
        var c = Case(name);
        var fit = FitCase(c);

        Assert.True(fit.Converged, $"{name}: did not converge");
        Assert.Equal(c.Strings("terms"), fit.Terms.Select(t => t.Name));
        Check(c.Numbers("estimate"), fit.Terms.Select(t => t.Estimate), $"{name} estimate");
        Check(c.Numbers("se"), fit.Terms.Select(t => t.StandardError), $"{name} se");
        Check(c.Numbers("waldLower"), fit.Terms.Select(t => t.WaldLower), $"{name} Wald lower");
        Check(c.Numbers("waldUpper"), fit.Terms.Select(t => t.WaldUpper), $"{name} Wald upper");
        Check(c.Numbers("waldP"), fit.Terms.Select(t => t.WaldP), $"{name} Wald p", isP: true);
        Check(c.Numbers("profileLower"), fit.Terms.Select(t => t.ProfileLower), $"{name} profile lower");
        Check(c.Numbers("profileUpper"), fit.Terms.Select(t => t.ProfileUpper), $"{name} profile upper");
        Check(c.Numbers("p"), fit.Terms.Select(t => t.P), $"{name} penalised LR p", isP: true);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_penalised_likelihoods_and_the_model_test_match_logistf(string name)
    {
        var c = Case(name);
        var fit = FitCase(c);

        Check([c.Number("logLik")], [fit.PenalisedLogLikelihood], $"{name} logLik");
        Check([c.Number("nullLogLik")], [fit.NullPenalisedLogLikelihood], $"{name} null logLik");
        Check([c.Number("lrChiSquare")], [fit.LikelihoodRatioChiSquare], $"{name} LR chi-square");
        Assert.Equal((int)c.Number("lrDf"), fit.DegreesOfFreedom);
        Check([c.Number("lrP")], [fit.LikelihoodRatioP], $"{name} LR p", isP: true);
    }

    [Fact]
    public void Under_complete_separation_ordinary_ML_diverges_but_Firth_gives_finite_estimates_and_intervals()
    {
        var c = Case("complete-separation");
        var glm = LogisticRegression.Fit(c.Strings("predictors"), c.Columns(), c.Flags("y"));
        var firth = FitCase(c);

        Assert.True(glm.Separation);
        Assert.False(glm.Converged);
        Assert.All(firth.Terms, t =>
        {
            Assert.True(double.IsFinite(t.Estimate) && double.IsFinite(t.ProfileLower) && double.IsFinite(t.ProfileUpper), t.Name);
            Assert.InRange(t.Estimate, t.ProfileLower, t.ProfileUpper);
        });
        // The separating predictor's profile interval excludes 0 while its Wald interval need not be trusted.
        var asymmetry = firth.Terms.Single(t => t.Name == "asymmetry_pct");
        Assert.True(asymmetry.ProfileLower > 0);
    }

    [Fact]
    public void Without_profile_the_wald_columns_are_given_and_the_profile_ones_are_NaN()
    {
        var c = Case("nadler-like");
        var fit = FirthLogisticRegression.Fit(c.Strings("predictors"), c.Columns(), c.Flags("y"), profile: false);

        Check(c.Numbers("estimate"), fit.Terms.Select(t => t.Estimate), "estimate");
        Check(c.Numbers("waldP"), fit.Terms.Select(t => t.WaldP), "Wald p", isP: true);
        Assert.All(fit.Terms, t => Assert.True(double.IsNaN(t.ProfileLower) && double.IsNaN(t.P)));
    }

    [Fact]
    public void An_outcome_of_one_class_gives_NaN_terms_not_an_exception()
    {
        var fit = FirthLogisticRegression.Fit(["x"], [[1.0, 2, 3, 4]], [false, false, false, false]);

        Assert.False(fit.Converged);
        Assert.All(fit.Terms, t => Assert.True(double.IsNaN(t.Estimate)));
    }

    private static void Check(double[] expected, IEnumerable<double> actual, string what, bool isP = false)
    {
        var ours = actual.ToArray();
        Assert.Equal(expected.Length, ours.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = isP ? Math.Max(Tolerance, Tolerance * Math.Abs(expected[i])) : Tolerance * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(ours[i] - expected[i]) <= tolerance,
                $"{what}[{i}]: R {expected[i]:R}, ours {ours[i]:R} (difference {Math.Abs(ours[i] - expected[i]):E2})");
        }
    }
}
