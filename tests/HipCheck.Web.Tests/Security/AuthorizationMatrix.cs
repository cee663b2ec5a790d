using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Articles;
using HipCheck.Web.Tests.Infrastructure;
using static HipCheck.Web.Tests.Security.Actor;

namespace HipCheck.Web.Tests.Security;

/// <summary>The answer class an actor must get.</summary>
public enum Expect
{
    /// <summary>2xx.</summary>
    Ok,
    /// <summary>404: someone else's record, or nothing there.</summary>
    NotFound,
    /// <summary>403 (API) or a redirect to /Account/AccessDenied (pages): wrong role.</summary>
    Forbidden,
    /// <summary>401 (API) or a redirect to /Account/Login (pages).</summary>
    Unauthenticated,
    /// <summary>A redirect elsewhere (e.g. logout, login page for a signed-in member).</summary>
    Redirect,
    /// <summary>409: allowed in, refused by a domain rule (a runner's second profile, a study with nothing to analyse).</summary>
    Conflict,
    /// <summary>Not sent: destructive for the owner (the refusal side is still checked for everyone else).</summary>
    Skip,
}

/// <summary>One (method, route) with ids from the fixture world and the expected answer per actor.</summary>
/// <param name="Route">The route pattern as the route table spells it (normalised: no trailing slash).</param>
/// <param name="Data">Whose data the ids point at, for the output.</param>
public sealed record MatrixRow(
    string Method, string Route, string Data, bool Page,
    Func<MatrixWorld, string> Url,
    Func<MatrixWorld, Actor, JsonNode?>? Body,
    IReadOnlyDictionary<Actor, Expect> Expected,
    bool AdminAudits = false,
    Func<MatrixWorld, Actor, HttpContent>? Content = null)
{
    public override string ToString() => $"{Method} {Route} [{Data}]";
}

/// <summary>
/// THE expected-answers table: every endpoint and page of HipCheck, for every actor kind.
/// Rules: a member's own data 2xx; anyone else's 404 (never 403, so existence is not revealed);
/// a wrong role 403; anonymous 401 (API) or a redirect to the login page (pages).
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly Actor[] Actors = Enum.GetValues<Actor>();
    private static readonly Actor[] Members = [.. Actors.Where(a => a != Anonymous)];

    /// <summary>Everyone, signed in or not, gets 2xx.</summary>
    private static Dictionary<Actor, Expect> Public() => Actors.ToDictionary(a => a, _ => Expect.Ok);

    /// <summary>Any signed-in member 2xx, anonymous refused.</summary>
    private static Dictionary<Actor, Expect> Member() => Actors.ToDictionary(a => a, a => a == Anonymous ? Expect.Unauthenticated : Expect.Ok);

    /// <summary>The owners 2xx, every other member 404, anonymous refused.</summary>
    private static Dictionary<Actor, Expect> Owned(params Actor[] owners) =>
        Actors.ToDictionary(a => a, a => a == Anonymous ? Expect.Unauthenticated : owners.Contains(a) ? Expect.Ok : Expect.NotFound);

    /// <summary>Only <paramref name="roles"/> pass (others 403); of those, owners 2xx and the rest 404. No owners: all of the role 2xx.</summary>
    private static Dictionary<Actor, Expect> Role(Actor[] roles, params Actor[] owners) =>
        Actors.ToDictionary(a => a, a =>
            a == Anonymous ? Expect.Unauthenticated
            : !roles.Contains(a) ? Expect.Forbidden
            : owners.Length == 0 || owners.Contains(a) ? Expect.Ok : Expect.NotFound);

    private static Dictionary<Actor, Expect> With(this Dictionary<Actor, Expect> expected, Actor actor, Expect expect)
    {
        expected[actor] = expect;
        return expected;
    }

    private static readonly Actor[] CoachOrResearcher = [CoachC, CoachD, ResearcherR, ResearcherS];
    private static readonly Actor[] Researchers = [ResearcherR, ResearcherS];
    private static readonly Actor[] Admins = [Admin];

    /// <summary>Owners send the real body; everyone else a hijacking one, which must never land.</summary>
    private static Func<MatrixWorld, Actor, JsonNode?> OwnerBody(Func<MatrixWorld, JsonNode> own, Actor[] owners, Func<MatrixWorld, JsonNode> hijack) =>
        (w, a) => owners.Contains(a) ? own(w) : hijack(w);

    public const string Hijacked = "Hijacked";

    /// <summary>A one-row screening CSV as multipart/form-data: the owners' import lands (idempotently), no one else's.</summary>
    private static MultipartFormDataContent ImportFile()
    {
        var content = new MultipartFormDataContent();
        content.Add(new StringContent(HipCheck.Web.Tests.Import.ImportTests.Header
            + "M-1,Imported Runner,F,1994-05-01,58,167,right,2025-03-01,hip-extension,N,200,210,205,250,245,255,\n"), "file", "import.csv");
        return content;
    }

    private static JsonObject AthleteBody(string name) => Bodies.Athlete(name: name);

    /// <summary>Athlete-scoped rows for one athlete (A's own, C's team athlete, R's enrolled athlete).</summary>
    private static IEnumerable<MatrixRow> AthleteRows(string data, Func<MatrixWorld, string> athlete, Func<MatrixWorld, string> name, Actor owner)
    {
        yield return Api("GET", "/api/athletes/{id:guid}", data, w => $"/api/athletes/{athlete(w)}", Owned(owner));
        yield return Api("PUT", "/api/athletes/{id:guid}", data, w => $"/api/athletes/{athlete(w)}", Owned(owner),
            OwnerBody(w => AthleteBody(name(w)), [owner], _ => AthleteBody(Hijacked)));
        // Linking the runner's account: only the coach of the athlete's team (coaches and researchers keep teams); runners 403.
        // Everyone sends runner B's email: B already has a profile, so the coach's own request is refused by the rule (409)
        // and nothing in the world changes, while a request that got past the access check would show as 409 instead of 404.
        var link = Role(CoachOrResearcher, owner);
        if (link[owner] == Expect.Ok)
        {
            link[owner] = Expect.Conflict;
        }

        yield return Api("POST", "/api/athletes/{id:guid}/owner", data, w => $"/api/athletes/{athlete(w)}/owner", link,
            (_, _) => new JsonObject { ["email"] = MatrixWorld.Email(RunnerB) });
        yield return Api("GET", "/api/athletes/{id:guid}/screenings", data, w => $"/api/athletes/{athlete(w)}/screenings", Owned(owner));
        yield return Api("POST", "/api/athletes/{id:guid}/screenings", data, w => $"/api/athletes/{athlete(w)}/screenings", Owned(owner),
            (_, _) => Bodies.SimpleScreening(MatrixWorld.Today(-2)));
        yield return Api("GET", "/api/athletes/{athleteId:guid}/injuries", data, w => $"/api/athletes/{athlete(w)}/injuries", Owned(owner));
        yield return Api("GET", "/api/athletes/{id:guid}/fhir", data, w => $"/api/athletes/{athlete(w)}/fhir", Owned(owner));
        yield return Api("POST", "/api/athletes/{athleteId:guid}/injuries", data, w => $"/api/athletes/{athlete(w)}/injuries", Owned(owner),
            (_, _) => StudyApi.Injury(MatrixWorld.Today(-5)));
        yield return Page("/Athletes/{id:guid}", data, w => $"/Athletes/{athlete(w)}", Owned(owner));
        yield return Page("/Athletes/{id:guid}/Edit", data, w => $"/Athletes/{athlete(w)}/Edit", Owned(owner));
        yield return Page("/Athletes/{id:guid}/Injuries/New", data, w => $"/Athletes/{athlete(w)}/Injuries/New", Owned(owner));
        yield return Page("/Athletes/{id:guid}/Screenings/New", data, w => $"/Athletes/{athlete(w)}/Screenings/New", Owned(owner));
        // The audit trail: the owner and admins (and, for R's athlete, R as the study's researcher, who is also the owner).
        yield return Api("GET", "/api/athletes/{id:guid}/history", data, w => $"/api/athletes/{athlete(w)}/history", Owned(owner).With(Admin, Expect.Ok)) with { AdminAudits = true };
        yield return Page("/Athletes/{id:guid}/History", data, w => $"/Athletes/{athlete(w)}/History", Owned(owner).With(Admin, Expect.Ok)) with { AdminAudits = true };

        // Surveillance: weekly check-ins and exposure are the athlete's, like injuries.
        yield return Api("GET", "/api/athletes/{athleteId:guid}/checkins", data, w => $"/api/athletes/{athlete(w)}/checkins", Owned(owner));
        // No check-in exists for that week before the PUT row, so the owner gets 404 too; Surveillance/CheckinTests reads one back.
        yield return Api("GET", "/api/athletes/{athleteId:guid}/checkins/{weekStart}", data, w => $"/api/athletes/{athlete(w)}/checkins/2000-01-03",
            Owned(owner).With(owner, Expect.NotFound));
        yield return Api("PUT", "/api/athletes/{athleteId:guid}/checkins/{weekStart}", data, w => $"/api/athletes/{athlete(w)}/checkins/{PreviousMonday}", Owned(owner),
            (_, _) => new JsonObject { ["areas"] = new JsonArray(new JsonObject { ["area"] = "knee", ["q1"] = 0 }) });
        yield return Api("GET", "/api/athletes/{athleteId:guid}/exposure", data, w => $"/api/athletes/{athlete(w)}/exposure", Owned(owner));
        yield return Api("POST", "/api/athletes/{athleteId:guid}/exposure", data, w => $"/api/athletes/{athlete(w)}/exposure", Owned(owner),
            (_, _) => new JsonObject { ["date"] = MatrixWorld.Today(-1), ["hours"] = 1.0, ["km"] = 10.0, ["period"] = "session" });
        // The body is a file, not JSON: the owner's side is covered by Surveillance/ExposureTests.
        yield return Api("POST", "/api/athletes/{athleteId:guid}/exposure/import", data, w => $"/api/athletes/{athlete(w)}/exposure/import?format=gpx",
            Owned(owner).With(owner, Expect.Skip));
        yield return Page("/Athletes/{id:guid}/CheckIn", data, w => $"/Athletes/{athlete(w)}/CheckIn", Owned(owner));
        yield return Page("/Athletes/{id:guid}/Exposure", data, w => $"/Athletes/{athlete(w)}/Exposure", Owned(owner));
    }

    private static string PreviousMonday
    {
        get
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static MatrixRow Api(string method, string route, string data, Func<MatrixWorld, string> url,
        Dictionary<Actor, Expect> expected, Func<MatrixWorld, Actor, JsonNode?>? body = null) =>
        new(method, route, data, false, url, body, expected);

    private static MatrixRow Page(string route, string data, Func<MatrixWorld, string> url, Dictionary<Actor, Expect> expected) =>
        new("GET", route, data, true, url, null, expected);

    private static MatrixRow Page(string route, Dictionary<Actor, Expect> expected) => Page(route, "-", _ => route, expected);

    public static IReadOnlyList<MatrixRow> Rows { get; } = Build();

    private static List<MatrixRow> Build()
    {
        var rows = new List<MatrixRow>
        {
            // Platform.
            Api("GET", "/health/live", "-", _ => "/health/live", Public()),
            Api("GET", "/health/ready", "-", _ => "/health/ready", Public()),
            Api("GET", "/openapi/{documentName}.json", "-", _ => "/openapi/v1.json", Public()),
            Api("GET", "/scalar/{documentName?}", "-", _ => "/scalar", Actors.ToDictionary(a => a, _ => Expect.Redirect)),
            Api("GET", "/scalar/favicon.svg", "-", _ => "/scalar/favicon.svg", Public()),
            Api("GET", "/scalar/scalar.js", "-", _ => "/scalar/scalar.js", Public()),
            Api("GET", "/scalar/scalar.aspnetcore.js", "-", _ => "/scalar/scalar.aspnetcore.js", Public()),
            Api("GET", "/{**path:file}", "-", _ => "/no-such-file.txt", Actors.ToDictionary(a => a, _ => Expect.NotFound)),
            Api("HEAD", "/{**path:file}", "-", _ => "/no-such-file.txt", Actors.ToDictionary(a => a, _ => Expect.NotFound)),
            Api("GET", "/api/{**path}", "-", _ => "/api/no-such-thing", Actors.ToDictionary(a => a, _ => Expect.NotFound)),

            // Accounts: anonymous by design.
            Api("POST", "/api/auth/register", "-", _ => "/api/auth/register", Public(),
                (w, a) => new JsonObject { ["email"] = $"new-{a}-{Guid.NewGuid():N}@matrix.example.org", ["password"] = HipCheckApp.Password, ["role"] = "runner" }),
            Api("POST", "/api/auth/login", "own", _ => "/api/auth/login", Public(),
                (_, a) => new JsonObject { ["email"] = MatrixWorld.Email(a == Anonymous ? RunnerB : a), ["password"] = HipCheckApp.Password }),
            Api("POST", "/api/auth/refresh", "-", _ => "/api/auth/refresh", Actors.ToDictionary(a => a, _ => Expect.Unauthenticated),
                (_, _) => new JsonObject { ["refreshToken"] = "not-a-token" }),

            // Athletes: the list holds only one's own (checked by markers); anyone signed in may create their own.
            Api("GET", "/api/athletes", "own", _ => "/api/athletes", Member()),
            Api("POST", "/api/athletes", "own", _ => "/api/athletes", Member().With(RunnerA, Expect.Conflict).With(RunnerB, Expect.Conflict), (_, a) => AthleteBody($"New athlete of {a}")),

            // Screenings and reports.
            Api("GET", "/api/screenings/{id:guid}", "A", w => $"/api/screenings/{w.ScreeningA}", Owned(RunnerA)),
            Api("GET", "/api/screenings/{id:guid}/report", "A", w => $"/api/screenings/{w.ScreeningA}/report", Owned(RunnerA)),
            Api("GET", "/api/screenings/{id:guid}", "C team", w => $"/api/screenings/{w.ScreeningC}", Owned(CoachC)),
            Api("GET", "/api/screenings/{id:guid}/report", "C team", w => $"/api/screenings/{w.ScreeningC}/report", Owned(CoachC)),
            Page("/Screenings/{id:guid}", "A", w => $"/Screenings/{w.ScreeningA}", Owned(RunnerA)),
            Page("/Screenings/{id:guid}/Report", "A", w => $"/Screenings/{w.ScreeningA}/Report", Owned(RunnerA)),
            Page("/Screenings/{id:guid}", "C team", w => $"/Screenings/{w.ScreeningC}", Owned(CoachC)),
            Page("/Screenings/{id:guid}/Report", "C team", w => $"/Screenings/{w.ScreeningC}/Report", Owned(CoachC)),

            // Injuries.
            Api("GET", "/api/injuries/{id:guid}", "A", w => $"/api/injuries/{w.InjuryA}", Owned(RunnerA)),
            Api("PUT", "/api/injuries/{id:guid}", "A", w => $"/api/injuries/{w.InjuryA}", Owned(RunnerA),
                OwnerBody(w => StudyApi.Injury(MatrixWorld.Today(-3), diagnosisText: w.Marker("InjuryA")), [RunnerA],
                    _ => StudyApi.Injury(MatrixWorld.Today(-3), diagnosisText: Hijacked))),
            Page("/Injuries/{id:guid}/Edit", "A", w => $"/Injuries/{w.InjuryA}/Edit", Owned(RunnerA)),

            // Programmes. Starting one replaces the active one, so A's own POST is not sent; C's is.
            Api("GET", "/api/athletes/{id:guid}/programme", "A", w => $"/api/athletes/{w.AthleteA}/programme", Owned(RunnerA)),
            Api("POST", "/api/athletes/{id:guid}/programme", "A", w => $"/api/athletes/{w.AthleteA}/programme",
                Owned(RunnerA).With(RunnerA, Expect.Skip), (_, _) => new JsonObject()),
            Api("POST", "/api/athletes/{id:guid}/programme", "C team", w => $"/api/athletes/{w.AthleteC}/programme", Owned(CoachC), (_, _) => new JsonObject()),
            Api("PUT", "/api/athletes/{id:guid}/programme", "A", w => $"/api/athletes/{w.AthleteA}/programme", Owned(RunnerA),
                (_, _) => new JsonObject { ["weeks"] = 6, ["sessionsPerWeek"] = 3 }),
            Api("GET", "/api/programmes/{id:guid}/sessions", "A", w => $"/api/programmes/{w.ProgrammeA}/sessions", Owned(RunnerA)),
            Api("POST", "/api/programmes/{id:guid}/sessions", "A", w => $"/api/programmes/{w.ProgrammeA}/sessions", Owned(RunnerA),
                (_, _) => new JsonObject { ["date"] = MatrixWorld.Today(), ["status"] = "done", ["exercises"] = new JsonArray() }),
            Api("GET", "/api/programmes/{id:guid}/adherence", "A", w => $"/api/programmes/{w.ProgrammeA}/adherence", Owned(RunnerA)),
            Api("GET", "/api/programmes/{id:guid}/pdf", "A", w => $"/api/programmes/{w.ProgrammeA}/pdf?paper=a4", Owned(RunnerA)),
            Api("GET", "/api/guide.pdf", "-", _ => "/api/guide.pdf?paper=a4", Member()),
            Page("/Athletes/{id:guid}/Programme", "A", w => $"/Athletes/{w.AthleteA}/Programme", Owned(RunnerA)),
            Page("/Programmes/{id:guid}/Log", "A", w => $"/Programmes/{w.ProgrammeA}/Log", Owned(RunnerA)),
            Page("/Programmes/{id:guid}/Log", "C team", w => $"/Programmes/{w.ProgrammeC}/Log", Owned(CoachC)),

            // Teams: coaches (and researchers) only.
            Api("GET", "/api/teams", "own", _ => "/api/teams", Role(CoachOrResearcher)),
            Api("POST", "/api/teams", "own", _ => "/api/teams", Role(CoachOrResearcher), (_, a) => new JsonObject { ["name"] = $"New team of {a}" }),
            Api("GET", "/api/teams/{id:guid}/overview", "C", w => $"/api/teams/{w.TeamC}/overview", Role(CoachOrResearcher, CoachC)),
            Api("GET", "/api/teams/{id:guid}/overview.csv", "C", w => $"/api/teams/{w.TeamC}/overview.csv", Role(CoachOrResearcher, CoachC)),
            Page("/Teams", Role(CoachOrResearcher)),
            Page("/Teams/Index", Role(CoachOrResearcher)),
            Page("/Teams/{id:guid}", "C", w => $"/Teams/{w.TeamC}", Role(CoachOrResearcher, CoachC)),

            // Imports: the team's coach, or an admin; other coaches and researchers find no team, runners are refused.
            Api("POST", "/api/teams/{id:guid}/imports", "C", w => $"/api/teams/{w.TeamC}/imports",
                Role([.. CoachOrResearcher, Admin], CoachC, Admin)) with { Content = (_, _) => ImportFile() },
            Page("/Teams/{id:guid}/Import", "C", w => $"/Teams/{w.TeamC}/Import", Role([.. CoachOrResearcher, Admin], CoachC, Admin)),

            // Organisation thresholds: each coach's or researcher's own organisation.
            Api("GET", "/api/organisation/thresholds", "own", _ => "/api/organisation/thresholds", Role(CoachOrResearcher)),
            Api("PUT", "/api/organisation/thresholds/{ruleId}", "own", _ => "/api/organisation/thresholds/lbp-hip-extension-asymmetry-female",
                Role(CoachOrResearcher), (_, _) => new JsonObject { ["threshold"] = 15 }),
            Page("/Settings/Thresholds", Role(CoachOrResearcher)),

            // Studies: researchers only; a study is its researcher's.
            Api("GET", "/api/studies", "own", _ => "/api/studies", Role(Researchers)),
            Api("POST", "/api/studies", "own", _ => "/api/studies", Role(Researchers), (_, a) => MatrixWorld.StudyBody($"New study of {a}")),
            Api("GET", "/api/studies/{id:guid}", "R", w => $"/api/studies/{w.StudyR}", Role(Researchers, ResearcherR)),
            Api("PUT", "/api/studies/{id:guid}", "R", w => $"/api/studies/{w.StudyR}", Role(Researchers, ResearcherR),
                OwnerBody(w => MatrixWorld.StudyBody(w.Marker("StudyR")), [ResearcherR], w => MatrixWorld.StudyBody(Hijacked))),
            Api("GET", "/api/studies/{id:guid}/enrolments", "R", w => $"/api/studies/{w.StudyR}/enrolments", Role(Researchers, ResearcherR)),
            Api("POST", "/api/studies/{id:guid}/enrolments", "R", w => $"/api/studies/{w.StudyR}/enrolments", Role(Researchers, ResearcherR),
                (w, a) => StudyApi.Enrolment(a == ResearcherR ? w.SpareAthleteR : w.AthleteS, MatrixWorld.Today(-1))),
            Api("DELETE", "/api/studies/{id:guid}/enrolments/{athleteId:guid}", "R", w => $"/api/studies/{w.StudyR}/enrolments/{w.AthleteR}",
                Role(Researchers, ResearcherR).With(ResearcherR, Expect.Skip)),
            Api("POST", "/api/studies/{id:guid}/lock-baseline", "R", w => $"/api/studies/{w.StudyR}/lock-baseline",
                Role(Researchers, ResearcherR).With(ResearcherR, Expect.Skip)),
            Api("POST", "/api/studies/{id:guid}/lock-data", "R", w => $"/api/studies/{w.StudyR}/lock-data",
                Role(Researchers, ResearcherR).With(ResearcherR, Expect.Skip)),
            Api("GET", "/api/studies/{id:guid}/audit", "R", w => $"/api/studies/{w.StudyR}/audit", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/instrument", "R", w => $"/api/studies/{w.StudyR}/instrument", Role(Researchers, ResearcherR)),
            Api("PUT", "/api/studies/{id:guid}/instrument", "R", w => $"/api/studies/{w.StudyR}/instrument", Role(Researchers, ResearcherR),
                (_, _) => JsonNode.Parse(HipCheck.Core.Surveillance.OstrcInstrument.ReadEmbeddedJson())),
            Api("DELETE", "/api/studies/{id:guid}/instrument", "R", w => $"/api/studies/{w.StudyR}/instrument", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/cohort.csv", "R", w => $"/api/studies/{w.StudyR}/cohort.csv", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/codebook.csv", "R", w => $"/api/studies/{w.StudyR}/codebook.csv", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/cohort.json", "R", w => $"/api/studies/{w.StudyR}/cohort.json", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/long.csv", "R", w => $"/api/studies/{w.StudyR}/long.csv", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/long-codebook.csv", "R", w => $"/api/studies/{w.StudyR}/long-codebook.csv", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/wide.csv", "R", w => $"/api/studies/{w.StudyR}/wide.csv", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/wide-codebook.csv", "R", w => $"/api/studies/{w.StudyR}/wide-codebook.csv", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/redcap-dictionary.csv", "R", w => $"/api/studies/{w.StudyR}/redcap-dictionary.csv", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/redcap-data.csv", "R", w => $"/api/studies/{w.StudyR}/redcap-data.csv", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/hipcheck-exports.R", "R", w => $"/api/studies/{w.StudyR}/hipcheck-exports.R", Role(Researchers, ResearcherR)),
            Api("GET", "/api/studies/{id:guid}/analysis", "R", w => $"/api/studies/{w.StudyR}/analysis",
                Role(Researchers, ResearcherR).With(ResearcherR, Expect.Conflict)),
            Page("/Studies", Role(Researchers)),
            Page("/Studies/Index", Role(Researchers)),
            Page("/Studies/Create", Role(Researchers)),
            Page("/Studies/Plan", Member()),
            Page("/Studies/{id:guid}", "R", w => $"/Studies/{w.StudyR}", Role(Researchers, ResearcherR)),
            Page("/Studies/{id:guid}/Export", "R", w => $"/Studies/{w.StudyR}/Export?format=csv", Role(Researchers, ResearcherR)),
            Page("/Studies/{id:guid}/Report", "R", w => $"/Studies/{w.StudyR}/Report", Role(Researchers, ResearcherR)),

            // Exercises: public reading; videos are edited by admins (the admin side is covered by the video tests).
            Api("GET", "/api/exercises", "-", _ => "/api/exercises", Public()),
            Api("GET", "/api/exercises/{id}", "-", w => $"/api/exercises/{w.ExerciseId}", Public()),
            Api("PUT", "/api/exercises/{id}/video", "-", w => $"/api/exercises/{w.ExerciseId}/video", Role(Admins).With(Admin, Expect.Skip),
                (_, _) => new JsonObject { ["url"] = "https://example.org/hijack.mp4" }),
            Api("POST", "/api/exercises/{id}/video", "-", w => $"/api/exercises/{w.ExerciseId}/video", Role(Admins).With(Admin, Expect.Skip)),
            Api("DELETE", "/api/exercises/{id}/video", "-", w => $"/api/exercises/{w.ExerciseId}/video", Role(Admins).With(Admin, Expect.Skip)),
            Api("GET", "/media/exercises/{id}", "-", w => $"/media/exercises/{w.ExerciseId}", Actors.ToDictionary(a => a, _ => Expect.NotFound)),
            Page("/Exercises", Public()),
            Page("/Exercises/Index", Public()),
            Page("/Exercises/{id}", "-", w => $"/Exercises/{w.ExerciseId}", Public()),

            // Articles and comments: public reading; a comment is its author's (admins moderate).
            Api("GET", "/api/articles", "-", _ => "/api/articles", Public()),
            Api("GET", "/api/articles/{slug}", "-", _ => $"/api/articles/{ArticleFixtures.Slug}", Public()),
            Api("GET", "/api/articles/{slug}/comments", "-", _ => $"{ArticleFixtures.CommentsPath}", Public()),
            Api("POST", "/api/articles/{slug}/comments", "own", _ => ArticleFixtures.CommentsPath, Member(),
                (_, a) => new JsonObject { ["text"] = $"Comment by {a}" }),
            Api("PUT", "/api/articles/{slug}/comments/{id:guid}", "A", w => $"{ArticleFixtures.CommentsPath}/{w.CommentA}", Owned(RunnerA),
                OwnerBody(_ => new JsonObject { ["text"] = "Own comment by A" }, [RunnerA], _ => new JsonObject { ["text"] = Hijacked })),
            Api("DELETE", "/api/articles/{slug}/comments/{id:guid}", "A", w => $"{ArticleFixtures.CommentsPath}/{w.CommentA}",
                Owned(RunnerA).With(RunnerA, Expect.Skip).With(Admin, Expect.Skip)),
            Api("PUT", "/api/articles/{slug}/comments/{id:guid}/hidden", "A", w => $"{ArticleFixtures.CommentsPath}/{w.CommentA}/hidden",
                Role(Admins), (_, _) => new JsonObject { ["hidden"] = false }),
            Page("/Articles", Public()),
            Page("/Articles/Index", Public()),
            Page("/Articles/{slug}", "-", _ => ArticleFixtures.PagePath, Public()),
            Page("/Articles/New", Role(Admins)),
            Page("/Articles/{slug}/Edit", "-", _ => $"{ArticleFixtures.PagePath}/Edit", Role(Admins)),

            // The whole audit trail: admins only (it holds everyone's records, so markers may appear for the admin).
            Api("GET", "/api/audit", "all", _ => "/api/audit?pageSize=500", Role(Admins)) with { AdminAudits = true },
            Api("GET", "/api/audit", "Athlete", _ => "/api/audit?entity=Athlete", Role(Admins)) with { AdminAudits = true },

            // A member's own data: download it all; delete the account (not sent: destructive for every member).
            Api("GET", "/api/me/export", "own", _ => "/api/me/export", Member()),
            Api("DELETE", "/api/me", "own", _ => "/api/me", Actors.ToDictionary(a => a, a => a == Anonymous ? Expect.Unauthenticated : Expect.Skip),
                (_, _) => new JsonObject { ["password"] = HipCheckApp.Password }),
            Page("/Account/Delete", Member()),
            Page("/Account/ChangePassword", Member()),

            // Other pages.
            Page("", Public()),
            Page("/Index", Public()),
            Page("/Error", Public()),
            Page("/Athletes", Member()),
            Page("/Athletes/Index", Member()),
            Page("/Athletes/Create", Member()),
            // A runner with a profile is sent on to its check-in; everyone else picks an athlete (or is told to create one).
            Page("/CheckIn", Member().With(RunnerA, Expect.Redirect).With(RunnerB, Expect.Redirect)),
            Page("/Members", Member()),
            Page("/Members/Index", Member()),
            Page("/Members/Course", Member()),
            Page("/Members/Course/Index", Member()),
            Page("/Members/Course/Complete", Member().Select(e => (e.Key, e.Value == Expect.Ok ? Expect.Redirect : e.Value)).ToDictionary()),
            Page("/Members/Course/{slug}", "-", _ => "/Members/Course/why-runners-get-injured", Member()),
            Page("/Account/Login", Public()),
            Page("/Account/Register", Public()),
            Page("/Account/ForgotPassword", Public()),
            Page("/Account/ResetPassword", Public()),
            Page("/Account/ConfirmEmail", Public()),
            Page("/Account/AccessDenied", Public()),
            Page("/Account/Logout", Actors.ToDictionary(a => a, _ => Expect.Redirect)),
        };

        rows.AddRange(AthleteRows("A", w => w.AthleteA, w => w.Marker("AthleteA"), RunnerA));
        rows.AddRange(AthleteRows("C team", w => w.AthleteC, w => w.Marker("AthleteC"), CoachC));
        rows.AddRange(AthleteRows("R study", w => w.AthleteR, w => w.Marker("AthleteR"), ResearcherR));
        return rows;
    }
}
