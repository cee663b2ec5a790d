namespace HipCheck.Core.Studies;

/// <summary>
/// A validated cohort held column by column: one array per CSV column, all of length <see cref="Count"/>,
/// so a million athletes cost a few flat arrays rather than a million objects, and the statistics read
/// contiguous memory. Athlete ids are checked for uniqueness while reading but not kept: no analysis needs them.
/// Optional measurements that were not taken are <see cref="double.NaN"/>.
/// </summary>
public sealed class CohortData
{
    /// <summary>Wraps columns of equal length; the arrays are taken over, not copied.</summary>
    public CohortData(
        bool[] female, double[] bodyMassKg, double[] hipExtLeftN, double[] hipExtRightN, double[] hipAbdLeftN,
        double[] hipAbdRightN, double[] backEnduranceS, double[] followupDays, bool[] lbpEvent, double[] daysToEvent)
    {
        ArgumentNullException.ThrowIfNull(female);
        Count = female.Length;
        foreach (var length in new[]
                 {
                     bodyMassKg.Length, hipExtLeftN.Length, hipExtRightN.Length, hipAbdLeftN.Length, hipAbdRightN.Length,
                     backEnduranceS.Length, followupDays.Length, lbpEvent.Length, daysToEvent.Length,
                 })
        {
            if (length != Count)
            {
                throw new ArgumentException("Every cohort column must have one value per athlete.");
            }
        }

        Female = female;
        BodyMassKg = bodyMassKg;
        HipExtLeftN = hipExtLeftN;
        HipExtRightN = hipExtRightN;
        HipAbdLeftN = hipAbdLeftN;
        HipAbdRightN = hipAbdRightN;
        BackEnduranceS = backEnduranceS;
        FollowupDays = followupDays;
        LbpEvent = lbpEvent;
        DaysToEvent = daysToEvent;
    }

    /// <summary>Number of athletes.</summary>
    public int Count { get; }

    /// <summary>sex = F.</summary>
    public bool[] Female { get; }

    public double[] BodyMassKg { get; }

    public double[] HipExtLeftN { get; }

    public double[] HipExtRightN { get; }

    /// <summary>NaN where not measured.</summary>
    public double[] HipAbdLeftN { get; }

    /// <summary>NaN where not measured.</summary>
    public double[] HipAbdRightN { get; }

    /// <summary>NaN where not measured.</summary>
    public double[] BackEnduranceS { get; }

    public double[] FollowupDays { get; }

    public bool[] LbpEvent { get; }

    /// <summary>Day of the event, or of censoring when there was none.</summary>
    public double[] DaysToEvent { get; }

    /// <summary>Builds the columns from rows (tests and small data sets).</summary>
    public static CohortData FromRows(IReadOnlyList<CohortRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var n = rows.Count;
        var data = new CohortData(new bool[n], new double[n], new double[n], new double[n], new double[n],
            new double[n], new double[n], new double[n], new bool[n], new double[n]);
        for (var i = 0; i < n; i++)
        {
            var r = rows[i];
            data.Female[i] = r.Female;
            data.BodyMassKg[i] = r.BodyMassKg;
            data.HipExtLeftN[i] = r.HipExtLeftN;
            data.HipExtRightN[i] = r.HipExtRightN;
            data.HipAbdLeftN[i] = r.HipAbdLeftN;
            data.HipAbdRightN[i] = r.HipAbdRightN;
            data.BackEnduranceS[i] = r.BackEnduranceS;
            data.FollowupDays[i] = r.FollowupDays;
            data.LbpEvent[i] = r.LbpEvent;
            data.DaysToEvent[i] = r.DaysToEvent;
        }

        return data;
    }
}
