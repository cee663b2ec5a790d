namespace HipCheck.Core.Statistics.Internal;

/// <summary>What a rank test needs from the mid-ranks of two pooled samples.</summary>
/// <param name="FirstRankSum">Sum of the mid-ranks (1-based, ties averaged) of the first sample's values.</param>
/// <param name="TieCorrection">Σ (t³ − t) over groups of t tied values in the pooled sample.</param>
internal readonly record struct RankSummary(double FirstRankSum, double TieCorrection)
{
    public bool HasTies => TieCorrection > 0;
}

/// <summary>
/// Mid-ranks of two pooled samples without materialising the ranks: each sample is sorted once (a pooled copy
/// from the shared array pool) and the two sorted runs are merged, one tie group at a time. O(n log n) time,
/// no allocation beyond the rented buffers.
/// </summary>
internal static class MergedRanks
{
    /// <summary>Rank summary of <paramref name="first"/> within first ∪ second; inputs are left untouched.</summary>
    public static RankSummary Summarise(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(first.Length + second.Length);
        try
        {
            var a = buffer.AsSpan(0, first.Length);
            var b = buffer.AsSpan(first.Length, second.Length);
            first.CopyTo(a);
            second.CopyTo(b);
            a.Sort();
            b.Sort();
            return SummariseSorted(a, b);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>As <see cref="Summarise"/> for samples already sorted ascending.</summary>
    public static RankSummary SummariseSorted(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        int i = 0, j = 0;
        long below = 0;
        double rankSum = 0, ties = 0;
        while (i < first.Length || j < second.Length)
        {
            var value = j >= second.Length || (i < first.Length && first[i] <= second[j]) ? first[i] : second[j];
            var inFirst = 0;
            while (i < first.Length && first[i] == value)
            {
                i++;
                inFirst++;
            }

            var inSecond = 0;
            while (j < second.Length && second[j] == value)
            {
                j++;
                inSecond++;
            }

            double t = inFirst + inSecond;
            // The group occupies ranks below+1 .. below+t; each member gets their mean. Exact: half-integers < 2^53.
            rankSum += inFirst * (below + ((t + 1) / 2));
            ties += (t * t * t) - t;
            below += inFirst + inSecond;
        }

        return new RankSummary(rankSum, ties);
    }
}
