using System.Net;
using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Athletes;

public class AthleteValidationTests : ApiTest
{
    /// <summary>Each case breaks one field of an otherwise valid body; <paramref name="valueJson"/> null removes the field.</summary>
    [Theory]
    [InlineData("name", "\"\"")]
    [InlineData("name", "\"   \"")]
    [InlineData("name", null)]
    [InlineData("sex", "\"other\"")]
    [InlineData("sex", null)]
    [InlineData("birthDate", "\"2999-01-01\"")] // in the future
    [InlineData("birthDate", null)]
    [InlineData("bodyMassKg", "19.9")] // below 20 kg
    [InlineData("bodyMassKg", "300.1")] // above 300 kg
    [InlineData("heightCm", "0")]
    [InlineData("heightCm", "-170")]
    [InlineData("heightCm", "400")] // no one is 4 m tall
    [InlineData("dominantLeg", "\"middle\"")]
    [InlineData("dominantLeg", null)]
    public async Task Bad_field_is_named_in_a_400_problem_and_nothing_is_stored(string field, string? valueJson)
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var body = Bodies.Athlete();
        if (valueJson is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = JsonNode.Parse(valueJson);
        }

        using var response = await coach.PostJson("/api/athletes", body);

        await response.AssertFieldErrors(field);
        Assert.Empty((await coach.GetOk("/api/athletes")).Items());
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var body = Bodies.Athlete(name: "", sex: "x", birthDate: "2999-01-01", heightCm: 0, dominantLeg: "both");

        using var response = await coach.PostJson("/api/athletes", body);

        await response.AssertFieldErrors("name", "sex", "birthDate", "heightCm", "dominantLeg");
        Assert.Empty((await coach.GetOk("/api/athletes")).Items());
    }

    [Fact]
    public async Task Body_mass_limits_20_and_300_kg_are_inside_the_range()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var light = await coach.CreateAthlete(Bodies.Athlete(name: "Light", bodyMassKg: 20));
        var heavy = await coach.CreateAthlete(Bodies.Athlete(name: "Heavy", bodyMassKg: 300));

        JsonAssert.Number(20, light, "bodyMassKg");
        JsonAssert.Number(300, heavy, "bodyMassKg");
    }

    [Theory]
    [InlineData("{ \"name\": \"Ann\", ")] // truncated
    [InlineData("not json at all")]
    [InlineData("{ \"name\": \"Ann\", \"sex\": \"female\", \"birthDate\": \"15/04/1990\", \"bodyMassKg\": 60, \"heightCm\": 168, \"sport\": \"running\", \"dominantLeg\": \"right\" }")] // not ISO 8601
    [InlineData("{ \"name\": \"Ann\", \"sex\": \"female\", \"birthDate\": \"1990-04-15\", \"bodyMassKg\": \"sixty\", \"heightCm\": 168, \"sport\": \"running\", \"dominantLeg\": \"right\" }")]
    public async Task Malformed_body_gets_a_400_problem_and_nothing_is_stored(string json)
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");

        using var response = await coach.PostRaw("/api/athletes", json);

        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Empty((await coach.GetOk("/api/athletes")).Items());
    }

    [Fact]
    public async Task Bad_put_is_refused_and_the_profile_is_unchanged()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athlete = await runner.CreateAthlete(Bodies.Athlete(name: "Ann", bodyMassKg: 60));

        using var put = await runner.PutJson($"/api/athletes/{athlete.Id()}", Bodies.Athlete(name: "", bodyMassKg: 5));

        await put.AssertFieldErrors("name", "bodyMassKg");
        var fetched = await runner.GetOk($"/api/athletes/{athlete.Id()}");
        JsonAssert.Text("Ann", fetched, "name");
        JsonAssert.Number(60, fetched, "bodyMassKg");
    }
}
