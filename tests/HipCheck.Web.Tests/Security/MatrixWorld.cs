using System.Net;
using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Articles;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Security;

/// <summary>Every kind of actor the authorisation matrix checks.</summary>
public enum Actor { Anonymous, RunnerA, RunnerB, CoachC, CoachD, ResearcherR, ResearcherS, Admin }

/// <summary>
/// One app and one fixture world for the whole matrix class: runner A (athlete, screening, report, injury,
/// programme, comment), runner B (stranger), coach C (team, athlete, screening, programme), coach D (other team),
/// researcher R (study with an enrolled athlete), researcher S (other study), an admin and anonymous.
/// Every athlete, team, study and injury carries a unique marker, so a 2xx body can be searched for
/// someone else's record.
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    public HipCheckApp App { get; } = new();

    public Dictionary<Actor, HttpClient> Bearer { get; } = [];

    public Dictionary<Actor, HttpClient> Cookie { get; } = [];

    /// <summary>Marker text -> the actors allowed to see it.</summary>
    public Dictionary<string, Actor[]> Markers { get; } = [];

    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..8];

    public string AthleteA { get; private set; } = "";
    public string ScreeningA { get; private set; } = "";
    public string InjuryA { get; private set; } = "";
    public string ProgrammeA { get; private set; } = "";
    public string CommentA { get; private set; } = "";
    public string AthleteB { get; private set; } = "";
    public string TeamC { get; private set; } = "";
    public string AthleteC { get; private set; } = "";
    public string ScreeningC { get; private set; } = "";
    public string ProgrammeC { get; private set; } = "";
    public string TeamD { get; private set; } = "";
    public string AthleteD { get; private set; } = "";
    public string StudyR { get; private set; } = "";
    public string AthleteR { get; private set; } = "";
    public string SpareAthleteR { get; private set; } = "";
    public string StudyS { get; private set; } = "";
    public string AthleteS { get; private set; } = "";
    public string ExerciseId { get; private set; } = "";

    public static string Email(Actor actor) => $"{actor.ToString().ToLowerInvariant()}@matrix.example.org";

    public string Marker(string what) => $"Mk{what}{Suffix}";

    public static string Today(int days = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject StudyBody(string title) => StudyApi.Study(Today(-10), Today(20), title: title);

    public async ValueTask InitializeAsync()
    {
        Bearer[Actor.Anonymous] = App.Anonymous();
        Cookie[Actor.Anonymous] = App.Anonymous();
        foreach (var (actor, role) in new[]
                 {
                     (Actor.RunnerA, "runner"), (Actor.RunnerB, "runner"), (Actor.CoachC, "coach"), (Actor.CoachD, "coach"),
                     (Actor.ResearcherR, "researcher"), (Actor.ResearcherS, "researcher"),
                 })
        {
            Bearer[actor] = await App.RegisterAndLogin(Email(actor), role: role);
        }

        Bearer[Actor.Admin] = await App.Admin(Email(Actor.Admin));

        // Runner A: athlete, screening (and so a report), injury, programme, a comment.
        var a = Bearer[Actor.RunnerA];
        AthleteA = (await a.CreateAthlete(Bodies.Athlete(name: Mark("AthleteA", Actor.RunnerA)))).Id();
        ScreeningA = (await a.CreateScreening(AthleteA)).Id();
        InjuryA = (await a.RecordInjury(AthleteA, StudyApi.Injury(Today(-3), diagnosisText: Mark("InjuryA", Actor.RunnerA)))).Id();
        ProgrammeA = (await Created(a, $"/api/athletes/{AthleteA}/programme", new JsonObject())).Id();
        CommentA = (await a.Comment("Own comment by A")).Id();

        AthleteB = (await Bearer[Actor.RunnerB].CreateAthlete(Bodies.Athlete(name: Mark("AthleteB", Actor.RunnerB)))).Id();

        // Coach C: a team with an athlete, a screening and a programme. Coach D: another team.
        var c = Bearer[Actor.CoachC];
        TeamC = (await Created(c, "/api/teams", new JsonObject { ["name"] = Mark("TeamC", Actor.CoachC) })).Id();
        var athleteC = Bodies.Athlete(name: Mark("AthleteC", Actor.CoachC));
        athleteC["teamId"] = TeamC;
        AthleteC = (await c.CreateAthlete(athleteC)).Id();
        ScreeningC = (await c.CreateScreening(AthleteC)).Id();
        ProgrammeC = (await Created(c, $"/api/athletes/{AthleteC}/programme", new JsonObject())).Id();

        var d = Bearer[Actor.CoachD];
        TeamD = (await Created(d, "/api/teams", new JsonObject { ["name"] = Mark("TeamD", Actor.CoachD) })).Id();
        var athleteD = Bodies.Athlete(name: Mark("AthleteD", Actor.CoachD));
        athleteD["teamId"] = TeamD;
        AthleteD = (await d.CreateAthlete(athleteD)).Id();

        // Researcher R: a study with an enrolled athlete (and a spare athlete for the enrolment row). S: another.
        var r = Bearer[Actor.ResearcherR];
        AthleteR = (await r.CreateAthlete(Bodies.Athlete(name: Mark("AthleteR", Actor.ResearcherR)))).Id();
        await r.CreateScreening(AthleteR, Bodies.SimpleScreening(Today(-1)));
        SpareAthleteR = (await r.CreateAthlete(Bodies.Athlete(name: Mark("SpareR", Actor.ResearcherR)))).Id();
        StudyR = (await r.CreateStudy(StudyBody(Mark("StudyR", Actor.ResearcherR)))).Id();
        await r.Enrol(StudyR, AthleteR, Today(-1));

        var s = Bearer[Actor.ResearcherS];
        AthleteS = (await s.CreateAthlete(Bodies.Athlete(name: Mark("AthleteS", Actor.ResearcherS)))).Id();
        StudyS = (await s.CreateStudy(StudyBody(Mark("StudyS", Actor.ResearcherS)))).Id();
        await s.Enrol(StudyS, AthleteS, Today(-1));

        ExerciseId = (await Bearer[Actor.Anonymous].GetOk("/api/exercises")).Items()[0].Id();

        foreach (var actor in Enum.GetValues<Actor>().Where(x => x != Actor.Anonymous))
        {
            Cookie[actor] = await App.LogInWithCookie(Email(actor));
        }
    }

    private string Mark(string what, Actor owner)
    {
        var marker = Marker(what);
        Markers[marker] = [owner];
        return marker;
    }

    private static async Task<System.Text.Json.JsonElement> Created(HttpClient client, string url, JsonObject body)
    {
        using var response = await client.PostJson(url, body);
        await response.AssertStatus(HttpStatusCode.Created);
        return await response.Body();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in Bearer.Values.Concat(Cookie.Values))
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
