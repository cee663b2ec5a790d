using HipCheck.Core.Statistics;

namespace HipCheck.Core.Tests.Statistics.A;

/// <summary>Every statistic against the values R printed for the data sets in fixtures/stats-a.R.</summary>
public class AgreementWithRTests
{
    [Fact]
    public void Two_by_two_tables_agree_with_epitools_fisher_test_and_chisq_test()
    {
        var agreement = new Agreement();
        foreach (var r in RReference.Cases("twoByTwo"))
        {
            var name = r.Name();
            var table = new TwoByTwo(r.GetProperty("a").GetInt32(), r.GetProperty("b").GetInt32(), r.GetProperty("c").GetInt32(), r.GetProperty("d").GetInt32());
            var confidence = r.Number("confidence");

            CompareEstimate(agreement, "risk ratio", name, r.Numbers("riskRatio"), table.RiskRatio(confidence));
            CompareEstimate(agreement, "odds ratio", name, r.Numbers("oddsRatio"), table.OddsRatio(confidence));
            agreement.PValue("Fisher p", name, r.Number("fisherP"), table.FisherExactP());

            var corrected = table.ChiSquare(continuityCorrection: true);
            agreement.Statistic("chi-square (Yates) X²", name, r.Numbers("chiSquareCorrected")[0], corrected.Statistic);
            agreement.PValue("chi-square (Yates) p", name, r.Numbers("chiSquareCorrected")[1], corrected.P);
            var plain = table.ChiSquare(continuityCorrection: false);
            agreement.Statistic("chi-square X²", name, r.Numbers("chiSquare")[0], plain.Statistic);
            agreement.PValue("chi-square p", name, r.Numbers("chiSquare")[1], plain.P);
            Assert.Equal(1, plain.DegreesOfFreedom);
        }

        agreement.AssertAll();
    }

    [Fact]
    public void Welch_t_agrees_with_t_test()
    {
        var agreement = new Agreement();
        foreach (var r in RReference.Cases("welch"))
        {
            var name = r.Name();
            var result = WelchT.Test(r.Numbers("x"), r.Numbers("y"), r.Number("confidence"));

            agreement.Statistic("t", name, r.Number("t"), result.T);
            agreement.Statistic("df", name, r.Number("df"), result.DegreesOfFreedom);
            agreement.PValue("p", name, r.Number("p"), result.P);
            agreement.Statistic("mean difference", name, r.Number("meanDifference"), result.MeanDifference);
            agreement.Statistic("lower limit", name, r.Number("lower"), result.Lower);
            agreement.Statistic("upper limit", name, r.Number("upper"), result.Upper);
        }

        agreement.AssertAll();
    }

    [Fact]
    public void Mann_Whitney_agrees_with_wilcox_test()
    {
        var agreement = new Agreement();
        foreach (var r in RReference.Cases("mannWhitney"))
        {
            var name = r.Name();
            var result = MannWhitney.Test(r.Numbers("x"), r.Numbers("y"));

            agreement.Statistic("W", name, r.Number("w"), result.W);
            agreement.PValue(result.Exact ? "p (exact)" : "p (normal approximation)", name, r.Number("p"), result.P);
            Assert.Equal(r.GetProperty("exact").GetBoolean(), result.Exact);
        }

        agreement.AssertAll();
    }

    [Fact]
    public void Roc_curve_auc_and_youden_point_agree_with_R()
    {
        var agreement = new Agreement();
        foreach (var r in RReference.Cases("roc"))
        {
            var name = r.Name();
            bool[] events = [.. r.Numbers("events").Select(e => e == 1)];
            var result = Roc.Compute(r.Numbers("scores"), events);

            agreement.Statistic("AUC", name, r.Number("auc"), result.Auc);
            var youden = r.Numbers("youden");
            agreement.Statistic("Youden threshold", name, youden[0], result.Youden.Threshold);
            agreement.Statistic("Youden sensitivity", name, youden[1], result.Youden.Sensitivity);
            agreement.Statistic("Youden specificity", name, youden[2], result.Youden.Specificity);
            Assert.Equal(r.GetProperty("pointCount").GetInt32(), result.Points.Count);

            if (r.GetProperty("points").ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                var i = 0;
                foreach (var point in r.GetProperty("points").EnumerateArray())
                {
                    var expected = point.EnumerateArray().Select(e => e.Number()).ToArray();
                    var actual = result.Points[i++];
                    agreement.Statistic("curve threshold", name, expected[0], actual.Threshold);
                    agreement.Statistic("curve sensitivity", name, expected[1], actual.Sensitivity);
                    agreement.Statistic("curve specificity", name, expected[2], actual.Specificity);
                }
            }
        }

        agreement.AssertAll();
    }

    [Fact]
    public void Sample_size_agrees_with_pwr_2p_test()
    {
        var agreement = new Agreement();
        foreach (var r in RReference.Cases("sampleSize"))
        {
            var name = $"p1 {r.Number("p1")}, p2 {r.Number("p2")}, alpha {r.Number("alpha")}, power {r.Number("power")}";
            var result = Power.SampleSizeTwoProportions(r.Number("p1"), r.Number("p2"), r.Number("alpha"), r.Number("power"));

            agreement.Statistic("Cohen's h", name, r.Number("h"), result.CohensH);
            // The root of pwr's own power equation, found in R by uniroot(tol = 1e-14).
            agreement.Statistic("n per group (exact root)", name, r.Number("nPrecise"), result.NPerGroup, relative: 1e-9);
            // pwr.2p.test's printed n: uniroot's default tolerance, .Machine$double.eps^0.25 ≈ 1.22e-4 in n.
            agreement.Check("n per group (pwr.2p.test)", name, r.Number("n"), result.NPerGroup, 1.22e-4);
            Assert.Equal(r.Number("power"), result.Power);
            Assert.Equal(r.Number("alpha"), result.Alpha);
        }

        agreement.AssertAll();
    }

    [Fact]
    public void Power_agrees_with_pwr_2p_test()
    {
        var agreement = new Agreement();
        foreach (var r in RReference.Cases("power"))
        {
            var name = $"p1 {r.Number("p1")}, p2 {r.Number("p2")}, n {r.Number("n")}, alpha {r.Number("alpha")}";
            var result = Power.PowerTwoProportions(r.Number("p1"), r.Number("p2"), r.Number("n"), r.Number("alpha"));

            agreement.Statistic("Cohen's h", name, r.Number("h"), result.CohensH);
            agreement.Statistic("power", name, r.Number("power"), result.Power);
        }

        agreement.AssertAll();
    }

    private static void CompareEstimate(Agreement agreement, string statistic, string name, double[] expected, Estimate actual)
    {
        agreement.Statistic($"{statistic} estimate", name, expected[0], actual.Value);
        agreement.Statistic($"{statistic} lower", name, expected[1], actual.Lower);
        agreement.Statistic($"{statistic} upper", name, expected[2], actual.Upper);
    }
}
