using System.Diagnostics;

namespace HipCheck.Web.Import;

/// <summary>
/// Wall time per phase of one import (read, check, plan, each write step, commit), for `hipcheck import --timings`:
/// where a slow import spends its time, without a profiler. Each mark closes the phase that ran since the last one.
/// </summary>
public sealed class ImportTimings
{
    private readonly List<(string Phase, TimeSpan Elapsed)> phases = [];
    private long last = Stopwatch.GetTimestamp();

    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => phases;

    /// <summary>Restarts the clock without recording (time spent outside the import).</summary>
    public void Restart() => last = Stopwatch.GetTimestamp();

    /// <summary>Records the time since the previous mark as <paramref name="phase"/>.</summary>
    public void Mark(string phase)
    {
        var now = Stopwatch.GetTimestamp();
        phases.Add((phase, Stopwatch.GetElapsedTime(last, now)));
        last = now;
    }
}
