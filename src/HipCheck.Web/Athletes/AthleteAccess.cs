using HipCheck.Web.Data;

namespace HipCheck.Web.Athletes;

/// <summary>
/// The one place that says who may see an athlete: the runner who is the athlete, or the coach of the
/// athlete's team. Every query for athletes or their screenings starts here, so ownership is enforced in
/// the query itself and a stranger's request finds nothing (404, never 403).
/// </summary>
public static class AthleteAccess
{
    public static IQueryable<Athlete> VisibleTo(this HipCheckDb db, string userId) =>
        db.Athletes.Where(a => a.OwnerUserId == userId || (a.Team != null && a.Team.CoachUserId == userId));

    /// <summary>
    /// <see cref="VisibleTo"/> in SQL, for the <see cref="PreparedReads"/> statements: true when the user bound to
    /// <c>@user</c> may see the athlete row aliased <paramref name="athlete"/>, whose team is the row aliased
    /// <paramref name="team"/> (<c>LEFT JOIN "Teams" team ON team."Id" = athlete."TeamId"</c>). Both engines accept
    /// it; tests run it beside <see cref="VisibleTo"/> over the same users and athletes (PreparedReadsTests).
    /// </summary>
    public static string VisibleSql(string athlete, string team) =>
        $"""({athlete}."OwnerUserId" = @user OR {team}."CoachUserId" = @user)""";
}
