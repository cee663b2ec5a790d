using HipCheck.Core.Studies;

namespace HipCheck.Core.Tests.Studies;

public class StudyPlannerTests
{
    private static readonly StudyPlanInput Nadler = new(RiskUnexposed: 0.06, RiskExposed: 0.12, ShareExposed: 0.3, Alpha: 0.05, Power: 0.8, LossToFollowUp: 0.1);

    [Fact]
    public void Plan_matches_pwr_for_unequal_groups()
    {
        // fixtures/study-plan.R: h = 0.21254908543844742, pwr.2p.test n = 347.47064888022544,
        // n1 = ceiling(n (1 + k) / (2k)) = 249 exposed, n2 = ceiling(249 k) = 581 with k = 0.7 / 0.3;
        // pwr.2p2n.test(h, 249, 581) power = 0.8013 >= 0.8, and 248 exposed would give 0.7998 < 0.8.
        var plan = StudyPlanner.Plan(Nadler);

        Assert.Equal(0.21254908543844742, plan.CohensH, 1e-12);
        Assert.Equal(347.47064888022544, plan.EqualGroupsPerGroup, 1e-6);
        Assert.Equal(249, plan.Exposed);
        Assert.Equal(581, plan.Unexposed);
        Assert.Equal(830, plan.Analysed);
    }

    [Fact]
    public void Recruitment_allows_for_loss_to_follow_up_and_events_are_expected_counts()
    {
        var plan = StudyPlanner.Plan(Nadler);

        Assert.Equal(923, plan.ToRecruit); // ceiling(830 / 0.9) = ceiling(922.2)
        Assert.Equal((249 * 0.12) + (581 * 0.06), plan.ExpectedEvents, 1e-9); // 29.88 + 34.86 = 64.74
    }

    [Fact]
    public void Equal_shares_give_pwr_2p_test_groups()
    {
        var plan = StudyPlanner.Plan(Nadler with { ShareExposed = 0.5, LossToFollowUp = 0 });

        Assert.Equal(348, plan.Exposed); // ceiling(347.47)
        Assert.Equal(348, plan.Unexposed);
        Assert.Equal(696, plan.ToRecruit);
    }

    [Theory]
    [InlineData(0, 0.12, 0.3, 0.05, 0.8, 0.1, "riskUnexposed")]
    [InlineData(0.06, 1, 0.3, 0.05, 0.8, 0.1, "riskExposed")]
    [InlineData(0.06, 0.06, 0.3, 0.05, 0.8, 0.1, "riskExposed")]
    [InlineData(0.06, 0.12, 1.2, 0.05, 0.8, 0.1, "shareExposed")]
    [InlineData(0.06, 0.12, 0.3, 0.6, 0.8, 0.1, "alpha")]
    [InlineData(0.06, 0.12, 0.3, 0.05, 0.04, 0.1, "power")]
    [InlineData(0.06, 0.12, 0.3, 0.05, 0.8, 0.95, "lossToFollowUp")]
    public void Invalid_input_names_the_field(double p0, double p1, double share, double alpha, double power, double loss, string field)
    {
        var input = new StudyPlanInput(p0, p1, share, alpha, power, loss);

        Assert.Contains(StudyPlanner.Validate(input), e => e.Field == field);
        Assert.Throws<ArgumentException>(() => StudyPlanner.Plan(input));
    }
}
