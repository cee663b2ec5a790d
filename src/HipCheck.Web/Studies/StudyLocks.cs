using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Studies;

/// <summary>
/// Guards locked study data (REDCap-style record locking): after a study's baseline lock, its enrolled
/// athletes' baseline screenings and baseline facts (sex, birth date) cannot change; after the data lock,
/// their follow-up injuries cannot either. Every refused attempt is written to the study's audit trail.
/// </summary>
public sealed class StudyLocks(HipCheckDb db, TimeProvider clock)
{
    /// <summary>Why a new screening of this athlete on this date is refused, or null when it is allowed.</summary>
    public async Task<string?> CheckScreeningAsync(Guid athleteId, DateOnly date, string userId, CancellationToken ct)
    {
        var study = await LockedStudiesOf(athleteId)
            .FirstOrDefaultAsync(s => date >= s.BaselineStart && date <= s.BaselineEnd, ct);
        return study is null
            ? null
            : await RefuseAsync(study, userId, $"Attempt to add a screening dated {date:yyyy-MM-dd} for athlete {athleteId} inside the locked baseline window.", ct);
    }

    /// <summary>Why changing an athlete's sex or birth date is refused, or null.</summary>
    public async Task<string?> CheckBaselineFactsAsync(Guid athleteId, string userId, CancellationToken ct)
    {
        var study = await LockedStudiesOf(athleteId).FirstOrDefaultAsync(ct);
        return study is null
            ? null
            : await RefuseAsync(study, userId, $"Attempt to change the sex or birth date of athlete {athleteId} after the baseline lock.", ct);
    }

    /// <summary>Why recording or changing an injury with this onset is refused (data lock), or null.</summary>
    public async Task<string?> CheckInjuryAsync(Guid athleteId, DateOnly onset, string userId, CancellationToken ct)
    {
        // Only the study's own follow-up period is locked: later injuries belong to no study and stay recordable.
        var candidates = await LockedStudiesOf(athleteId).Where(s => s.DataLockedUtc != null && s.FollowUpStart <= onset).ToListAsync(ct);
        var study = candidates.FirstOrDefault(s => onset <= s.FollowUpStart!.Value.AddDays(s.FollowUpDays));
        return study is null
            ? null
            : await RefuseAsync(study, userId, $"Attempt to record or change an injury with onset {onset:yyyy-MM-dd} for athlete {athleteId} after the data lock.", ct);
    }

    /// <summary>Records a refused change and returns the message for the user.</summary>
    public async Task<string> RefuseAsync(Study study, string userId, string detail, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);

        // A separate, immediate write: the refused change itself is never saved, but the attempt always is.
        db.StudyAudit.Add(new StudyAuditEntry { StudyId = study.Id, UserId = userId, Utc = clock.GetUtcNow().UtcDateTime, Action = "lock-violation", Detail = detail });
        await db.SaveChangesAsync(ct);
        return $"Refused: the data of the study '{study.Title}' are locked. The attempt has been recorded.";
    }

    /// <summary>
    /// Whether any study has locked the baseline of the athlete row aliased <paramref name="athlete"/>, in SQL for
    /// the screening POST's prepared read (<see cref="HipCheck.Web.Screenings.ScreeningSubjectStatement"/>): the
    /// condition of <see cref="LockedStudiesOf"/>, correlated on the athlete. Tests run both forms over the same
    /// enrolments (PreparedReadsTests).
    /// </summary>
    public static string BaselineLockedSql(string athlete) =>
        $"""EXISTS (SELECT 1 FROM "Studies" ls JOIN "Enrolments" le ON le."StudyId" = ls."Id" WHERE ls."BaselineLockedUtc" IS NOT NULL AND le."AthleteId" = {athlete}."Id" AND le."WithdrawnUtc" IS NULL)""";

    /// <summary>The studies that have locked this athlete's baseline (enrolled, not withdrawn).</summary>
    public static IQueryable<Study> LockedStudiesOf(HipCheckDb db, Guid athleteId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Studies.Where(s => s.BaselineLockedUtc != null
            && db.Enrolments.Any(e => e.StudyId == s.Id && e.AthleteId == athleteId && e.WithdrawnUtc == null));
    }

    private IQueryable<Study> LockedStudiesOf(Guid athleteId) => LockedStudiesOf(db, athleteId);
}
