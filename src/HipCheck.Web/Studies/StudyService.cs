using System.Security.Cryptography;
using HipCheck.Core.Studies;
using HipCheck.Core.Surveillance;
using HipCheck.Core.Validation;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Studies;

public sealed record StudyRequest(
    string? Title,
    string? Design,
    string? EventCode,
    DateOnly? BaselineStart,
    DateOnly? BaselineEnd,
    int? FollowUpDays,
    double? ExposureThresholdPercent);

/// <param name="RetainOnWithdrawal">The consent form says data already collected may be kept after withdrawal (default no).</param>
public sealed record EnrolRequest(Guid? AthleteId, bool? ConsentGiven, DateOnly? ConsentDate, bool? RetainOnWithdrawal = null);

public sealed record StudyDocument(
    Guid Id,
    string Title,
    string Design,
    string EventCode,
    string EventName,
    DateOnly BaselineStart,
    DateOnly BaselineEnd,
    int FollowUpDays,
    double ExposureThresholdPercent,
    string Status,
    DateOnly? FollowUpStart,
    DateTime? BaselineLockedUtc,
    DateTime? DataLockedUtc,
    int Enrolled,
    DateTime CreatedUtc);

public sealed record EnrolmentDocument(Guid AthleteId, string Code, string Name, DateOnly ConsentDate, DateTime EnrolledUtc, DateTime? WithdrawnUtc, bool RetainOnWithdrawal);

public sealed record StudyAuditDocument(DateTime Utc, string UserId, string Action, string Detail);

/// <summary>The outcome of a change a study may refuse.</summary>
public enum StudyChange
{
    Done,
    Invalid,
    Locked,
    NotFound,
}

/// <summary>Creates studies, enrols athletes with their consent, and locks baseline and data.</summary>
public sealed class StudyService(HipCheckDb db, StudyLocks locks, TimeProvider clock)
{
    public const int MinFollowUpDays = 7, MaxFollowUpDays = 1095, MaxBaselineWindowDays = 366;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static string DesignCode(StudyDesign design) =>
        design == StudyDesign.ProspectiveCohort ? "prospective-cohort" : "retrospective-case-control";

    public static bool TryParseDesign(string? code, out StudyDesign design)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "PROSPECTIVE-COHORT":
                design = StudyDesign.ProspectiveCohort;
                return true;
            case "RETROSPECTIVE-CASE-CONTROL":
                design = StudyDesign.RetrospectiveCaseControl;
                return true;
            default:
                design = default;
                return false;
        }
    }

    private static StudyDesign ParseValidDesign(string? code) =>
        TryParseDesign(code, out var design) ? design : throw new ArgumentException("Validate the request first.", nameof(code));

    public static string Status(Study s) =>
        s.DataLockedUtc is not null ? "data-locked" : s.BaselineLockedUtc is not null ? "follow-up" : "set-up";

    public IQueryable<Study> OwnedBy(string userId) => db.Studies.Where(s => s.OwnerUserId == userId);

    public async Task<StudyDocument> DocumentAsync(Study s, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(s);
        var enrolled = await db.Enrolments.CountAsync(e => e.StudyId == s.Id && e.WithdrawnUtc == null, ct);
        return new StudyDocument(s.Id, s.Title, DesignCode(s.Design), s.EventCode, EventDefinitions.Find(s.EventCode)?.Name ?? s.EventCode,
            s.BaselineStart, s.BaselineEnd, s.FollowUpDays, s.ExposureThresholdPercent, Status(s), s.FollowUpStart,
            s.BaselineLockedUtc, s.DataLockedUtc, enrolled, s.CreatedUtc);
    }

    public static IReadOnlyList<FieldError> Validate(StudyRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(r.Title))
        {
            errors.Add("title", "Give the study a title.");
        }
        else if (r.Title.Trim().Length > Study.TitleMaxLength)
        {
            errors.Add("title", $"The title can be at most {Study.TitleMaxLength} characters.");
        }

        if (!TryParseDesign(r.Design, out _))
        {
            errors.Add("design", "Choose prospective-cohort or retrospective-case-control.");
        }

        if (EventDefinitions.Find(r.EventCode) is null)
        {
            errors.Add("eventCode", $"Choose the event: {string.Join(", ", EventDefinitions.All.Select(e => e.Code))}.");
        }

        if (r.BaselineStart is not { } start)
        {
            errors.Add("baselineStart", "Enter the first day of the baseline screening window.");
        }

        if (r.BaselineEnd is not { } end)
        {
            errors.Add("baselineEnd", "Enter the last day of the baseline screening window.");
        }
        else if (r.BaselineStart is { } s && end < s)
        {
            errors.Add("baselineEnd", "The baseline window ends before it starts.");
        }
        else if (r.BaselineStart is { } s2 && end.DayNumber - s2.DayNumber > MaxBaselineWindowDays)
        {
            errors.Add("baselineEnd", "A baseline window of more than a year would mix seasons: shorten it.");
        }

        if (r.FollowUpDays is not { } days || days < MinFollowUpDays || days > MaxFollowUpDays)
        {
            errors.Add("followUpDays", $"Follow-up must be between {MinFollowUpDays} and {MaxFollowUpDays} days.");
        }

        if (r.ExposureThresholdPercent is { } t && (!double.IsFinite(t) || t <= 0 || t >= 100))
        {
            errors.Add("exposureThresholdPercent", "The exposure threshold is an asymmetry % above 0 and below 100.");
        }

        return errors.All;
    }

    public async Task<(Study? Study, IReadOnlyList<FieldError> Errors)> CreateAsync(string userId, StudyRequest request, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var design = ParseValidDesign(request.Design);
        var study = new Study
        {
            Id = Guid.CreateVersion7(),
            Title = request.Title!.Trim(),
            Design = design,
            OwnerUserId = userId,
            EventCode = EventDefinitions.Find(request.EventCode)!.Code,
            BaselineStart = request.BaselineStart!.Value,
            BaselineEnd = request.BaselineEnd!.Value,
            FollowUpDays = request.FollowUpDays!.Value,
            ExposureThresholdPercent = request.ExposureThresholdPercent ?? 15,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Studies.Add(study);
        Audit(study.Id, userId, "created", $"Study '{study.Title}' created: event {study.EventCode}, baseline {study.BaselineStart:yyyy-MM-dd} to {study.BaselineEnd:yyyy-MM-dd}, follow-up {study.FollowUpDays} days.");
        await db.SaveChangesAsync(ct);
        return (study, []);
    }

    /// <summary>Changes the study's definition; refused (and recorded) once the baseline is locked.</summary>
    public async Task<(StudyChange Outcome, IReadOnlyList<FieldError> Errors, string? Problem)> UpdateAsync(string userId, Study study, StudyRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.BaselineLocked)
        {
            var problem = await locks.RefuseAsync(study, userId, "Attempt to change the study definition after the baseline lock.", ct);
            return (StudyChange.Locked, [], problem);
        }

        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return (StudyChange.Invalid, errors, null);
        }

        var design = ParseValidDesign(request.Design);
        study.Title = request.Title!.Trim();
        study.Design = design;
        study.EventCode = EventDefinitions.Find(request.EventCode)!.Code;
        study.BaselineStart = request.BaselineStart!.Value;
        study.BaselineEnd = request.BaselineEnd!.Value;
        study.FollowUpDays = request.FollowUpDays!.Value;
        study.ExposureThresholdPercent = request.ExposureThresholdPercent ?? study.ExposureThresholdPercent;
        Audit(study.Id, userId, "changed", "Study definition changed before the baseline lock.");
        await db.SaveChangesAsync(ct);
        return (StudyChange.Done, [], null);
    }

    /// <summary>Enrols an athlete the researcher can see, with consent; refused after the baseline lock.</summary>
    public async Task<(StudyChange Outcome, IReadOnlyList<FieldError> Errors, string? Problem)> EnrolAsync(string userId, Study study, EnrolRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(request);
        if (study.BaselineLocked)
        {
            // Any enrolment attempt after the lock is refused and recorded, however complete the request.
            var refusal = await locks.RefuseAsync(study, userId, $"Attempt to enrol athlete {request.AthleteId} after the baseline lock.", ct);
            return (StudyChange.Locked, [], refusal);
        }

        var errors = new FieldErrors();
        if (request.ConsentGiven is not true)
        {
            errors.Add("consentGiven", "An athlete can only be enrolled after giving informed consent: confirm that it was recorded.");
        }

        if (request.ConsentDate is not { } consentDate)
        {
            errors.Add("consentDate", "Enter the date consent was given.");
        }
        else if (consentDate > Today.AddDays(1))
        {
            errors.Add("consentDate", "The consent date cannot be in the future.");
        }

        Athlete? athlete = null;
        if (request.AthleteId is not { } athleteId)
        {
            errors.Add("athleteId", "Choose the athlete to enrol.");
        }
        else
        {
            athlete = await db.VisibleTo(userId).AsNoTracking().FirstOrDefaultAsync(a => a.Id == athleteId, ct);
            if (athlete is null)
            {
                errors.Add("athleteId", "No athlete of yours has this id.");
            }
            else if (await db.Enrolments.AnyAsync(e => e.StudyId == study.Id && e.AthleteId == athleteId, ct))
            {
                errors.Add("athleteId", "This athlete is already enrolled.");
            }
        }

        if (!errors.IsValid)
        {
            return (StudyChange.Invalid, errors.All, null);
        }

        db.Enrolments.Add(new Enrolment
        {
            StudyId = study.Id,
            AthleteId = athlete!.Id,
            Code = NewCode(),
            ConsentDate = request.ConsentDate!.Value,
            ConsentRecordedByUserId = userId,
            RetainOnWithdrawal = request.RetainOnWithdrawal ?? false,
            EnrolledUtc = clock.GetUtcNow().UtcDateTime,
        });
        Audit(study.Id, userId, "enrolled", $"Athlete {athlete.Id} enrolled; consent dated {request.ConsentDate:yyyy-MM-dd}.");
        await db.SaveChangesAsync(ct);
        return (StudyChange.Done, [], null);
    }

    /// <summary>
    /// Withdraws an athlete (consent withdrawn). Always allowed, also after a lock: consent can be withdrawn at any
    /// time. The athlete is left out of analyses from then on, and the withdrawal is recorded.
    /// </summary>
    public async Task<StudyChange> WithdrawAsync(string userId, Study study, Guid athleteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.StudyId == study.Id && e.AthleteId == athleteId && e.WithdrawnUtc == null, ct);
        if (enrolment is null)
        {
            return StudyChange.NotFound;
        }

        enrolment.WithdrawnUtc = clock.GetUtcNow().UtcDateTime;
        Audit(study.Id, userId, "withdrawn", $"Athlete {athleteId} ({enrolment.Code}) withdrawn from the study.");
        await db.SaveChangesAsync(ct);
        return StudyChange.Done;
    }

    /// <summary>Locks the baseline: follow-up starts today and baseline data can no longer change.</summary>
    public async Task<(StudyChange Outcome, string? Problem)> LockBaselineAsync(string userId, Study study, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.BaselineLocked)
        {
            return (StudyChange.Invalid, "The baseline is already locked.");
        }

        if (Today < study.BaselineStart)
        {
            return (StudyChange.Invalid, "The baseline window has not started yet.");
        }

        if (!await db.Enrolments.AnyAsync(e => e.StudyId == study.Id && e.WithdrawnUtc == null, ct))
        {
            return (StudyChange.Invalid, "Enrol at least one athlete before locking the baseline.");
        }

        study.BaselineLockedUtc = clock.GetUtcNow().UtcDateTime;
        study.FollowUpStart = Today;
        Audit(study.Id, userId, "baseline-locked", $"Baseline locked; follow-up starts {Today:yyyy-MM-dd} for {study.FollowUpDays} days.");
        await db.SaveChangesAsync(ct);
        return (StudyChange.Done, null);
    }

    /// <summary>Locks all data for the final analysis.</summary>
    public async Task<(StudyChange Outcome, string? Problem)> LockDataAsync(string userId, Study study, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (!study.BaselineLocked)
        {
            return (StudyChange.Invalid, "Lock the baseline first.");
        }

        if (study.DataLockedUtc is not null)
        {
            return (StudyChange.Invalid, "The data are already locked.");
        }

        study.DataLockedUtc = clock.GetUtcNow().UtcDateTime;
        Audit(study.Id, userId, "data-locked", "All study data locked for the final analysis.");
        await db.SaveChangesAsync(ct);
        return (StudyChange.Done, null);
    }

    /// <summary>The OSTRC wording in force for the study: its own, or the shipped one.</summary>
    public static OstrcInstrument InstrumentOf(Study study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.InstrumentJson is { } json ? OstrcInstrument.Parse(json) : OstrcInstrument.Default;
    }

    /// <summary>
    /// Sets the study's own OSTRC wording (<paramref name="json"/> validated by <see cref="OstrcInstrument.Parse"/>) or,
    /// with null, returns to the shipped wording. Only the wording changes: items and scores are fixed in Core.
    /// Refused (and recorded) after the data lock.
    /// </summary>
    public async Task<(StudyChange Outcome, IReadOnlyList<string> Problems, string? Problem)> SetInstrumentAsync(
        string userId, Study study, string? json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.DataLockedUtc is not null)
        {
            var refusal = await locks.RefuseAsync(study, userId, "Attempt to change the questionnaire wording after the data lock.", ct);
            return (StudyChange.Locked, [], refusal);
        }

        OstrcInstrument? instrument = null;
        if (json is not null)
        {
            try
            {
                instrument = OstrcInstrument.Parse(json);
            }
            catch (InvalidInstrumentException e)
            {
                return (StudyChange.Invalid, e.Problems, null);
            }
        }

        study.InstrumentJson = json;
        Audit(study.Id, userId, instrument is null ? "instrument-reset" : "instrument-set", instrument is null
            ? "Check-ins use the shipped OSTRC wording again."
            : $"Study OSTRC wording set: version {instrument.Version}, language {instrument.Language}, {instrument.Areas.Count} areas.");
        await db.SaveChangesAsync(ct);
        return (StudyChange.Done, [], null);
    }

    private void Audit(Guid studyId, string userId, string action, string detail) =>
        db.StudyAudit.Add(new StudyAuditEntry { StudyId = studyId, UserId = userId, Utc = clock.GetUtcNow().UtcDateTime, Action = action, Detail = detail });

    /// <summary>A random code such as "HC-7F3K2Q9M" (no I, O, 0, 1 to avoid misreading).</summary>
    private static string NewCode()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return $"HC-{code}";
    }
}
