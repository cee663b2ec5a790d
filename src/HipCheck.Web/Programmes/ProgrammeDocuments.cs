using HipCheck.Core.Training;

namespace HipCheck.Web.Programmes;

/// <param name="ScreeningId">The screening to build from; the athlete's latest when omitted.</param>
/// <param name="Weeks">Length of the plan, 6 to 8 weeks (default 6).</param>
/// <param name="SessionsPerWeek">2 to 4 (default 3).</param>
/// <param name="StartDate">First day; today when omitted.</param>
public sealed record ProgrammeRequest(Guid? ScreeningId = null, int? Weeks = null, int? SessionsPerWeek = null, DateOnly? StartDate = null);

/// <summary>A coach's (or the runner's) adjustment: the plan is regenerated from the same screening and start date.</summary>
public sealed record ProgrammeAdjustment(int? Weeks, int? SessionsPerWeek);

public sealed record ProgrammeDocument(
    Guid Id,
    Guid AthleteId,
    Guid ScreeningId,
    DateOnly StartDate,
    DateOnly EndDate,
    int Weeks,
    int SessionsPerWeek,
    DateOnly RetestDate,
    string Status,
    PlanSnapshot Plan,
    DateTime CreatedUtc,
    DateTime UpdatedUtc)
{
    public static ProgrammeDocument From(Programme p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Id, p.AthleteId, p.ScreeningId, p.StartDate, p.EndDate, p.Weeks, p.SessionsPerWeek, p.RetestDate,
            p.Status == ProgrammeStatus.Active ? "active" : "replaced", p.Plan, p.CreatedUtc, p.UpdatedUtc);
    }
}

/// <summary>A workout as the API and the log form take it.</summary>
/// <param name="Date">Day of the session (not in the future, not before the programme's start).</param>
/// <param name="Status">done, partly or skipped.</param>
/// <param name="Pain">0 (none) to 10.</param>
/// <param name="Exercises">Per exercise, left and right apart.</param>
public sealed record SessionRequest(DateOnly? Date, string? Status, int? Pain = null, string? Note = null, IReadOnlyList<ExerciseLogEntry?>? Exercises = null);

public sealed record SessionDocument(
    Guid Id,
    Guid ProgrammeId,
    DateOnly Date,
    int? Week,
    string Status,
    int? Pain,
    string? Note,
    IReadOnlyList<ExerciseLog> Exercises,
    DateTime CreatedUtc,
    DateTime UpdatedUtc)
{
    public static SessionDocument From(Programme programme, WorkoutSession s)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.ProgrammeId, s.Date, ProgrammePlans.WeekOf(programme, s.Date), SessionLogRules.Code(s.Status), s.Pain, s.Note,
            s.Exercises, s.CreatedUtc, s.UpdatedUtc);
    }
}

/// <summary>
/// One week of the plan that has begun: sessions planned so far and logged, and the adherence Core computed
/// (100 x (done + 0.5 x partly) / planned, capped at 100; a week under way plans only the sessions due so far).
/// </summary>
public sealed record WeekAdherenceDocument(int Week, DateOnly From, DateOnly To, int Planned, int Done, int Partly, int Skipped, double AdherencePercent);

/// <param name="RecentAdherencePercent">Mean adherence of the last two weeks that have begun (the coach's column).</param>
public sealed record AdherenceDocument(Guid ProgrammeId, DateOnly Today, double? RecentAdherencePercent, IReadOnlyList<WeekAdherenceDocument> Weeks);
