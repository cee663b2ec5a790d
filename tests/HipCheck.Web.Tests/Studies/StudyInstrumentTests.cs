using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipCheck.Core.Surveillance;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Studies;

/// <summary>
/// A study's own OSTRC wording (issue 10): <c>PUT/GET/DELETE /api/studies/{id}/instrument</c>, validated by Core, used by
/// the check-in page and API of the athletes enrolled in the study. Today is Monday 2025-09-01 (the test clock).
/// </summary>
public class StudyInstrumentTests : ClockedTest
{
    private const string Question = "Hvor mye kunne du delta i løping og annen trening på grunn av dette området?";
    private const string Instructions = "Svar for hvert område for seg, og tenk bare på de siste 7 dagene.";
    private const string KneeName = "Kne";

    /// <summary>The shipped wording with the instructions, item 1's question and the knee's name translated.</summary>
    private static string Translated()
    {
        var json = JsonNode.Parse(OstrcInstrument.ReadEmbeddedJson())!.AsObject();
        json["version"] = "study-ostrc-o2-no-1";
        json["language"] = "no";
        json["instructions"] = Instructions;
        json["items"]![0]!["question"] = Question;
        json["areas"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "knee")!["name"] = KneeName;
        return json.ToJsonString();
    }

    private async Task<(HttpClient Researcher, string StudyId, string AthleteId)> EnrolledAthlete()
    {
        var researcher = await App.RegisterAndLogin(ResearcherEmail, role: "researcher");
        var athlete = (await researcher.CreateAthlete(Bodies.Athlete(name: "Ola Nordmann", sex: "male"))).Id();
        var study = await researcher.CreateStudy(StudyApi.Study("2025-08-22", "2025-09-11"));
        await researcher.Enrol(study.Id(), athlete, "2025-08-29");
        return (researcher, study.Id(), athlete);
    }

    private static async Task<string> CheckInPage(HttpClient web, string athleteId)
    {
        using var page = await web.Get($"/Athletes/{athleteId}/CheckIn");
        await page.AssertStatus(HttpStatusCode.OK);
        return await page.Html();
    }

    [Fact]
    public async Task A_valid_wording_is_used_by_the_enrolled_athletes_check_in_and_delete_restores_the_default()
    {
        var (researcher, studyId, athleteId) = await EnrolledAthlete();
        var web = await App.LogInWithCookie(ResearcherEmail);
        var shipped = OstrcInstrument.Default;
        var before = await CheckInPage(web, athleteId);
        Assert.Contains(shipped.Items[0].Question, before, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, before, StringComparison.Ordinal);
        Assert.Equal("hipcheck-ostrc-o2-en-1", (await researcher.GetOk($"/api/studies/{studyId}/instrument")).Text("version"));

        using (var put = await researcher.PutRaw($"/api/studies/{studyId}/instrument", Translated()))
        {
            await put.AssertStatus(HttpStatusCode.NoContent);
        }

        var inForce = await researcher.GetOk($"/api/studies/{studyId}/instrument");
        Assert.Equal("study-ostrc-o2-no-1", inForce.Text("version"));
        Assert.Equal(Instructions, inForce.Text("instructions"));

        var after = await CheckInPage(web, athleteId);
        Assert.Contains($"<legend>{Question}</legend>", after, StringComparison.Ordinal);
        Assert.DoesNotContain(shipped.Items[0].Question, after, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"hint\">{Instructions} ", after, StringComparison.Ordinal);
        Assert.Contains($"<legend>{KneeName}</legend>", after, StringComparison.Ordinal);

        // The API names the area in the study's wording; scores are Core's, whatever the wording.
        using (var answer = await researcher.PutJson($"/api/athletes/{athleteId}/checkins/2025-08-25",
            new { areas = new[] { new { area = "knee", q1 = 1, q2 = 2, q3 = 1, q4 = 1 } } }))
        {
            await answer.AssertStatus(HttpStatusCode.OK);
            var knee = (await answer.Body()).GetProperty("areas").Items().Single();
            Assert.Equal(KneeName, knee.Text("name"));
            Assert.Equal(8 + 17 + 8 + 8, knee.GetProperty("severity").GetInt32());
            Assert.True(knee.GetProperty("substantial").GetBoolean());
        }

        using (var delete = await researcher.DeleteAsync($"/api/studies/{studyId}/instrument", TestContext.Current.CancellationToken))
        {
            await delete.AssertStatus(HttpStatusCode.NoContent);
        }

        Assert.Equal("hipcheck-ostrc-o2-en-1", (await researcher.GetOk($"/api/studies/{studyId}/instrument")).Text("version"));
        var restored = await CheckInPage(web, athleteId);
        Assert.Contains(shipped.Items[0].Question, restored, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, restored, StringComparison.Ordinal);
        var week = await researcher.GetOk($"/api/athletes/{athleteId}/checkins/2025-08-25");
        Assert.Equal("Knee", week.GetProperty("areas").Items().Single().Text("name"));

        var actions = (await researcher.Audit(studyId)).Select(e => e.Text("action")).ToList();
        Assert.Contains("instrument-set", actions);
        Assert.Contains("instrument-reset", actions);
    }

    [Fact]
    public async Task An_athlete_in_no_study_with_its_own_wording_sees_the_shipped_wording()
    {
        var (researcher, studyId, _) = await EnrolledAthlete();
        var other = (await researcher.CreateAthlete(Bodies.Athlete(name: "Kari Nordmann"))).Id();
        using (var put = await researcher.PutRaw($"/api/studies/{studyId}/instrument", Translated()))
        {
            await put.AssertStatus(HttpStatusCode.NoContent);
        }

        var page = await CheckInPage(await App.LogInWithCookie(ResearcherEmail), other);
        Assert.Contains(OstrcInstrument.Default.Items[0].Question, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Question, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_wording_is_400_with_every_problem_and_changes_nothing()
    {
        var (researcher, studyId, athleteId) = await EnrolledAthlete();
        var json = JsonNode.Parse(Translated())!.AsObject();
        json.Remove("version");
        json["items"]!.AsArray().RemoveAt(3);
        json["areas"]![0]!["osiics"] = "W";

        using var response = await researcher.PutRaw($"/api/studies/{studyId}/instrument", json.ToJsonString());

        var errors = await response.AssertFieldErrors("instrument");
        var problems = errors.GetProperty("instrument").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains("$.version: is required (non-empty text)", problems);
        Assert.Contains("$.items: must hold exactly 4 items (participation, training-modified, performance-affected, pain), found 3", problems);
        Assert.Contains("$.areas[0].osiics: 'W' is not one of L, G, T, K, Q, A, F, Z, X", problems);
        Assert.Equal(3, problems.Count);

        using var notJson = await researcher.PutRaw($"/api/studies/{studyId}/instrument", "{ \"version\": ");
        var notJsonErrors = await notJson.AssertFieldErrors("instrument");
        Assert.StartsWith("$: not valid JSON", notJsonErrors.GetProperty("instrument")[0].GetString(), StringComparison.Ordinal);

        Assert.Equal("hipcheck-ostrc-o2-en-1", (await researcher.GetOk($"/api/studies/{studyId}/instrument")).Text("version"));
        var page = await CheckInPage(await App.LogInWithCookie(ResearcherEmail), athleteId);
        Assert.Contains(OstrcInstrument.Default.Items[0].Question, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_researcher_gets_404_and_a_runner_403()
    {
        var (researcher, studyId, athleteId) = await EnrolledAthlete();
        var other = await App.RegisterAndLogin("other.researcher@example.org", role: "researcher");
        var runner = await App.RegisterAndLogin("runner@example.org");
        var url = $"/api/studies/{studyId}/instrument";

        foreach (var (client, expected) in new[] { (other, HttpStatusCode.NotFound), (runner, HttpStatusCode.Forbidden) })
        {
            using var get = await client.Get(url);
            using var put = await client.PutRaw(url, Translated());
            using var delete = await client.DeleteAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(expected, get.StatusCode);
            Assert.Equal(expected, put.StatusCode);
            Assert.Equal(expected, delete.StatusCode);
        }

        Assert.Equal("hipcheck-ostrc-o2-en-1", (await researcher.GetOk(url)).Text("version"));
        var page = await CheckInPage(await App.LogInWithCookie(ResearcherEmail), athleteId);
        Assert.DoesNotContain(Question, page, StringComparison.Ordinal);
    }
}
