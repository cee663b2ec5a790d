using HipCheck.Core.Athletes;
using HipCheck.Core.Statistics;
using HipCheck.Core.Surveillance;

namespace HipCheck.Core.Tests.Surveillance;

/// <summary>Small cases worked by hand, with R's numbers for the intervals (t.test, poisson.test).</summary>
public class SurveillanceStatisticsTests
{
    [Fact]
    public void Average_weekly_prevalence_has_t_test_s_interval_over_weeks()
    {
        // R: t.test(c(20, 40, 60))$conf.int
        var e = WeeklyPrevalence.Average([20, 40, 60]);

        Assert.Equal(40, e.Value, 12);
        Assert.Equal(-9.6827542350066018, e.Lower, 1e-9);
        Assert.Equal(89.6827542350065983, e.Upper, 1e-9);
    }

    [Fact]
    public void Constant_weeks_give_a_zero_width_interval_one_week_none_and_no_week_nothing()
    {
        Assert.Equal(new Estimate(25, 25, 25), WeeklyPrevalence.Average([25, 25, 25, 25]));
        var one = WeeklyPrevalence.Average([30]);
        Assert.Equal(30, one.Value);
        Assert.True(double.IsNaN(one.Lower) && double.IsNaN(one.Upper));
        Assert.True(double.IsNaN(WeeklyPrevalence.Average([]).Value));
    }

    private static WeeklyCheckin Checkin(string athlete, Sex sex, string week, string area, int? q1, int? q2, int? q3, int? q4) =>
        new(athlete, sex, DateOnly.Parse(week, System.Globalization.CultureInfo.InvariantCulture), area, new OstrcAnswers(q1, q2, q3, q4));

    [Fact]
    public void A_worked_two_week_example()
    {
        // Week 1: A (F) knee problem (1,1,1,1 = 32), B (M) nothing, C (M) could not run (3,3,3,3 = 100):
        //         any 2/3, substantial 1/3. Week 2: A nothing, B lower back (2,2,1,2 = 59, substantial), C only item 1
        //         missing on the knee (undecided, left out): any 1/2, substantial 1/2.
        // Any: mean(66.67, 50) = 58.33; substantial: mean(33.33, 50) = 41.67. Severity of problems: (32 + 100 + 59) / 3 = 63.67.
        List<WeeklyCheckin> checkins =
        [
            Checkin("A", Sex.Female, "2026-01-05", "knee", 1, 1, 1, 1),
            Checkin("A", Sex.Female, "2026-01-05", "hip-groin", 0, 0, 0, 0),
            Checkin("B", Sex.Male, "2026-01-05", "knee", 0, 0, 0, 0),
            Checkin("C", Sex.Male, "2026-01-05", "knee", 3, 3, 3, 3),
            Checkin("A", Sex.Female, "2026-01-12", "knee", 0, 0, 0, 0),
            Checkin("B", Sex.Male, "2026-01-12", "lower-back", 2, 2, 1, 2),
            Checkin("C", Sex.Male, "2026-01-12", "knee", null, 1, 0, 1),
            Checkin("C", Sex.Male, "2026-01-19", "knee", null, null, null, null), // nothing answered: not a week
        ];
        List<ExposureEntry> exposure =
        [
            new("A", new DateOnly(2026, 1, 6), 100, 1000),
            new("B", new DateOnly(2026, 1, 6), 60, 700),
            new("C", new DateOnly(2026, 1, 6), 40, 300),
        ];
        List<SurveillanceInjury> injuries =
        [
            new("C", new DateOnly(2026, 1, 7), "K", "L", InjuryOnset.Sudden, InjuryMechanism.Acute, 10),
            new("B", new DateOnly(2026, 1, 13), "L", "M", InjuryOnset.Gradual, InjuryMechanism.Repetitive, 4),
        ];

        var report = SurveillanceAnalysis.Run(checkins, exposure, injuries);

        Assert.Equal(3, report.Athletes);
        Assert.Equal(2, report.Weeks);
        Assert.Equal(175.0 / 3, report.Overall.AnyProblems.Value, 12);
        Assert.Equal(125.0 / 3, report.Overall.SubstantialProblems.Value, 12);
        Assert.Equal(191.0 / 3, report.Overall.MeanSeverity, 12);
        Assert.Equal(200, report.Overall.Hours);
        Assert.Equal(2000, report.Overall.Km);
        // 2 events in 200 h = 10 per 1000 h; R: poisson.test(2, 200)$conf.int * 1000
        Assert.Equal(10, report.Overall.Per1000Hours.Value, 12);
        Assert.Equal(1.2110463927198252, report.Overall.Per1000Hours.Lower, 1e-9);
        Assert.Equal(36.1234383386197919, report.Overall.Per1000Hours.Upper, 1e-9);
        Assert.Equal(1, report.Overall.Per1000Km.Value, 12);
        // Burden: 10 per 1000 h x mean 7 days = 70 days per 1000 h.
        Assert.Equal(70, report.Overall.BurdenDaysPer1000Hours, 12);
        // Men: week 1 any 1/2, week 2 any 1/1 (C undecided) -> 75; 2 events in 100 h.
        Assert.Equal(75, report.Male.AnyProblems.Value, 12);
        Assert.Equal(20, report.Male.Per1000Hours.Value, 12);
        Assert.Equal(140, report.Male.BurdenDaysPer1000Hours, 12);
        Assert.Equal(0, report.Female.Injuries);
        Assert.Equal(0, report.Female.BurdenDaysPer1000Hours);
        Assert.Equal(["L", "K"], report.ByRegion.Select(r => r.Region));
        Assert.All(report.ByRegion, r => Assert.Equal(5, r.Per1000Hours.Value, 12));
    }

    [Fact]
    public void The_2013_rule_counts_pain_without_trouble_taking_part()
    {
        List<WeeklyCheckin> checkins =
        [
            Checkin("A", Sex.Female, "2026-01-05", "knee", 0, 0, 0, 2),
            Checkin("B", Sex.Female, "2026-01-05", "knee", 0, 0, 0, 0),
        ];

        Assert.Equal(0, SurveillanceAnalysis.Run(checkins, [], []).Overall.AnyProblems.Value);
        Assert.Equal(50, SurveillanceAnalysis.Run(checkins, [], [], OstrcProblemRule.AnyItem).Overall.AnyProblems.Value);
    }
}
