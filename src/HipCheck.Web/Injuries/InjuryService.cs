using HipCheck.Core.Injuries;
using HipCheck.Core.Surveillance;
using HipCheck.Core.Validation;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Studies;
using Microsoft.EntityFrameworkCore;

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
    DateTime UpdatedUtc,
    string Onset,
    string MechanismIoc,
    string? Contact,
    string? Tissue,
    string? Side,
    string? Activity,
    DateOnly? ReturnDate,
    IReadOnlyList<InjuryAbsence> Absences,
    string? Subsequent,
    string? SubsequentSuggested,
    string? EventId)
{
    public static InjuryDocument From(Injury i) => new(
        i.Id, i.AthleteId, InjuryCodes.Code(i.Region), InjuryCodes.Osiics(i.Region), InjuryCodes.Code(i.Diagnosis), i.DiagnosisText,
        i.OnsetDate, InjuryCodes.Code(i.Mechanism), i.NeededTreatment, i.DaysLost, i.CreatedUtc, i.UpdatedUtc,
        IocInjuryCodes.Code(i.Onset), IocInjuryCodes.IocMechanism(i.Mechanism) == InjuryMechanism.Acute ? "acute" : "repetitive",
        i.Contact is { } c ? IocInjuryCodes.Code(c) : null, i.Tissue, i.Side is { } s ? IocInjuryCodes.Code(s) : null,
        i.Activity is { } a ? IocInjuryCodes.Code(a) : null, i.ReturnDate, i.Absences,
        i.Subsequent is { } k ? IocInjuryCodes.Code(k) : null, i.SubsequentSuggested is { } g ? IocInjuryCodes.Code(g) : null, i.EventId);
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
        injury.DaysLost = IocInjuryCodes.TimeLossDays(entry);
        injury.Onset = IocInjuryCodes.TryParseOnset(entry.Onset, out var onsetMode) ? onsetMode : IocInjuryCodes.DefaultOnset(mechanism);
        injury.Contact = IocInjuryCodes.TryParseContact(entry.Contact, out var contact) ? contact : null;
        injury.Tissue = IocInjuryCodes.Tissue(entry.Tissue);
        injury.Side = IocInjuryCodes.TryParseSide(entry.Side, out var side) ? side : null;
        injury.Activity = IocInjuryCodes.TryParseActivity(entry.Activity, out var activity) ? activity : null;
        injury.ReturnDate = entry.ReturnDate;
        injury.Absences = [.. IocInjuryCodes.Periods(entry).Select(p => new InjuryAbsence(p.FirstDayMissed, p.ReturnDate))];
        injury.Subsequent = IocInjuryCodes.TryParseSubsequent(entry.Subsequent, out var kind) ? kind : null;
        injury.EventId = string.IsNullOrWhiteSpace(entry.EventId) ? null : entry.EventId.Trim();
        injury.SubsequentSuggested = (await SuggestAsync(athlete.Id, injury.Id, injury.OnsetDate, region, injury.Tissue, ct)).Kind;
        injury.UpdatedUtc = now;
        if (existing is null)
        {
            db.Injuries.Add(injury);
        }

        await db.SaveChangesAsync(ct);
        return (injury, null);
    }

    /// <summary>
    /// Core's subsequent-injury suggestion (<see cref="SubsequentInjuries.Suggest"/>) against the athlete's other
    /// records. A missing tissue letter never matches: an injury without one is at most local to an earlier one.
    /// </summary>
    public async Task<SubsequentInjurySuggestion> SuggestAsync(Guid athleteId, Guid? excludeId, DateOnly onsetDate, BodyRegion region, string? tissue, CancellationToken ct)
    {
        var earlier = await db.Injuries.AsNoTracking()
            .Where(i => i.AthleteId == athleteId && i.Id != excludeId && i.OnsetDate < onsetDate)
            .Select(i => new { i.OnsetDate, i.Region, i.Tissue, i.Mechanism, i.Onset, i.DaysLost, i.ReturnDate })
            .ToListAsync(ct);
        // Stand-ins for unknown tissue: the current injury's never equals an earlier one's.
        var current = tissue ?? "M";
        var other = current == "M" ? "T" : "M";
        var id = athleteId.ToString();
        var records = earlier.Select(e => new SurveillanceInjury(id, e.OnsetDate, InjuryCodes.Osiics(e.Region),
                tissue is null ? other : e.Tissue ?? other, e.Onset, IocInjuryCodes.IocMechanism(e.Mechanism), e.DaysLost)
            { ReturnDate = e.ReturnDate });
        var probe = new SurveillanceInjury(id, onsetDate, InjuryCodes.Osiics(region), current, InjuryOnset.Gradual, InjuryMechanism.Repetitive, 0);
        return SubsequentInjuries.Suggest(probe, records);
    }
}
