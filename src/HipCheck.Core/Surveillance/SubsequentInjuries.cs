namespace HipCheck.Core.Surveillance;

/// <summary>
/// How an injury relates to the athlete's earlier ones (IOC 2020, Bahr et al.; the local and new categories from its
/// Para sport extension).
/// </summary>
public enum SubsequentInjuryKind
{
    /// <summary>The athlete has no earlier injury on record: an index injury.</summary>
    First,

    /// <summary>Same region and tissue as an earlier injury the athlete had returned from.</summary>
    Recurrence,

    /// <summary>Same region and tissue as an earlier injury the athlete had not yet returned from (a worsening).</summary>
    Exacerbation,

    /// <summary>Same region as an earlier injury, different tissue.</summary>
    Local,

    /// <summary>A region with no earlier injury.</summary>
    New,
}

/// <summary>A suggested classification and the earlier injury it refers to (null for first and new).</summary>
public sealed record SubsequentInjurySuggestion(SubsequentInjuryKind Kind, SurveillanceInjury? Index);

/// <summary>
/// Suggests how to classify an injury from the athlete's earlier records. It is a suggestion for the clinician who
/// records the injury: whether the index injury had healed is a clinical judgement, and region plus tissue letters
/// stand in for the full diagnosis.
/// </summary>
public static class SubsequentInjuries
{
    /// <summary>
    /// Earlier records are the same athlete's injuries with an earlier onset (others are ignored). An injury in the
    /// region and tissue of an earlier one is an exacerbation when its onset comes before that injury's return date
    /// (<see cref="SurveillanceInjury.EstimatedReturnDate"/> when none was recorded) and a recurrence from the return
    /// date on. Otherwise the same region makes it local, a region never injured before new. When several earlier
    /// injuries match, the closest relation wins (exacerbation, recurrence, local), then the most recent.
    /// </summary>
    public static SubsequentInjurySuggestion Suggest(SurveillanceInjury injury, IEnumerable<SurveillanceInjury> earlierRecords)
    {
        ArgumentNullException.ThrowIfNull(injury);
        ArgumentNullException.ThrowIfNull(earlierRecords);
        var earlier = earlierRecords
            .Where(e => string.Equals(e.AthleteId, injury.AthleteId, StringComparison.Ordinal) && e.OnsetDate < injury.OnsetDate)
            .OrderByDescending(e => e.OnsetDate)
            .ToList();
        if (earlier.Count == 0)
        {
            return new SubsequentInjurySuggestion(SubsequentInjuryKind.First, null);
        }

        var sameRegion = earlier.Where(e => string.Equals(e.Region, injury.Region, StringComparison.Ordinal)).ToList();
        var sameTissue = sameRegion.Where(e => string.Equals(e.Tissue, injury.Tissue, StringComparison.Ordinal)).ToList();
        if (sameTissue.FirstOrDefault(e => injury.OnsetDate < e.EstimatedReturnDate) is { } unhealed)
        {
            return new SubsequentInjurySuggestion(SubsequentInjuryKind.Exacerbation, unhealed);
        }

        if (sameTissue.Count > 0)
        {
            return new SubsequentInjurySuggestion(SubsequentInjuryKind.Recurrence, sameTissue[0]);
        }

        return sameRegion.Count > 0
            ? new SubsequentInjurySuggestion(SubsequentInjuryKind.Local, sameRegion[0])
            : new SubsequentInjurySuggestion(SubsequentInjuryKind.New, null);
    }
}
