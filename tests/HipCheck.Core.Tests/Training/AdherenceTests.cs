using HipCheck.Core.Training;
using static HipCheck.Core.Tests.Training.TrainingFixtures;

namespace HipCheck.Core.Tests.Training;

public class AdherenceTests
{
    private static readonly Programme ThreeAWeek = Generate(8, 3, Typical); // starts 2026-12-07

    private static LoggedSession Log(int day, SessionStatus status) => new(Start.AddDays(day), status);

    [Fact]
    public void Finished_weeks_count_done_as_one_and_partly_as_half()
    {
        LoggedSession[] sessions =
        [
            Log(0, SessionStatus.Done), Log(2, SessionStatus.Done), Log(4, SessionStatus.Partly), // week 1: 2.5 of 3
            Log(8, SessionStatus.Done), Log(10, SessionStatus.Skipped), // week 2: 1 of 3
        ];

        var weeks = Adherence.Weekly(ThreeAWeek, sessions, Start.AddDays(13)); // last day of week 2

        Assert.Equal(2, weeks.Count);
        Assert.Equal(new WeekAdherence(1, Start, Start.AddDays(6), 3, 2, 1, 0, 100.0 * 2.5 / 3), weeks[0]);
        Assert.Equal(new WeekAdherence(2, Start.AddDays(7), Start.AddDays(13), 3, 1, 0, 1, 100.0 / 3), weeks[1]);
        Assert.Equal(83.33, weeks[0].AdherencePercent, 2);
    }

    [Theory]
    [InlineData(0, 1)] // day 1 of week 2: the first session is due
    [InlineData(1, 1)]
    [InlineData(2, 2)] // day 3: ceil(3 x 3 / 7) = 2
    [InlineData(4, 3)] // day 5: all three are due
    [InlineData(6, 3)]
    public void The_current_week_counts_the_sessions_planned_so_far(int dayOfWeek, int planned)
    {
        var today = Start.AddDays(7 + dayOfWeek);
        var weeks = Adherence.Weekly(ThreeAWeek, [Log(7, SessionStatus.Done)], today);

        var current = weeks[^1];
        Assert.Equal(2, current.Week);
        Assert.Equal(planned, current.Planned);
        Assert.Equal(100.0 / planned, current.AdherencePercent, 9);
    }

    [Fact]
    public void Weeks_not_yet_started_are_left_out()
    {
        Assert.Empty(Adherence.Weekly(ThreeAWeek, [], Start.AddDays(-1)));
        Assert.Single(Adherence.Weekly(ThreeAWeek, [], Start));
        Assert.Equal(3, Adherence.Weekly(ThreeAWeek, [], Start.AddDays(20)).Count);
        Assert.Equal(8, Adherence.Weekly(ThreeAWeek, [], Start.AddDays(400)).Count);
    }

    [Fact]
    public void Extra_sessions_cannot_lift_a_week_above_100_percent()
    {
        LoggedSession[] sessions = [.. Enumerable.Range(0, 5).Select(d => Log(d, SessionStatus.Done))];

        var week = Adherence.Weekly(ThreeAWeek, sessions, Start.AddDays(6))[0];

        Assert.Equal(5, week.Done);
        Assert.Equal(100, week.AdherencePercent);
    }

    [Fact]
    public void Sessions_outside_the_programme_or_after_today_are_ignored()
    {
        LoggedSession[] sessions = [Log(-1, SessionStatus.Done), Log(0, SessionStatus.Partly), Log(3, SessionStatus.Done)];

        var week = Adherence.Weekly(ThreeAWeek, sessions, Start.AddDays(1))[0]; // day 2: 1 planned

        Assert.Equal((1, 0, 1), (week.Planned, week.Done, week.Partly));
        Assert.Equal(50, week.AdherencePercent);
    }

    [Fact]
    public void A_week_with_nothing_logged_is_zero_and_skips_are_counted()
    {
        var weeks = Adherence.Weekly(ThreeAWeek, [Log(1, SessionStatus.Skipped)], Start.AddDays(7));

        Assert.Equal(new WeekAdherence(1, Start, Start.AddDays(6), 3, 0, 0, 1, 0), weeks[0]);
        Assert.Equal(new WeekAdherence(2, Start.AddDays(7), Start.AddDays(13), 1, 0, 0, 0, 0), weeks[1]);
    }

    [Fact]
    public void Four_sessions_a_week_are_spread_over_the_seven_days()
    {
        var programme = Generate(6, 4);

        Assert.Equal(new[] { 1, 2, 2, 3, 3, 4, 4 }, Enumerable.Range(0, 7).Select(d => Adherence.Weekly(programme, [], Start.AddDays(d))[0].Planned));
    }
}
