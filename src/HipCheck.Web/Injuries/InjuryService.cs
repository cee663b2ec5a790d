using HipCheck.Core.Injuries;
using HipCheck.Core.Validation;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Studies;

namespace HipCheck.Web.Injuries;

public sealed record InjuryDocument(
    Guid Id,
    Guid AthleteId,
    string Region,
    string RegionOsiics,
    string Diagnosis,
    string? DiagnosisText,
    DateOnly OnsetDate,
    string Mechanism,
    bool NeededTreatment,
    int DaysLost,
    DateTime CreatedUtc,
    DateTime UpdatedUtc)
{
    public static InjuryDocument From(Injury i) => new(
        i.Id, i.AthleteId, InjuryCodes.Code(i.Region), InjuryCodes.Osiics(i.Region), InjuryCodes.Code(i.Diagnosis), i.DiagnosisText,
        i.OnsetDate, InjuryCodes.Code(i.Mechanism), i.NeededTreatment, i.DaysLost, i.CreatedUtc, i.UpdatedUtc);
}

/// <summary>Validates and stores injuries for the API and the pages alike.</summary>
public sealed class InjuryService(HipCheckDb db, StudyLocks locks, TimeProvider clock)
{
    public IReadOnlyList<FieldError> Validate(Athlete athlete, InjuryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        return InjuryCodes.Validate(entry, athlete.BirthDate, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// Stores a new injury (validated by the caller) or updates an existing one, unless a study's data lock covers
    /// its onset: then nothing changes and the refusal (recorded in the study's audit) is returned.
    /// </summary>
    public async Task<(Injury? Injury, string? Refusal)> SaveAsync(Athlete athlete, InjuryEntry entry, string userId, Injury? existing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var onset in new[] { entry.OnsetDate, existing?.OnsetDate }.OfType<DateOnly>().Distinct())
        {
            if (await locks.CheckInjuryAsync(athlete.Id, onset, userId, ct) is { } refusal)
            {
                return (null, refusal);
            }
        }

        if (!InjuryCodes.TryParseRegion(entry.Region, out var region)
            || !InjuryCodes.TryParseDiagnosis(entry.Diagnosis, out var diagnosis)
            || !InjuryCodes.TryParseMechanism(entry.Mechanism, out var mechanism))
        {
            throw new ArgumentException("Validate the injury before saving it.", nameof(entry));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var injury = existing ?? new Injury { Id = Guid.CreateVersion7(), AthleteId = athlete.Id, RecordedByUserId = userId, CreatedUtc = now };
        injury.Region = region;
        injury.Diagnosis = diagnosis;
        injury.DiagnosisText = string.IsNullOrWhiteSpace(entry.DiagnosisText) ? null : entry.DiagnosisText.Trim();
        injury.OnsetDate = entry.OnsetDate!.Value;
        injury.Mechanism = mechanism;
        injury.NeededTreatment = entry.NeededTreatment!.Value;
        injury.DaysLost = entry.DaysLost!.Value;
        injury.UpdatedUtc = now;
        if (existing is null)
        {
            db.Injuries.Add(injury);
        }

        await db.SaveChangesAsync(ct);
        return (injury, null);
    }
}
