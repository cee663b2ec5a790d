namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>
/// A clock a test sets and moves by hand (Microsoft.Extensions.TimeProvider.Testing is not referenced).
/// Put it into the app with <c>new HipCheckApp { Clock = clock }</c>: every service that asks DI for
/// <see cref="TimeProvider"/> (studies, screenings, injuries, validation of "today") then reads it.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    /// <summary>Noon UTC on the given day, so "today" is the same day in UTC whatever the hour of the run.</summary>
    public TestClock(DateOnly today)
        : this(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))
    {
    }

    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public void AdvanceDays(int days) => Advance(TimeSpan.FromDays(days));

    public void Set(DateTimeOffset value)
    {
        lock (gate)
        {
            now = value;
        }
    }
}
