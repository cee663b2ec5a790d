using HipCheck.Core.Surveillance;

namespace HipCheck.Core.Tests.Surveillance;

/// <summary>IOC 2020 time-loss counting: DOMAIN.md's worked examples, then hand-counted calendars.</summary>
public class TimeLossTests
{
    // 2024-03-04 is a Monday.
    private static readonly DateOnly Monday = new(2024, 3, 4);

    private static DateOnly D(int month, int day) => new(2024, month, day);

    [Fact]
    public void Back_the_same_day_is_0_days()
    {
        Assert.Equal(0, TimeLoss.Days(Monday, Monday));
        Assert.Equal(0, TimeLoss.Days(Monday, Array.Empty<AbsencePeriod>()));
    }

    [Fact]
    public void Hurt_on_a_Monday_and_training_fully_the_next_Monday_is_6_days()
    {
        Assert.Equal(6, TimeLoss.Days(Monday, D(3, 11)));
        Assert.Equal(6, TimeLoss.Days(Monday, [new AbsencePeriod(D(3, 5), D(3, 11))]));
        Assert.Equal(6, TimeLoss.Days(Monday, [D(3, 5), D(3, 6), D(3, 7), D(3, 8), D(3, 9), D(3, 10)]));
    }

    [Fact]
    public void Back_the_next_day_is_0_days_because_the_onset_day_is_day_zero()
    {
        Assert.Equal(0, TimeLoss.Days(Monday, D(3, 5)));
        Assert.Equal(6, TimeLoss.Days(Monday, [new AbsencePeriod(Monday, D(3, 11))]));
        Assert.Equal(0, TimeLoss.Days(Monday, [Monday]));
    }

    [Fact]
    public void A_gradual_injury_counts_from_the_first_day_missed()
    {
        // Noticed Friday 1 March, trained through; first missed Sunday 10 March; back Thursday 14 March: Sun-Wed.
        Assert.Equal(4, TimeLoss.Days(D(3, 1), [new AbsencePeriod(D(3, 10), D(3, 14))]));
    }

    [Fact]
    public void Intermittent_absences_count_only_the_days_missed()
    {
        // Missed Tue-Wed, trained Thu-Sat, missed Sun-Mon, back Tuesday 12 March: 4 days, not 7.
        Assert.Equal(4, TimeLoss.Days(Monday, [new AbsencePeriod(D(3, 5), D(3, 7)), new AbsencePeriod(D(3, 10), D(3, 12))]));
        Assert.Equal(3, TimeLoss.Days(Monday, [D(3, 5), D(3, 8), D(3, 8), D(3, 12)]));
    }

    [Fact]
    public void Overlapping_absences_count_each_day_once()
    {
        // Tue-Thu and Thu-Fri: Tue, Wed, Thu, Fri.
        Assert.Equal(4, TimeLoss.Days(Monday, [new AbsencePeriod(D(3, 5), D(3, 8)), new AbsencePeriod(D(3, 7), D(3, 9))]));
    }

    [Fact]
    public void Counting_crosses_a_leap_day_and_a_year_end()
    {
        Assert.Equal(3, TimeLoss.Days(D(2, 27), D(3, 2))); // 28 and 29 February, 1 March
        Assert.Equal(2, TimeLoss.Days(new DateOnly(2023, 2, 27), new DateOnly(2023, 3, 2))); // 28 February, 1 March
        Assert.Equal(4, TimeLoss.Days(new DateOnly(2024, 12, 29), new DateOnly(2025, 1, 3))); // 30, 31 Dec, 1, 2 Jan
    }

    [Fact]
    public void Absences_before_the_onset_or_ending_before_they_begin_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TimeLoss.Days(Monday, D(3, 3)));
        Assert.Throws<ArgumentException>(() => TimeLoss.Days(Monday, [new AbsencePeriod(D(3, 3), D(3, 6))]));
        Assert.Throws<ArgumentException>(() => TimeLoss.Days(Monday, [D(3, 1)]));
        Assert.Throws<ArgumentException>(() => new AbsencePeriod(D(3, 6), D(3, 5)));
    }
}
