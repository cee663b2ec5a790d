using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Injuries;

/// <summary>
/// The injury log (issue 4 item 1): POST/GET /api/athletes/{id}/injuries and GET/PUT /api/injuries/{id}.
/// Today is 2025-09-01 on the app's clock; the athlete was born 1990-04-15.
/// </summary>
public class InjuryApiTests : ClockedTest
{
    private async Task<(HttpClient Coach, string AthleteId)> CoachWithAthlete()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var athleteId = (await coach.CreateAthlete(Bodies.Athlete(name: "Ada Lovelace"))).Id();
        return (coach, athleteId);
    }

    private static async Task<JsonElement[]> List(HttpClient client, string athleteId) =>
        (await client.GetOk($"/api/athletes/{athleteId}/injuries")).Items();

    private static void AssertInjury(JsonElement injury, string athleteId, string region, string osiics, string diagnosis,
        string? diagnosisText, string onset, string mechanism, bool neededTreatment, int daysLost)
    {
        JsonAssert.Text(athleteId, injury, "athleteId");
        JsonAssert.Text(region, injury, "region");
        JsonAssert.Text(osiics, injury, "regionOsiics");
        JsonAssert.Text(diagnosis, injury, "diagnosis");
        if (diagnosisText is null)
        {
            JsonAssert.Null(injury, "diagnosisText");
        }
        else
        {
            JsonAssert.Text(diagnosisText, injury, "diagnosisText");
        }

        JsonAssert.Text(onset, injury, "onsetDate");
        JsonAssert.Text(mechanism, injury, "mechanism");
        Assert.Equal(neededTreatment, injury.GetProperty("neededTreatment").GetBoolean());
        Assert.Equal(daysLost, injury.GetProperty("daysLost").GetInt32());
    }

    [Fact]
    public async Task Coach_records_an_injury_and_reads_it_back_from_the_list_and_by_id()
    {
        var (coach, athleteId) = await CoachWithAthlete();

        using var response = await coach.PostJson($"/api/athletes/{athleteId}/injuries", StudyApi.Injury("2025-08-20", daysLost: 12));

        await response.AssertStatus(HttpStatusCode.Created);
        var created = await response.Body();
        Assert.Equal($"/api/injuries/{created.Id()}", response.Headers.Location?.OriginalString);
        AssertInjury(created, athleteId, "lumbar-spine", "L", "low-back-pain", null, "2025-08-20", "overuse", true, 12);

        var byId = await coach.GetOk($"/api/injuries/{created.Id()}");
        Assert.True(JsonElement.DeepEquals(created, byId), $"POST answered\n{created}\nGET answered\n{byId}");
        var list = await List(coach, athleteId);
        Assert.Single(list);
        Assert.True(JsonElement.DeepEquals(created, list[0]), $"POST answered\n{created}\nthe list holds\n{list[0]}");
    }

    [Fact]
    public async Task Runner_records_an_injury_on_their_own_profile()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athleteId = (await runner.CreateAthlete()).Id();

        var created = await runner.RecordInjury(athleteId, StudyApi.Injury("2025-07-01", region: "knee", diagnosis: "patellofemoral-pain",
            neededTreatment: false, daysLost: 0));

        AssertInjury(created, athleteId, "knee", "K", "patellofemoral-pain", null, "2025-07-01", "overuse", false, 0);
        Assert.Single(await List(runner, athleteId));
    }

    [Theory]
    [InlineData("lumbar-spine", "L")]
    [InlineData("hip-groin", "G")]
    [InlineData("thigh", "T")]
    [InlineData("knee", "K")]
    [InlineData("lower-leg", "Q")]
    [InlineData("ankle", "A")]
    [InlineData("foot", "F")]
    [InlineData("other", "Z")]
    public async Task Every_region_code_comes_back_with_its_osiics_letter(string region, string osiics)
    {
        var (coach, athleteId) = await CoachWithAthlete();

        var created = await coach.RecordInjury(athleteId, StudyApi.Injury("2025-08-01", region: region));

        JsonAssert.Text(region, created, "region");
        JsonAssert.Text(osiics, created, "regionOsiics");
    }

    [Fact]
    public async Task Other_diagnosis_keeps_its_description_and_acute_trauma_reads_back()
    {
        var (coach, athleteId) = await CoachWithAthlete();

        var created = await coach.RecordInjury(athleteId, StudyApi.Injury("2025-08-01", region: "ankle", diagnosis: "other",
            diagnosisText: "  Lateral ankle sprain  ", mechanism: "acute-trauma", daysLost: 730));

        AssertInjury(created, athleteId, "ankle", "A", "other", "Lateral ankle sprain", "2025-08-01", "acute-trauma", true, 730);
    }

    [Fact]
    public async Task List_is_ordered_newest_onset_first()
    {
        var (coach, athleteId) = await CoachWithAthlete();
        foreach (var onset in new[] { "2025-03-01", "2025-08-01", "2025-05-01" })
        {
            await coach.RecordInjury(athleteId, StudyApi.Injury(onset));
        }

        var onsets = (await List(coach, athleteId)).Select(i => i.Text("onsetDate")).ToArray();

        Assert.Equal(["2025-08-01", "2025-05-01", "2025-03-01"], onsets);
    }

    public static TheoryData<string, string, string?> InvalidFields => new()
    {
        // field named in the error, property changed, new value as JSON (null removes the property)
        { "region", "region", null },
        { "region", "region", "\"\"" },
        { "region", "region", "\"elbow\"" },
        { "diagnosis", "diagnosis", null },
        { "diagnosis", "diagnosis", "\"sprained ego\"" },
        { "onsetDate", "onsetDate", null },
        { "onsetDate", "onsetDate", "\"2025-09-03\"" }, // two days after today: in the future everywhere
        { "onsetDate", "onsetDate", "\"2030-01-01\"" },
        { "onsetDate", "onsetDate", "\"1990-04-14\"" }, // the day before the athlete's birth
        { "mechanism", "mechanism", null },
        { "mechanism", "mechanism", "\"bad luck\"" },
        { "neededTreatment", "neededTreatment", null },
        { "daysLost", "daysLost", null },
        { "daysLost", "daysLost", "-1" },
        { "daysLost", "daysLost", "731" },
        { "diagnosisText", "diagnosisText", $"\"{new string('x', 201)}\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Each_invalid_field_is_named_and_nothing_is_stored(string field, string property, string? json)
    {
        var (coach, athleteId) = await CoachWithAthlete();
        var body = StudyApi.Injury("2025-08-01");
        body.Remove(property);
        if (json is not null)
        {
            body[property] = JsonNode.Parse(json);
        }

        using var response = await coach.PostJson($"/api/athletes/{athleteId}/injuries", body);

        var errors = await response.AssertFieldErrors(field);
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Empty(await List(coach, athleteId));
    }

    [Fact]
    public async Task Other_diagnosis_needs_a_description()
    {
        var (coach, athleteId) = await CoachWithAthlete();

        using var blank = await coach.PostJson($"/api/athletes/{athleteId}/injuries", StudyApi.Injury("2025-08-01", diagnosis: "other", diagnosisText: "   "));
        using var missing = await coach.PostJson($"/api/athletes/{athleteId}/injuries", StudyApi.Injury("2025-08-01", diagnosis: "other"));

        Assert.Equal(["diagnosisText"], (await blank.AssertFieldErrors("diagnosisText")).EnumerateObject().Select(p => p.Name));
        Assert.Equal(["diagnosisText"], (await missing.AssertFieldErrors("diagnosisText")).EnumerateObject().Select(p => p.Name));
        Assert.Empty(await List(coach, athleteId));
    }

    [Fact]
    public async Task Every_invalid_field_at_once_is_named_together()
    {
        var (coach, athleteId) = await CoachWithAthlete();
        var body = new JsonObject { ["region"] = "elbow", ["diagnosis"] = "other", ["onsetDate"] = "2031-01-01", ["mechanism"] = "x", ["daysLost"] = 999 };

        using var response = await coach.PostJson($"/api/athletes/{athleteId}/injuries", body);

        var errors = await response.AssertFieldErrors("region", "diagnosisText", "onsetDate", "mechanism", "neededTreatment", "daysLost");
        Assert.Equal(6, errors.EnumerateObject().Count());
        Assert.Empty(await List(coach, athleteId));
    }

    [Theory]
    [InlineData("2025-09-01")] // today
    [InlineData("2025-09-02")] // tomorrow in UTC: already today somewhere (UTC+14)
    [InlineData("1990-04-15")] // the birth date itself
    public async Task Onset_dates_at_the_limits_are_accepted(string onset)
    {
        var (coach, athleteId) = await CoachWithAthlete();

        var created = await coach.RecordInjury(athleteId, StudyApi.Injury(onset));

        JsonAssert.Text(onset, created, "onsetDate");
    }

    [Fact]
    public async Task Correction_changes_every_field_and_reads_back()
    {
        var (coach, athleteId) = await CoachWithAthlete();
        var created = await coach.RecordInjury(athleteId, StudyApi.Injury("2025-08-01"));
        Clock.Advance(TimeSpan.FromMinutes(5));

        using var response = await coach.PutJson($"/api/injuries/{created.Id()}", StudyApi.Injury("2025-07-15", region: "other",
            diagnosis: "other", diagnosisText: "Rib stress fracture", mechanism: "acute-trauma", neededTreatment: false, daysLost: 42));

        await response.AssertStatus(HttpStatusCode.OK);
        var updated = await response.Body();
        Assert.Equal(created.Id(), updated.Id());
        AssertInjury(updated, athleteId, "other", "Z", "other", "Rib stress fracture", "2025-07-15", "acute-trauma", false, 42);
        Assert.Equal(created.GetProperty("createdUtc").GetDateTime(), updated.GetProperty("createdUtc").GetDateTime());
        Assert.True(updated.GetProperty("updatedUtc").GetDateTime() > created.GetProperty("updatedUtc").GetDateTime());
        Assert.True(JsonElement.DeepEquals(updated, await coach.GetOk($"/api/injuries/{created.Id()}")));
        Assert.Single(await List(coach, athleteId));
    }

    [Fact]
    public async Task Invalid_correction_is_refused_and_the_record_is_unchanged()
    {
        var (coach, athleteId) = await CoachWithAthlete();
        var created = await coach.RecordInjury(athleteId, StudyApi.Injury("2025-08-01"));

        using var response = await coach.PutJson($"/api/injuries/{created.Id()}", StudyApi.Injury("2025-08-01", daysLost: -3));

        await response.AssertFieldErrors("daysLost");
        Assert.True(JsonElement.DeepEquals(created, await coach.GetOk($"/api/injuries/{created.Id()}")));
    }

    [Fact]
    public async Task Strangers_get_404_for_every_route_and_change_nothing()
    {
        var (coach, athleteId) = await CoachWithAthlete();
        var injury = await coach.RecordInjury(athleteId, StudyApi.Injury("2025-08-01"));
        var strangers = new[]
        {
            await App.RegisterAndLogin("other.coach@example.org", role: "coach"),
            await App.RegisterAndLogin("ann@example.org"),
            await App.RegisterAndLogin("other.researcher@example.org", role: "researcher"),
        };

        foreach (var stranger in strangers)
        {
            using (var list = await stranger.Get($"/api/athletes/{athleteId}/injuries"))
            {
                await list.AssertStatus(HttpStatusCode.NotFound);
            }

            using (var post = await stranger.PostJson($"/api/athletes/{athleteId}/injuries", StudyApi.Injury("2025-08-02")))
            {
                await post.AssertStatus(HttpStatusCode.NotFound);
            }

            using (var get = await stranger.Get($"/api/injuries/{injury.Id()}"))
            {
                await get.AssertStatus(HttpStatusCode.NotFound);
                Assert.DoesNotContain("lumbar", await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }

            using (var put = await stranger.PutJson($"/api/injuries/{injury.Id()}", StudyApi.Injury("2025-08-02", daysLost: 99)))
            {
                await put.AssertStatus(HttpStatusCode.NotFound);
            }
        }

        var stored = await List(coach, athleteId);
        Assert.Single(stored);
        Assert.True(JsonElement.DeepEquals(injury, stored[0]));
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var (coach, athleteId) = await CoachWithAthlete();
        var injury = await coach.RecordInjury(athleteId, StudyApi.Injury("2025-08-01"));
        var anonymous = App.Anonymous();

        using var list = await anonymous.Get($"/api/athletes/{athleteId}/injuries");
        using var post = await anonymous.PostJson($"/api/athletes/{athleteId}/injuries", StudyApi.Injury("2025-08-02"));
        using var get = await anonymous.Get($"/api/injuries/{injury.Id()}");
        using var put = await anonymous.PutJson($"/api/injuries/{injury.Id()}", StudyApi.Injury("2025-08-02"));

        Assert.All(new[] { list, post, get, put }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Single(await List(coach, athleteId));
    }

    [Fact]
    public async Task Unknown_athlete_and_unknown_injury_are_404()
    {
        var (coach, _) = await CoachWithAthlete();
        var nobody = Guid.NewGuid();

        using var post = await coach.PostJson($"/api/athletes/{nobody}/injuries", StudyApi.Injury("2025-08-01"));
        using var get = await coach.Get($"/api/injuries/{nobody}");
        using var put = await coach.PutJson($"/api/injuries/{nobody}", StudyApi.Injury("2025-08-01"));

        Assert.All(new[] { post, get, put }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }
}
