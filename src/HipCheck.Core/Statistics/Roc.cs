using System.Buffers;
using System.Collections;

namespace HipCheck.Core.Statistics;

/// <summary>One cut-off of a ROC curve: a score at or above <paramref name="Threshold"/> is called positive.</summary>
/// <param name="Threshold">The cut-off (+∞ for the point where nobody is called positive).</param>
/// <param name="Sensitivity">True positives / events.</param>
/// <param name="Specificity">True negatives / non-events.</param>
public sealed record RocPoint(double Threshold, double Sensitivity, double Specificity);

/// <summary>An empirical ROC curve with its area and Youden-optimal cut-off.</summary>
/// <param name="Points">One point per distinct score plus the +∞ point, by descending threshold: from
/// (sensitivity 0, specificity 1) to (1, 0).</param>
/// <param name="Auc">Area under the curve.</param>
/// <param name="Youden">The point maximising sensitivity + specificity − 1.</param>
public sealed record RocResult(IReadOnlyList<RocPoint> Points, double Auc, RocPoint Youden);

/// <summary>Empirical ROC analysis of a score against a binary outcome (higher score = more likely an event).</summary>
public static class Roc
{
    /// <summary>
    /// The empirical ROC curve: for each distinct score s, the rule "score ≥ s is positive" gives
    /// sensitivity TP(s)/n₁ and specificity 1 − FP(s)/n₀.
    /// AUC = U/(n₁n₀), U the Mann-Whitney count of (event, non-event) pairs with the event scored higher, ties
    /// counting 1/2; it equals the trapezoidal area under the curve and R's
    /// <c>wilcox.test(score[event], score[!event])$statistic / (n1 * n0)</c> (Hanley and McNeil 1982), computed
    /// exactly in integers. The Youden index J = sensitivity + specificity − 1 (Youden 1950) is maximised over the
    /// distinct scores, compared exactly as TP·n₀ − FP·n₁; among tied maxima the lowest threshold is chosen, the
    /// most sensitive cut-off, since a screening test would rather flag one runner too many than miss one.
    /// </summary>
    /// <remarks>
    /// Without events (or without non-events) sensitivity (specificity) is 0/0: the AUC and the Youden point are
    /// NaN, and the curve's sensitivities (specificities) are NaN. Scores are split by outcome, copied and sorted once
    /// (rented buffers); the points are kept as compact counts and materialised on access, so a 10⁶-row curve does
    /// not allocate 10⁶ objects up front.
    /// </remarks>
    /// <exception cref="ArgumentException">The inputs are empty, differ in length, or a score is not finite.</exception>
    public static RocResult Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> events)
    {
        if (scores.IsEmpty)
        {
            throw new ArgumentException("ROC analysis needs at least one score.", nameof(scores));
        }

        if (scores.Length != events.Length)
        {
            throw new ArgumentException(
                $"Scores and event flags must pair up: {scores.Length} scores, {events.Length} event flags.", nameof(events));
        }

        var buffer = ArrayPool<double>.Shared.Rent(scores.Length);
        try
        {
            int nEvents = 0, nNonEvents = 0;
            for (var i = 0; i < scores.Length; i++)
            {
                var s = scores[i];
                if (!double.IsFinite(s))
                {
                    throw new ArgumentException($"Score {i} is {s}; every score must be a finite number.", nameof(scores));
                }

                // Events fill the buffer from the front, non-events from the back.
                if (events[i])
                {
                    buffer[nEvents++] = s;
                }
                else
                {
                    buffer[scores.Length - 1 - nNonEvents++] = s;
                }
            }

            var positives = buffer.AsSpan(0, nEvents);
            var negatives = buffer.AsSpan(nEvents, nNonEvents);
            positives.Sort();
            negatives.Sort();
            return Walk(positives, negatives);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Walks both sorted samples from the top down, one distinct score at a time.</summary>
    private static RocResult Walk(ReadOnlySpan<double> positives, ReadOnlySpan<double> negatives)
    {
        long n1 = positives.Length, n0 = negatives.Length;
        var distinct = CountDistinct(positives, negatives);
        var counts = new RocCount[distinct + 1];
        counts[0] = new RocCount(double.PositiveInfinity, 0, 0);

        int i = positives.Length - 1, j = negatives.Length - 1, point = 0;
        long twiceU = 0;
        var best = 0;
        var bestScore = long.MinValue;
        while (i >= 0 || j >= 0)
        {
            var value = j < 0 || (i >= 0 && positives[i] >= negatives[j]) ? positives[i] : negatives[j];
            var tpBefore = counts[point].TruePositives;
            var fpBefore = counts[point].FalsePositives;
            var dp = 0;
            while (i >= 0 && positives[i] == value)
            {
                i--;
                dp++;
            }

            var dn = 0;
            while (j >= 0 && negatives[j] == value)
            {
                j--;
                dn++;
            }

            // Each non-event here is outscored by every earlier event and tied with this group's events.
            twiceU += dn * ((2L * tpBefore) + dp);
            counts[++point] = new RocCount(value, tpBefore + dp, fpBefore + dn);

            // J·n₁n₀ = TP·n₀ + TN·n₁ − n₁n₀; ≥ keeps the lowest threshold among ties.
            var score = (counts[point].TruePositives * n0) - (counts[point].FalsePositives * n1);
            if (score >= bestScore)
            {
                bestScore = score;
                best = point;
            }
        }

        var points = new RocPointList(counts, n1, n0);
        var auc = twiceU / (2.0 * n1 * n0);
        var youden = n1 == 0 || n0 == 0 ? new RocPoint(double.NaN, double.NaN, double.NaN) : points[best];
        return new RocResult(points, auc, youden);
    }

    private static int CountDistinct(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int i = 0, j = 0, distinct = 0;
        while (i < a.Length || j < b.Length)
        {
            var value = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.Length && a[i] == value)
            {
                i++;
            }

            while (j < b.Length && b[j] == value)
            {
                j++;
            }

            distinct++;
        }

        return distinct;
    }

    private readonly record struct RocCount(double Threshold, int TruePositives, int FalsePositives);

    /// <summary>The curve as counts; each <see cref="RocPoint"/> is built when read.</summary>
    private sealed class RocPointList(RocCount[] counts, long events, long nonEvents) : IReadOnlyList<RocPoint>
    {
        public int Count => counts.Length;

        public RocPoint this[int index]
        {
            get
            {
                var c = counts[index];
                return new RocPoint(c.Threshold, (double)c.TruePositives / events, (double)(nonEvents - c.FalsePositives) / nonEvents);
            }
        }

        public IEnumerator<RocPoint> GetEnumerator()
        {
            for (var k = 0; k < counts.Length; k++)
            {
                yield return this[k];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
