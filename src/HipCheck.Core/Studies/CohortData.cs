namespace HipCheck.Core.Studies;

/// <summary>
/// A validated cohort held column by column: one array per CSV column, so a million athletes cost a few flat
/// arrays rather than a million objects, and the statistics read contiguous memory. Each column is a span of
/// <see cref="Count"/> values over an array that may be longer (the reader sizes its arrays from the file length
/// and does not copy them to trim the slack). Athlete ids are checked for uniqueness while reading but not kept:
/// no analysis needs them. Optional measurements that were not taken are <see cref="double.NaN"/>.
/// </summary>
public sealed class CohortData
{
    private readonly bool[] female;
    private readonly double[] bodyMassKg;
    private readonly double[] hipExtLeftN;
    private readonly double[] hipExtRightN;
    private readonly double[] hipAbdLeftN;
    private readonly double[] hipAbdRightN;
    private readonly double[] backEnduranceS;
    private readonly double[] followupDays;
    private readonly bool[] lbpEvent;
    private readonly double[] daysToEvent;

    /// <summary>Wraps columns holding at least <paramref name="count"/> values each; the arrays are taken over, not copied.</summary>
    public CohortData(
        int count, bool[] female, double[] bodyMassKg, double[] hipExtLeftN, double[] hipExtRightN, double[] hipAbdLeftN,
        double[] hipAbdRightN, double[] backEnduranceS, double[] followupDays, bool[] lbpEvent, double[] daysToEvent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(female);
        ArgumentNullException.ThrowIfNull(lbpEvent);
        foreach (var column in new[] { bodyMassKg, hipExtLeftN, hipExtRightN, hipAbdLeftN, hipAbdRightN, backEnduranceS, followupDays, daysToEvent })
        {
            ArgumentNullException.ThrowIfNull(column);
            if (column.Length < count)
            {
                throw new ArgumentException("Every cohort column must have one value per athlete.");
            }
        }

        if (female.Length < count || lbpEvent.Length < count)
        {
            throw new ArgumentException("Every cohort column must have one value per athlete.");
        }

        Count = count;
        this.female = female;
        this.bodyMassKg = bodyMassKg;
        this.hipExtLeftN = hipExtLeftN;
        this.hipExtRightN = hipExtRightN;
        this.hipAbdLeftN = hipAbdLeftN;
        this.hipAbdRightN = hipAbdRightN;
        this.backEnduranceS = backEnduranceS;
        this.followupDays = followupDays;
        this.lbpEvent = lbpEvent;
        this.daysToEvent = daysToEvent;
    }

    /// <summary>Number of athletes.</summary>
    public int Count { get; }

    /// <summary>sex = F.</summary>
    public ReadOnlySpan<bool> Female => female.AsSpan(0, Count);

    public ReadOnlySpan<double> BodyMassKg => bodyMassKg.AsSpan(0, Count);

    public ReadOnlySpan<double> HipExtLeftN => hipExtLeftN.AsSpan(0, Count);

    public ReadOnlySpan<double> HipExtRightN => hipExtRightN.AsSpan(0, Count);

    /// <summary>NaN where not measured.</summary>
    public ReadOnlySpan<double> HipAbdLeftN => hipAbdLeftN.AsSpan(0, Count);

    /// <summary>NaN where not measured.</summary>
    public ReadOnlySpan<double> HipAbdRightN => hipAbdRightN.AsSpan(0, Count);

    /// <summary>NaN where not measured.</summary>
    public ReadOnlySpan<double> BackEnduranceS => backEnduranceS.AsSpan(0, Count);

    public ReadOnlySpan<double> FollowupDays => followupDays.AsSpan(0, Count);

    public ReadOnlySpan<bool> LbpEvent => lbpEvent.AsSpan(0, Count);

    /// <summary>Day of the event, or of censoring when there was none.</summary>
    public ReadOnlySpan<double> DaysToEvent => daysToEvent.AsSpan(0, Count);

    /// <summary>Athlete <paramref name="i"/> as a row (the id is not kept: it comes back empty).</summary>
    public CohortRow this[int i] => (uint)i < (uint)Count
        ? new CohortRow("", female[i], bodyMassKg[i], hipExtLeftN[i], hipExtRightN[i], hipAbdLeftN[i], hipAbdRightN[i],
            backEnduranceS[i], followupDays[i], lbpEvent[i], daysToEvent[i])
        : throw new ArgumentOutOfRangeException(nameof(i));

    /// <summary>Builds the columns from rows (tests and small data sets).</summary>
    public static CohortData FromRows(IReadOnlyList<CohortRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new CohortData(rows.Count, [.. rows.Select(r => r.Female)], [.. rows.Select(r => r.BodyMassKg)],
            [.. rows.Select(r => r.HipExtLeftN)], [.. rows.Select(r => r.HipExtRightN)], [.. rows.Select(r => r.HipAbdLeftN)],
            [.. rows.Select(r => r.HipAbdRightN)], [.. rows.Select(r => r.BackEnduranceS)], [.. rows.Select(r => r.FollowupDays)],
            [.. rows.Select(r => r.LbpEvent)], [.. rows.Select(r => r.DaysToEvent)]);
    }
}
