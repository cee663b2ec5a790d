using HipCheck.Core.Athletes;

namespace HipCheck.Web.Reports;

/// <summary>
/// Everything a screening's report depends on apart from its trials and the evidence catalogue, read with the
/// visibility check in one round trip (<see cref="ScreeningReporter"/>). A cached report is served only when these
/// inputs, read again for the request, equal the ones it was built from: that holds across instances with no
/// invalidation message, since every request asks the database.
/// </summary>
public sealed class ReportInputs
{
    public Guid ScreeningId { get; init; }

    public Guid AthleteId { get; init; }

    public DateOnly Date { get; init; }

    public double BodyMassKg { get; init; }

    /// <summary>
    /// Stored tests are never changed or removed one by one, but a re-import adds missing tests to the screening it
    /// stored before (the bulk writers' ON CONFLICT path): the count tells a cached report it is missing one.
    /// </summary>
    public int TestCount { get; init; }

    public required string AthleteName { get; init; }

    public Sex Sex { get; init; }

    public DateOnly BirthDate { get; init; }

    /// <summary>The organisation of the athlete's team; null for a runner's own profile or a team in none.</summary>
    public string? OrganisationName { get; init; }

    /// <summary>The organisation's thresholds, ordered by rule id (ordinal).</summary>
    public required List<RuleThreshold> Thresholds { get; init; }

    public IReadOnlyDictionary<string, double> Overrides() => Thresholds.ToDictionary(t => t.RuleId, t => t.Threshold, StringComparer.Ordinal);

    /// <summary>The organisation named as the source of the thresholds, only when it set any.</summary>
    public string? ThresholdsFrom => Thresholds.Count > 0 ? OrganisationName : null;

    public bool SameAs(ReportInputs other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ScreeningId == other.ScreeningId
            && AthleteId == other.AthleteId
            && Date == other.Date
            && BodyMassKg.Equals(other.BodyMassKg)
            && TestCount == other.TestCount
            && AthleteName == other.AthleteName
            && Sex == other.Sex
            && BirthDate == other.BirthDate
            && OrganisationName == other.OrganisationName
            && Thresholds.SequenceEqual(other.Thresholds);
    }
}

public sealed record RuleThreshold(string RuleId, double Threshold);
