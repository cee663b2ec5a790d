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
}
