using HipCheck.Core.Injuries;
using HipCheck.Core.Studies;
using HipCheck.Core.Surveillance;

namespace HipCheck.Core.Tests.Studies;

public class EventDefinitionTests
{
    private static readonly DateOnly Onset = new(2025, 10, 6);

    private static InjuryFacts Injury(BodyRegion region, int daysLost, bool treated, InjuryActivity? activity = null,
        Diagnosis diagnosis = Diagnosis.Other, Mechanism mechanism = Mechanism.Overuse) =>
        new(region, diagnosis, mechanism, treated, daysLost, Onset, activity);

    [Fact]
    public void Running_related_injury_needs_a_lower_limb_and_seven_days_or_treatment()
    {
        var rri = EventDefinitions.RunningRelatedInjury;
        Assert.True(rri.Matches(Injury(BodyRegion.Knee, 7, false)));
        Assert.True(rri.Matches(Injury(BodyRegion.Foot, 0, true, InjuryActivity.Running)));
        Assert.False(rri.Matches(Injury(BodyRegion.Knee, 6, false)));
        Assert.False(rri.Matches(Injury(BodyRegion.LumbarSpine, 30, true)));
        Assert.False(rri.Matches(Injury(BodyRegion.Ankle, 30, true, InjuryActivity.Other)));
    }

    [Fact]
    public void Nadler_low_back_pain_is_treated_and_not_traumatic()
    {
        var lbp = EventDefinitions.LowBackPainTreatedNonTraumatic;
        Assert.True(lbp.Matches(Injury(BodyRegion.LumbarSpine, 0, true)));
        Assert.False(lbp.Matches(Injury(BodyRegion.LumbarSpine, 0, false)));
        Assert.False(lbp.Matches(Injury(BodyRegion.LumbarSpine, 0, true, mechanism: Mechanism.AcuteTrauma)));
    }

    [Fact]
    public void The_OSTRC_event_is_a_substantial_problem_on_a_check_in()
    {
        var ostrc = EventDefinitions.OstrcSubstantialProblem;
        Assert.Equal(EventSource.Checkins, ostrc.Source);
        Assert.False(ostrc.Matches(Injury(BodyRegion.Knee, 30, true)));
        bool Week(int q1, int q2, int q3, int q4) =>
            ostrc.MatchesCheckin!(new CheckinFacts(Onset, "knee", OstrcScoring.Score(new OstrcAnswers(q1, q2, q3, q4))));
        Assert.True(Week(3, 3, 3, 3));
        Assert.True(Week(1, 2, 0, 1));
        Assert.False(Week(2, 1, 1, 1));
        Assert.False(Week(0, 0, 0, 0));
    }

    [Fact]
    public void A_custom_rule_round_trips_through_its_code()
    {
        var rule = EventDefinitions.Custom(BodyRegion.Knee, 7, requiresTreatment: true);
        Assert.Equal("custom:knee:7:treated", rule.Code);
        var found = EventDefinitions.Find("custom:knee:7:treated");
        Assert.NotNull(found);
        Assert.Equal(rule.Code, found.Code);
        Assert.True(found.Matches(Injury(BodyRegion.Knee, 7, true)));
        Assert.False(found.Matches(Injury(BodyRegion.Knee, 7, false)));
        Assert.False(found.Matches(Injury(BodyRegion.Knee, 6, true)));
        Assert.False(found.Matches(Injury(BodyRegion.Thigh, 10, true)));
        Assert.True(EventDefinitions.Find("custom:any:0:any")!.Matches(Injury(BodyRegion.Thigh, 0, false)));
        Assert.Null(EventDefinitions.Find("custom:elbow:7:any"));
        Assert.Null(EventDefinitions.Find("custom:knee:-1:any"));
        Assert.Null(EventDefinitions.Find("custom:knee:7"));
    }

    [Fact]
    public void Injury_time_loss_comes_from_the_dates_with_IOC_counting()
    {
        var monday = new DateOnly(2025, 8, 4);
        var entry = new InjuryEntry("knee", "other", "x", monday, "overuse", false, null, ReturnDate: monday.AddDays(7));
        Assert.Empty(InjuryCodes.Validate(entry, new DateOnly(1990, 1, 1), new DateOnly(2025, 9, 1)));
        Assert.Equal(6, IocInjuryCodes.TimeLossDays(entry));
        var wrong = entry with { DaysLost = 7 };
        Assert.Contains(InjuryCodes.Validate(wrong, new DateOnly(1990, 1, 1), new DateOnly(2025, 9, 1)), e => e.Field == "daysLost");
        var noDays = entry with { ReturnDate = null };
        Assert.Contains(InjuryCodes.Validate(noDays, new DateOnly(1990, 1, 1), new DateOnly(2025, 9, 1)), e => e.Field == "daysLost");
    }

    [Fact]
    public void Check_in_weeks_start_on_Monday_and_the_O2_skip_fills_items_two_to_four()
    {
        Assert.Equal(new DateOnly(2025, 9, 1), CheckinRules.WeekStartOf(new DateOnly(2025, 9, 7)));
        Assert.Equal(new DateOnly(2025, 8, 25), CheckinRules.PreviousWeek(new DateOnly(2025, 9, 1)));
        Assert.Equal(0, OstrcScoring.Severity(CheckinRules.Answers(new CheckinAreaEntry("knee", 0, null, null, null))));
        var errors = CheckinRules.Validate(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 3),
            [new CheckinAreaEntry("knee", 2, null, null, null)], OstrcInstrument.Default, complete: true);
        Assert.Contains(errors, e => e.Field == "areas[0].q2");
        Assert.Contains(errors, e => e.Field == "areas" && e.Message.StartsWith("Lower back", StringComparison.Ordinal));
    }
}
