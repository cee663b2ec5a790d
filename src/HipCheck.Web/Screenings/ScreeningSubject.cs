using System.Data.Common;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using HipCheck.Web.Studies;

namespace HipCheck.Web.Screenings;

/// <summary>
/// What recording a screening needs to know of its athlete: the birth date (no screening before it), the body mass
/// (the default for the day) and whether a study may have locked the athlete's baseline.
/// </summary>
/// <param name="BaselineLocked">
/// True when a study has locked this athlete's baseline, or when that was not read: <see cref="ScreeningRecorder"/>
/// then looks the lock up for the screening's date. False only when read and no study locks it.
/// </param>
public sealed record ScreeningSubject(Guid Id, DateOnly BirthDate, double BodyMassKg, bool BaselineLocked)
{
    /// <summary>A loaded athlete, the lock not read (the form's path).</summary>
    public static ScreeningSubject Of(Athlete athlete)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        return new ScreeningSubject(athlete.Id, athlete.BirthDate, athlete.BodyMassKg, BaselineLocked: true);
    }
}

/// <summary>
/// The screening POST's one read: the athlete if the user may see it, with whether a study has locked its baseline
/// (<see cref="StudyLocks.BaselineLockedSql"/>), as a prepared statement. Values: athlete id, user id.
/// </summary>
public sealed class ScreeningSubjectStatement : ReadStatement<ScreeningSubject?>
{
    public static readonly ScreeningSubjectStatement Instance = new();

    private ScreeningSubjectStatement()
        : base($"""
            SELECT a."Id", a."BirthDate", a."BodyMassKg", CASE WHEN {StudyLocks.BaselineLockedSql("a")} THEN 1 ELSE 0 END
            FROM "Athletes" a
            LEFT JOIN "Teams" t ON t."Id" = a."TeamId"
            WHERE a."Id" = @athlete AND {AthleteAccess.VisibleSql("a", "t")}
            """, "athlete", "user")
    {
    }

    public override async Task<ScreeningSubject?> ReadAsync(DbDataReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return await reader.ReadAsync(ct)
            ? new ScreeningSubject(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetDouble(2), reader.GetInt32(3) != 0)
            : null;
    }
}
