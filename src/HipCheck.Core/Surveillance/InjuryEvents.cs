namespace HipCheck.Core.Surveillance;

/// <summary>
/// One injury event: the injuries one incident caused to one athlete. It counts once for incidence and carries the
/// severity (time loss) and region of its worst injury (IOC 2020).
/// </summary>
public sealed record InjuryEvent(string AthleteId, string? EventId, SurveillanceInjury Worst, IReadOnlyList<SurveillanceInjury> Injuries)
{
    public int TimeLossDays => Worst.TimeLossDays;

    public string Region => Worst.Region;
}

/// <summary>Groups injury records into events: the unit of incidence.</summary>
public static class InjuryEvents
{
    /// <summary>
    /// Records of the same athlete with the same <see cref="SurveillanceInjury.EventId"/> form one event; a record
    /// without an event id is an event of its own. The worst injury is the one with most days of time loss (the first
    /// listed on a tie). Events keep the order of their first record.
    /// </summary>
    public static IReadOnlyList<InjuryEvent> Group(IEnumerable<SurveillanceInjury> injuries)
    {
        ArgumentNullException.ThrowIfNull(injuries);
        var events = new List<List<SurveillanceInjury>>();
        var byKey = new Dictionary<(string, string), List<SurveillanceInjury>>();
        foreach (var injury in injuries)
        {
            if (injury.EventId is null)
            {
                events.Add([injury]);
            }
            else if (byKey.TryGetValue((injury.AthleteId, injury.EventId), out var group))
            {
                group.Add(injury);
            }
            else
            {
                group = [injury];
                byKey.Add((injury.AthleteId, injury.EventId), group);
                events.Add(group);
            }
        }

        return [.. events.Select(g => new InjuryEvent(g[0].AthleteId, g[0].EventId, Worst(g), g))];
    }

    private static SurveillanceInjury Worst(List<SurveillanceInjury> group)
    {
        var worst = group[0];
        foreach (var injury in group)
        {
            if (injury.TimeLossDays > worst.TimeLossDays)
            {
                worst = injury;
            }
        }

        return worst;
    }
}
