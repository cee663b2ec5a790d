namespace HipCheck.Core.Surveillance;

/// <summary>
/// One stretch of absence: from the first day missed up to, not including, the day the athlete was back in full
/// training or competition. <see cref="ReturnDate"/> equal to <see cref="FirstDayMissed"/> is an empty period.
/// </summary>
public readonly record struct AbsencePeriod
{
    public AbsencePeriod(DateOnly firstDayMissed, DateOnly returnDate)
    {
        if (returnDate < firstDayMissed)
        {
            throw new ArgumentException($"The return date {returnDate:yyyy-MM-dd} is before the first day missed {firstDayMissed:yyyy-MM-dd}.", nameof(returnDate));
        }

        FirstDayMissed = firstDayMissed;
        ReturnDate = returnDate;
    }

    public DateOnly FirstDayMissed { get; }

    public DateOnly ReturnDate { get; }
}

/// <summary>
/// Days of time loss as the IOC consensus counts them (Bahr et al., Br J Sports Med 2020;54:372-389; DOMAIN.md):
/// the day of onset is day zero and never counts, so an athlete back the same day (or the next) lost 0 days, and one
/// hurt on a Monday and back in full training the next Monday lost 6 (Tuesday to Sunday). The count starts at the
/// first day actually missed (a gradual-onset injury may be trained through for a while), and with intermittent
/// absences only the days missed count, each calendar day once.
/// </summary>
public static class TimeLoss
{
    /// <summary>Days lost from onset to the return to full participation, with no day of training in between.</summary>
    public static int Days(DateOnly onsetDate, DateOnly returnDate)
    {
        if (returnDate < onsetDate)
        {
            throw new ArgumentException($"The return date {returnDate:yyyy-MM-dd} is before the onset {onsetDate:yyyy-MM-dd}.", nameof(returnDate));
        }

        return Math.Max(0, returnDate.DayNumber - onsetDate.DayNumber - 1);
    }

    /// <summary>Days lost over one or more absences (intermittent absences: only the days missed count).</summary>
    /// <exception cref="ArgumentException">An absence begins before the onset.</exception>
    public static int Days(DateOnly onsetDate, IEnumerable<AbsencePeriod> absences)
    {
        ArgumentNullException.ThrowIfNull(absences);
        var missed = new HashSet<int>();
        foreach (var period in absences)
        {
            if (period.FirstDayMissed < onsetDate)
            {
                throw new ArgumentException($"An absence begins on {period.FirstDayMissed:yyyy-MM-dd}, before the onset {onsetDate:yyyy-MM-dd}.", nameof(absences));
            }

            for (var day = Math.Max(period.FirstDayMissed.DayNumber, onsetDate.DayNumber + 1); day < period.ReturnDate.DayNumber; day++)
            {
                missed.Add(day);
            }
        }

        return missed.Count;
    }

    /// <summary>Days lost given the individual days missed (each counted once; the onset day is day zero).</summary>
    /// <exception cref="ArgumentException">A day missed is before the onset.</exception>
    public static int Days(DateOnly onsetDate, IEnumerable<DateOnly> daysMissed)
    {
        ArgumentNullException.ThrowIfNull(daysMissed);
        var missed = new HashSet<DateOnly>();
        foreach (var day in daysMissed)
        {
            if (day < onsetDate)
            {
                throw new ArgumentException($"A day missed, {day:yyyy-MM-dd}, is before the onset {onsetDate:yyyy-MM-dd}.", nameof(daysMissed));
            }

            if (day > onsetDate)
            {
                missed.Add(day);
            }
        }

        return missed.Count;
    }
}
