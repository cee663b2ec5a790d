using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Validation;
using HipCheck.Web.Athletes;
using HipCheck.Web.Studies;

namespace HipCheck.Web.Screenings;

/// <summary>What a tester submits for one screening (API body and form alike).</summary>
/// <param name="Date">Day of the screening.</param>
/// <param name="BodyMassKg">Body mass on the day; the athlete's current mass when omitted.</param>
/// <param name="Tests">The tests performed.</param>
public sealed record ScreeningRequest(DateOnly? Date, double? BodyMassKg, IReadOnlyList<TestEntry?>? Tests);

/// <summary>Validates and stores a screening in one transaction: all of it or nothing.</summary>
public sealed class ScreeningRecorder(StudyLocks locks, ScreeningGroupCommit commits, TimeProvider clock)
{
    /// <summary>
    /// A date may be "tomorrow" in UTC terms: somewhere on Earth (UTC+14) it is already that day.
    /// Anything later is in the future for every tester.
    /// </summary>
    public DateOnly LatestAllowedDate => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(1);

    public IReadOnlyList<FieldError> Validate(ScreeningSubject athlete, ScreeningRequest request)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        if (request.Date is not { } date)
        {
            errors.Add("date", "Enter the screening date (YYYY-MM-DD).");
        }
        else if (date > LatestAllowedDate)
        {
            errors.Add("date", "The screening date cannot be in the future.");
        }
        else if (date < athlete.BirthDate)
        {
            errors.Add("date", "The screening date is before the athlete's birth date.");
        }

        if (request.BodyMassKg is { } mass
            && (!double.IsFinite(mass) || mass < AthleteProfile.MinBodyMassKg || mass > AthleteProfile.MaxBodyMassKg))
        {
            errors.Add("bodyMassKg", $"Body mass must be between {AthleteProfile.MinBodyMassKg} and {AthleteProfile.MaxBodyMassKg} kg.");
        }

        errors.AddRange(ScreeningEvaluator.Validate(request.Tests));
        return errors.All;
    }

    /// <summary>
    /// Stores a request that <see cref="Validate"/> accepted, unless a study has locked this athlete's baseline
    /// window: then nothing is stored and the refusal (already recorded in the study's audit) is returned.
    /// <see cref="ScreeningSubject.BaselineLocked"/> false (read with the athlete) skips the lock lookup.
    /// </summary>
    public async Task<(Screening? Screening, string? Refusal)> RecordAsync(ScreeningSubject athlete, ScreeningRequest request, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(request);
        if (athlete.BaselineLocked && await locks.CheckScreeningAsync(athlete.Id, request.Date!.Value, userId, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        var screening = new Screening
        {
            Id = Guid.CreateVersion7(),
            AthleteId = athlete.Id,
            Date = request.Date!.Value,
            BodyMassKg = request.BodyMassKg ?? athlete.BodyMassKg,
            CreatedByUserId = userId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };

        foreach (var entry in request.Tests!)
        {
            var definition = TestCatalogue.Find(entry!.Test)!;
            var unit = definition.Kind == MeasureKind.Force && ForceUnits.TryParse(entry.Unit, out var u) ? u : (ForceUnit?)null;
            List<double> ToBase(IReadOnlyList<double>? trials) =>
                trials is null ? [] : trials.Select(v => unit is { } f ? ForceUnits.ToNewtons(v, f) : v).ToList();

            screening.Tests.Add(new ScreeningTest
            {
                Id = Guid.CreateVersion7(),
                ScreeningId = screening.Id,
                TestCode = definition.Code,
                EnteredUnit = unit is { } eu ? ForceUnits.Symbol(eu) : null,
                LeverArmM = entry.LeverArmM,
                Seconds = definition.Sided ? null : entry.Seconds,
                LeftTrials = definition.Sided ? ToBase(entry.Left) : [],
                RightTrials = definition.Sided ? ToBase(entry.Right) : [],
            });
        }

        // Evaluate before saving: a screening whose results cannot be computed is never stored.
        _ = ScreeningDocuments.Evaluate(screening);
        // Committed together with the screenings of concurrent requests (one fsync for all), acknowledged after.
        await commits.SaveAsync(screening, cancellationToken);
        return (screening, null);
    }
}
