namespace HipCheck.Core.Training;

/// <summary>How a logged session went.</summary>
public enum SessionStatus
{
    Done,
    Partly,
    Skipped,
}

/// <summary>A session the runner logged on a day.</summary>
public sealed record LoggedSession(DateOnly Date, SessionStatus Status);

/// <summary>Adherence of one programme week.</summary>
/// <param name="From">First day of the week.</param>
/// <param name="To">Last day of the week (From + 6).</param>
/// <param name="Planned">Sessions planned so far: all of them for a finished week.</param>
/// <param name="AdherencePercent">100 x (done + 0.5 x partly) / planned, capped at 100.</param>
public sealed record WeekAdherence(
    int Week, DateOnly From, DateOnly To, int Planned, int Done, int Partly, int Skipped, double AdherencePercent);

/// <summary>Weekly adherence to a programme.</summary>
public static class Adherence
{
    /// <summary>
    /// One row per programme week that has started by <paramref name="today"/>; weeks not yet started are left out.
    /// A finished week plans <see cref="Programme.SessionsPerWeek"/> sessions. The current week plans the sessions due so
    /// far, spread evenly over its seven days with the first on day 1: ceil(days elapsed x sessions / 7), so at least
    /// one. A done session counts 1, a partly done one 0.5, a skipped one 0; extra sessions cannot lift a week above
    /// 100 %. Sessions outside the programme's weeks or after <paramref name="today"/> are ignored.
    /// </summary>
    public static IReadOnlyList<WeekAdherence> Weekly(Programme programme, IReadOnlyList<LoggedSession> sessions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(sessions);
        var rows = new List<WeekAdherence>();
        for (var week = 1; week <= programme.Weeks; week++)
        {
            var from = programme.WeekStart(week);
            var to = from.AddDays(6);
            if (from > today)
            {
                break;
            }

            var daysElapsed = today >= to ? 7 : today.DayNumber - from.DayNumber + 1;
            var planned = (int)Math.Ceiling(daysElapsed * programme.SessionsPerWeek / 7.0);
            var last = today < to ? today : to;
            var inWeek = sessions.Where(s => s is not null && s.Date >= from && s.Date <= last).ToList();
            var done = inWeek.Count(s => s.Status == SessionStatus.Done);
            var partly = inWeek.Count(s => s.Status == SessionStatus.Partly);
            var skipped = inWeek.Count(s => s.Status == SessionStatus.Skipped);
            var percent = Math.Min(100.0, 100.0 * (done + (0.5 * partly)) / planned);
            rows.Add(new WeekAdherence(week, from, to, planned, done, partly, skipped, percent));
        }

        return rows;
    }
}
