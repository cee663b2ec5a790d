using HipCheck.Core.Studies;

namespace HipCheck.Core.Tests.Studies;

public class StudyDescriberTests
{
    // Six athletes, hip extension left/right chosen for round asymmetries: 100*(s-w)/s.
    // W1 200/250 = 20 % event day 40; W2 250/250 = 0 % no event; W3 180/200 = 10 % event day 100;
    // M1 300/250 = 16.67 % no event; M2 240/240 = 0 % event day 10; M3 250/200 = 20 % no event. All followed 200 days.
    private static readonly CohortData Six = CohortData.FromRows(
    [
        Row("W1", true, 200, 250, true, 40),
        Row("W2", true, 250, 250, false, 200),
        Row("W3", true, 180, 200, true, 100),
        Row("M1", false, 300, 250, false, 200),
        Row("M2", false, 240, 240, true, 10),
        Row("M3", false, 250, 200, false, 200),
    ]);

    [Fact]
    public void Incidence_counts_events_exposure_and_days_at_risk_overall_and_by_sex()
    {
        var d = StudyDescriber.Describe(Six, threshold: 15);

        var all = d.Incidence.Single(g => g.Group == "all");
        Assert.Equal((6, 3, 3), (all.N, all.Events, all.Exposed)); // exposed: W1 20 %, M1 16.7 %, M3 20 %
        Assert.Equal(40 + 200 + 100 + 200 + 10 + 200, all.PersonDays);
        Assert.Equal(3 / 750.0 * 1000, all.RatePer1000Days.Value, 12);
        var women = d.Incidence.Single(g => g.Group == "women");
        Assert.Equal((3, 2, 1), (women.N, women.Events, women.Exposed));
        Assert.Equal(2 / 3.0, women.CumulativeRisk.Value, 12);
    }

    [Fact]
    public void Asymmetry_comparison_uses_the_event_groups()
    {
        var d = StudyDescriber.Describe(Six, threshold: 15);

        var all = d.Comparisons.Single(c => c.Group == "all");
        Assert.Equal(3, all.WithEvent);
        Assert.Equal((20 + 10 + 0) / 3.0, all.MeanWithEvent, 12);
        Assert.Equal((0 + (100 * 50 / 300.0) + 20) / 3.0, all.MeanWithoutEvent, 12);
        Assert.NotNull(all.Welch);
        var men = d.Comparisons.Single(c => c.Group == "men");
        Assert.Null(men.Welch); // one man with the event: no variance to compare
    }

    [Fact]
    public void Curves_split_the_cohort_by_exposure()
    {
        var d = StudyDescriber.Describe(Six, threshold: 15);

        // Exposed W1 (event day 40), M1, M3 (censored 200): S(40) = 2/3. Unexposed W2, W3 (day 100), M2 (day 10).
        Assert.Equal(2 / 3.0, d.ExposedCurve!.SurvivalAt(40), 12);
        Assert.Equal(2 / 3.0 * 1 / 2.0, d.UnexposedCurve!.SurvivalAt(150), 12); // 3 at risk day 10 -> 2/3; 2 at risk day 100 -> 1/2
    }

    private static CohortRow Row(string id, bool female, double left, double right, bool evt, double days) =>
        new(id, female, 60, left, right, double.NaN, double.NaN, double.NaN, 200, evt, days);
}
