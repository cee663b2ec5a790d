using System.Text.Json;
using HipCheck.Core.Measurement;
using HipCheck.Core.Training;
using TestResult = HipCheck.Core.Measurement.TestResult;
using static HipCheck.Core.Tests.Training.TrainingFixtures;

namespace HipCheck.Core.Tests.Training;

public class ProgrammeGeneratorTests
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public static TheoryData<int, int> Calendars => new() { { 6, 2 }, { 7, 3 }, { 8, 3 }, { 8, 4 } };

    private static IEnumerable<TestResult[]> Screenings =>
    [
        [],
        Typical,
        Swapped,
        [Force("hip-abduction", 70, 100), Force("hip-extension", 100, 100)],
        [Inconsistent("hip-extension", 150, 200), Force("hip-abduction", 100, 90)],
        [Bridge(30, 45)],
    ];

    [Fact]
    public void Same_input_gives_an_equal_programme_and_identical_json()
    {
        var first = Generate(8, 3, Typical);
        var second = Generate(8, 3, Typical);

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(JsonSerializer.Serialize(first, Json), JsonSerializer.Serialize(second, Json));
        Assert.NotEqual(first, Generate(8, 3, Swapped));
    }

    [Fact]
    public void The_weaker_side_gets_extra_sets_in_every_exercise_for_that_test()
    {
        var programme = Generate(8, 3, Typical);

        foreach (var week in programme.Plan)
        {
            foreach (var id in new[] { "single-leg-bridge", "single-limb-deadlift" })
            {
                var e = In(week, id);
                Assert.Equal(Side.Left, e.WeakerSide);
                Assert.Equal(2, e.ExtraSetsWeakerSide); // 20 % >= 15 %
                Assert.Equal(e.Sets + 2, e.SetsFor(Side.Left));
                Assert.Equal(e.Sets, e.SetsFor(Side.Right));
            }

            var clam = In(week, "clam");
            Assert.Equal(Side.Right, clam.WeakerSide);
            Assert.Equal(1, clam.ExtraSetsWeakerSide); // 12 %
        }
    }

    [Fact]
    public void Swapping_left_and_right_data_swaps_the_weaker_side_and_nothing_else()
    {
        var normal = Generate(8, 3, Typical);
        var swapped = Generate(8, 3, Swapped);

        Assert.Equal(normal.Deficits.Select(d => d.AsymmetryPercent), swapped.Deficits.Select(d => d.AsymmetryPercent));
        foreach (var (a, b) in normal.Plan.Zip(swapped.Plan))
        {
            foreach (var (x, y) in a.Exercises.Zip(b.Exercises))
            {
                Assert.Equal(x.ExtraSetsWeakerSide, y.ExtraSetsWeakerSide);
                Assert.Equal(x.Sets, y.Sets);
                Assert.Equal(x.WeakerSide is null ? null : Sides.Other(x.WeakerSide.Value), y.WeakerSide);
                Assert.Equal(x.SetsFor(Side.Left), y.SetsFor(Side.Right));
            }
        }
    }

    [Fact]
    public void Exercises_for_tests_without_a_deficit_keep_both_sides_equal_at_a_maintenance_dose()
    {
        var programme = Generate(8, 3, Typical); // abduction 4 %: no deficit

        foreach (var week in programme.Plan)
        {
            foreach (var id in new[] { "side-lying-hip-abduction", "side-plank-hip-abduction" })
            {
                var e = In(week, id);
                Assert.Equal(0, e.ExtraSetsWeakerSide);
                Assert.Null(e.WeakerSide);
                Assert.Equal(e.SetsFor(Side.Left), e.SetsFor(Side.Right));
                Assert.Equal(2, e.Sets);
                Assert.StartsWith("Maintenance", e.Note, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Without_any_result_all_five_exercises_get_a_maintenance_dose()
    {
        var programme = Generate(6, 2);

        Assert.Empty(programme.Deficits);
        Assert.All(programme.Plan, w => Assert.Equal(5, w.Exercises.Count));
        Assert.All(programme.Plan.SelectMany(w => w.Exercises), e =>
        {
            Assert.Equal(2, e.Sets);
            Assert.Equal(0, e.ExtraSetsWeakerSide);
        });
        Assert.Contains(programme.Explanation, l => l.StartsWith("Hip abduction: not tested", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void No_week_and_no_exercise_is_empty(int weeks, int sessions)
    {
        var ids = ExerciseLibrary.All.Select(e => e.Id).ToList();
        foreach (var screening in Screenings)
        {
            var programme = Generate(weeks, sessions, screening);

            Assert.Equal(Enumerable.Range(1, weeks), programme.Plan.Select(w => w.Week));
            foreach (var week in programme.Plan)
            {
                Assert.False(string.IsNullOrWhiteSpace(week.Focus));
                Assert.Equal(ids, week.Exercises.Select(e => e.ExerciseId));
                Assert.All(week.Exercises, e =>
                {
                    Assert.True(e.Sets >= 2);
                    Assert.True((e.Reps is > 0) ^ (e.HoldSeconds is > 0));
                    Assert.True(e.SessionVolume > 0);
                    Assert.False(string.IsNullOrWhiteSpace(e.Note));
                    Assert.Contains(e.Level, new[] { "regression", "standard", "progression" });
                });
            }
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Volume_never_decreases_from_one_week_to_the_next(int weeks, int sessions)
    {
        foreach (var screening in Screenings)
        {
            var plan = Generate(weeks, sessions, screening).Plan;
            foreach (var (before, after) in plan.Zip(plan.Skip(1)))
            {
                foreach (var (x, y) in before.Exercises.Zip(after.Exercises))
                {
                    Assert.True(y.Sets >= x.Sets, $"{y.ExerciseId} week {after.Week}: sets fell");
                    Assert.True((y.Reps ?? y.HoldSeconds) >= (x.Reps ?? x.HoldSeconds), $"{y.ExerciseId} week {after.Week}: dose fell");
                    Assert.True(y.SessionVolume >= x.SessionVolume, $"{y.ExerciseId} week {after.Week}: volume fell");
                    Assert.Equal(x.ExtraSetsWeakerSide, y.ExtraSetsWeakerSide);
                }
            }
        }
    }

    [Fact]
    public void Eight_weeks_follow_the_set_dose_and_level_rules()
    {
        var plan = Generate(8, 3, Typical).Plan;

        // Single-leg deadlift trains the 20 % extension deficit: starts easier, 3 sets from week 3, +2 reps at week 5,
        // but 20 % is severe, so it never moves to the harder version and gets +2 more reps at week 7.
        Assert.Equal(new[] { "regression", "regression", "standard", "standard", "standard", "standard", "standard", "standard" },
            plan.Select(w => In(w, "single-limb-deadlift").Level));
        Assert.Equal(new[] { 2, 2, 3, 3, 3, 3, 3, 3 }, plan.Select(w => In(w, "single-limb-deadlift").Sets));
        Assert.Equal(new int?[] { 8, 8, 8, 8, 10, 10, 12, 12 }, plan.Select(w => In(w, "single-limb-deadlift").Reps));

        // Single-leg bridge: a hold, +5 s per step.
        Assert.Equal(new int?[] { 20, 20, 20, 20, 25, 25, 30, 30 }, plan.Select(w => In(w, "single-leg-bridge").HoldSeconds));
        Assert.All(plan, w => Assert.Null(In(w, "single-leg-bridge").Reps));

        // Side plank: no abduction deficit (maintenance, 2 sets), starts easier, harder version in weeks 7-8 with the dose of week 6.
        Assert.Equal(new[] { "regression", "regression", "standard", "standard", "standard", "standard", "progression", "progression" },
            plan.Select(w => In(w, "side-plank-hip-abduction").Level));
        Assert.Equal(new int?[] { 8, 8, 8, 8, 10, 10, 10, 10 }, plan.Select(w => In(w, "side-plank-hip-abduction").Reps));

        // Clam: 12 % ER deficit, not severe: standard from the start, harder version at the end, 3 sets from week 3.
        Assert.Equal(new[] { "standard", "standard", "standard", "standard", "standard", "standard", "progression", "progression" },
            plan.Select(w => In(w, "clam").Level));
        Assert.Equal(new[] { 2, 2, 3, 3, 3, 3, 3, 3 }, plan.Select(w => In(w, "clam").Sets));
    }

    [Fact]
    public void Six_weeks_move_to_the_harder_version_in_weeks_five_and_six()
    {
        var plan = Generate(6, 3, Force("hip-abduction", 88, 100)).Plan;

        Assert.Equal(new[] { "standard", "standard", "standard", "standard", "progression", "progression" },
            plan.Select(w => In(w, "side-lying-hip-abduction").Level));
        Assert.Equal(new int?[] { 12, 12, 12, 12, 12, 12 }, plan.Select(w => In(w, "side-lying-hip-abduction").Reps));
        Assert.Equal(new[] { 2, 2, 3, 3, 3, 3 }, plan.Select(w => In(w, "side-lying-hip-abduction").Sets));
    }

    [Theory]
    [InlineData(91, 0, null)] // 9 %: below the convention
    [InlineData(90, 1, Side.Left)] // exactly 10 %
    [InlineData(86, 1, Side.Left)] // 14 %
    [InlineData(85, 2, Side.Left)] // exactly 15 %
    [InlineData(80, 2, Side.Left)] // 20 %: severe
    public void Deficit_thresholds_decide_the_extra_sets(double left, int extra, Side? weaker)
    {
        var programme = Generate(8, 3, Force("hip-abduction", left, 100));

        Assert.Equal(extra > 0 ? 1 : 0, programme.Deficits.Count);
        Assert.All(programme.Plan, w =>
        {
            Assert.Equal(extra, In(w, "side-lying-hip-abduction").ExtraSetsWeakerSide);
            Assert.Equal(weaker, In(w, "side-plank-hip-abduction").WeakerSide);
            Assert.Equal(0, In(w, "clam").ExtraSetsWeakerSide);
        });
        var last = programme.Plan[^1];
        Assert.Equal(left <= 80 ? "standard" : "progression", In(last, "side-lying-hip-abduction").Level);
    }

    [Fact]
    public void A_test_needing_a_retest_is_named_and_used_cautiously()
    {
        var programme = Generate(8, 3, Inconsistent("hip-extension", 150, 200)); // about 25 % weaker on the left

        var deficit = Assert.Single(programme.Deficits);
        Assert.True(deficit.NeedsRetest);
        Assert.Equal(Side.Left, deficit.WeakerSide);
        Assert.True(deficit.AsymmetryPercent >= 15);
        Assert.Contains("re-test", deficit.Description, StringComparison.Ordinal);
        Assert.Contains(programme.Explanation, l => l.StartsWith("Hip extension: the trials varied", StringComparison.Ordinal) && l.Contains("re-test", StringComparison.Ordinal));
        Assert.All(programme.Plan, w => Assert.Equal(1, In(w, "single-leg-bridge").ExtraSetsWeakerSide));
        Assert.Equal("standard", In(programme.Plan[^1], "single-leg-bridge").Level); // about 25 %: severe
        Assert.DoesNotContain("Stays at the standard", In(programme.Plan[0], "single-leg-bridge").Note, StringComparison.Ordinal);
        Assert.Contains("Stays at the standard", In(programme.Plan[^1], "single-leg-bridge").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void The_single_leg_bridge_hold_stands_in_for_hip_extension_without_a_force_test()
    {
        var programme = Generate(8, 3, Bridge(30, 45)); // left 33.3 % shorter

        var deficit = Assert.Single(programme.Deficits);
        Assert.Equal("single-leg-bridge", deficit.TestCode);
        Assert.Equal("hip-extension", deficit.TrainedTest);
        Assert.All(programme.Plan, w => Assert.Equal(Side.Left, In(w, "single-limb-deadlift").WeakerSide));
    }

    [Fact]
    public void Deficits_are_listed_largest_first_with_a_plain_description()
    {
        var programme = Generate(8, 3, Typical);

        Assert.Equal(new[] { "hip-extension", "hip-external-rotation" }, programme.Deficits.Select(d => d.TestCode));
        Assert.Equal(20, programme.Deficits[0].AsymmetryPercent, 9);
        Assert.Equal("Hip extension: the left side is 20.0 % weaker than the right; the left side gets 2 extra sets in the exercises that train it.",
            programme.Deficits[0].Description);
    }

    [Fact]
    public void The_explanation_states_every_rule_and_the_thresholds_as_conventions()
    {
        var text = string.Join("\n", Generate(8, 3, Typical).Explanation);

        Assert.Contains("8 weeks from 2026-12-07, 3 sessions a week", text, StringComparison.Ordinal);
        Assert.Contains("Re-test on 2027-02-01", text, StringComparison.Ordinal);
        Assert.Contains("conventions", text, StringComparison.Ordinal);
        Assert.Contains("Single-leg bridge and Single-leg deadlift: 2 extra sets on the left side", text, StringComparison.Ordinal);
        Assert.Contains("Hip abduction: 4.0 % difference, below 10 %", text, StringComparison.Ordinal);
        Assert.Contains("Hip external rotation: the right side is 12.0 % weaker", text, StringComparison.Ordinal);
        Assert.Contains("From week 5, every two weeks", text, StringComparison.Ordinal);
        Assert.Contains("from week 7 (the last third of the plan)", text, StringComparison.Ordinal);
        Assert.Contains("Exercises for hip extension stay at the standard version", text, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, "2027-01-18")]
    [InlineData(8, "2027-02-01")]
    public void The_retest_date_is_the_day_after_the_last_week(int weeks, string expected)
    {
        var programme = Generate(weeks, 3, Typical);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), programme.RetestDate);
        Assert.Equal(programme.WeekStart(weeks).AddDays(7), programme.RetestDate);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(9, 3)]
    [InlineData(8, 1)]
    [InlineData(8, 5)]
    public void Weeks_and_sessions_outside_the_allowed_range_are_rejected(int weeks, int sessions)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Generate(weeks, sessions, Typical));
        Assert.Contains(weeks is < 6 or > 8 ? "weeks" : "sessions a week", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_duplicated_results_are_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => ProgrammeGenerator.Generate(null!));
        Assert.ThrowsAny<ArgumentException>(() => ProgrammeGenerator.Generate(new ProgrammeInput(null!, Start)));
        Assert.ThrowsAny<ArgumentException>(() => ProgrammeGenerator.Generate(new ProgrammeInput([null!], Start)));
        var ex = Assert.ThrowsAny<ArgumentException>(() =>
            Generate(8, 3, Force("hip-extension", 100, 120), Force("hip-extension", 100, 90)));
        Assert.Contains("hip-extension appears more than once", ex.Message, StringComparison.Ordinal);
    }
}
