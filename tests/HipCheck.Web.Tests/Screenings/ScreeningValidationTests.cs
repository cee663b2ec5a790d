using System.Net;
using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Screenings;

/// <summary>
/// Bad input answers 400 problem+json naming each bad field, and nothing is stored
/// (checked through the athlete's screening list after every refusal).
/// </summary>
public class ScreeningValidationTests : ApiTest
{
    private async Task<(HttpClient Runner, string AthleteId)> RunnerWithProfile()
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athlete = await runner.CreateAthlete(Bodies.Athlete(birthDate: "1990-04-15", bodyMassKg: 60));
        return (runner, athlete.Id());
    }

    private async Task AssertRefused(JsonObject body, params string[] fields)
    {
        var (runner, athleteId) = await RunnerWithProfile();
        using var response = await runner.PostJson($"/api/athletes/{athleteId}/screenings", body);
        await response.AssertFieldErrors(fields);
        await AssertNothingStored(runner, athleteId);
    }

    private static async Task AssertNothingStored(HttpClient runner, string athleteId) =>
        Assert.Empty((await runner.GetOk($"/api/athletes/{athleteId}/screenings")).Items());

    [Fact]
    public async Task Missing_tests_are_named()
    {
        var body = Bodies.SimpleScreening();
        body.Remove("tests");
        await AssertRefused(body, "tests");
    }

    [Fact]
    public async Task Empty_tests_are_named() =>
        await AssertRefused(Bodies.Screening("2025-03-01"), "tests");

    [Theory]
    [InlineData("hip-flexion")]
    [InlineData("")]
    public async Task Unknown_test_is_named(string test)
    {
        var body = Bodies.Screening("2025-03-01", Bodies.Force(test, "N", [200], [200]));
        await AssertRefused(body, "tests[0].test");
    }

    [Theory]
    [InlineData("kg")]
    [InlineData("newton")]
    [InlineData(null)]
    public async Task Unknown_or_missing_unit_of_a_force_test_is_named(string? unit)
    {
        var test = Bodies.HipExtension([200], [190]);
        if (unit is null)
        {
            test.Remove("unit");
        }
        else
        {
            test["unit"] = unit;
        }

        await AssertRefused(Bodies.Screening("2025-03-01", test), "tests[0].unit");
    }

    [Theory]
    [InlineData("left")]
    [InlineData("right")]
    public async Task Missing_side_is_named(string side)
    {
        var test = Bodies.HipExtension([200], [190]);
        test.Remove(side);
        await AssertRefused(Bodies.Screening("2025-03-01", test), $"tests[0].{side}");
    }

    [Theory]
    [InlineData("left")]
    [InlineData("right")]
    public async Task Missing_side_of_a_hold_is_named(string side)
    {
        var test = Bodies.SingleLegBridge([30], [28]);
        test.Remove(side);
        await AssertRefused(Bodies.Screening("2025-03-01", test), $"tests[0].{side}");
    }

    [Fact]
    public async Task Implausibly_long_hold_is_named_by_its_index() =>
        await AssertRefused(Bodies.Screening("2025-03-01", Bodies.SingleLegBridge([30, 36000], [28, 29])), "tests[0].left[1]"); // 10 hours

    [Fact]
    public async Task Implausibly_long_back_extension_hold_is_named() =>
        await AssertRefused(Bodies.Screening("2025-03-01", Bodies.BackExtension(36000)), "tests[0].seconds"); // 10 hours

    [Fact]
    public async Task Side_without_trials_is_named_like_a_missing_side()
    {
        // An empty array carries no measurement; treated as missing.
        await AssertRefused(Bodies.Screening("2025-03-01", Bodies.HipExtension([200], [])), "tests[0].right");
    }

    [Theory]
    [InlineData(-200)]
    [InlineData(0)]
    [InlineData(5000)] // no hip pushes 5 kN on a handheld dynamometer
    public async Task Negative_zero_or_implausible_force_is_named_by_its_index(double bad)
    {
        var body = Bodies.Screening("2025-03-01", Bodies.HipExtension([200, bad, 210], [190, 195, 200]));
        await AssertRefused(body, "tests[0].left[1]");
    }

    [Fact]
    public async Task Plausibility_is_judged_in_newtons_after_unit_conversion()
    {
        // 1000 kgf = 9806.65 N is implausible; the 25 kgf (245.17 N) trials beside it are ordinary.
        var body = Bodies.Screening("2025-03-01", Bodies.HipExtension([25, 25], [1000, 25], "kgf"));
        await AssertRefused(body, "tests[0].right[0]");
    }

    [Fact]
    public async Task Bad_trial_in_a_later_test_is_named_by_the_tests_index()
    {
        var body = Bodies.Screening("2025-03-01",
            Bodies.HipExtension([200, 210], [190, 195]),
            Bodies.SingleLegBridge([30, -4], [28, 29]));
        await AssertRefused(body, "tests[1].left[1]");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.3)]
    public async Task Lever_arm_that_is_not_positive_is_named(double leverArmM)
    {
        // Not in the contract's key list; named like the other fields of a test.
        var body = Bodies.Screening("2025-03-01", Bodies.HipExtension([200, 210], [190, 195], leverArmM: leverArmM));
        await AssertRefused(body, "tests[0].leverArmM");
    }

    [Theory]
    [InlineData(-10.0)]
    [InlineData(0.0)]
    [InlineData(null)]
    public async Task Bad_or_missing_endurance_seconds_are_named(double? seconds)
    {
        var test = Bodies.BackExtension(0);
        if (seconds is null)
        {
            test.Remove("seconds");
        }
        else
        {
            test["seconds"] = seconds;
        }

        await AssertRefused(Bodies.Screening("2025-03-01", test), "tests[0].seconds");
    }

    [Fact]
    public async Task Date_in_the_future_is_named() =>
        await AssertRefused(Bodies.SimpleScreening(Bodies.InTwoDays), "date");

    [Fact]
    public async Task Date_before_the_birth_date_is_named() =>
        await AssertRefused(Bodies.SimpleScreening("1990-04-14"), "date"); // athlete born 1990-04-15

    [Fact]
    public async Task Missing_date_is_named()
    {
        var body = Bodies.SimpleScreening();
        body.Remove("date");
        await AssertRefused(body, "date");
    }

    [Theory]
    [InlineData(19.9)]
    [InlineData(300.5)]
    [InlineData(0)]
    public async Task Body_mass_outside_20_to_300_kg_is_named(double bodyMassKg)
    {
        var body = Bodies.SimpleScreening();
        body["bodyMassKg"] = bodyMassKg;
        await AssertRefused(body, "bodyMassKg");
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once_and_the_valid_tests_are_not_stored_either()
    {
        var body = Bodies.Screening(Bodies.InTwoDays,
            Bodies.HipExtension([200, 210], [190, 195]), // valid on its own
            Bodies.Force("hip-abduction", "stone", [150], [150]),
            Bodies.SingleLegBridge([30, 0], [28, 29]));
        body["bodyMassKg"] = 500;

        await AssertRefused(body, "date", "bodyMassKg", "tests[1].unit", "tests[2].left[1]");
    }

    [Fact]
    public async Task Errors_name_only_the_bad_fields()
    {
        var (runner, athleteId) = await RunnerWithProfile();
        var body = Bodies.Screening("2025-03-01", Bodies.HipExtension([200, 210], [190, -1]));

        using var response = await runner.PostJson($"/api/athletes/{athleteId}/screenings", body);

        var errors = await response.AssertFieldErrors("tests[0].right[1]");
        Assert.Equal(["tests[0].right[1]"], errors.EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("{ \"date\": \"2025-03-01\", \"tests\": [ { \"test\": \"hip-extension\", \"unit\": \"N\", \"left\": [\"abc\"], \"right\": [200] } ] }")]
    [InlineData("{ \"date\": \"2025-03-01\", \"tests\": [ { \"test\": \"hip-extension\", \"unit\": \"N\", \"left\": [200 }")]
    [InlineData("{ \"date\": \"01/03/2025\", \"tests\": [ { \"test\": \"back-extension-endurance\", \"seconds\": 90 } ] }")]
    [InlineData("{ \"date\": \"2025-03-01\", \"tests\": [ { \"test\": \"back-extension-endurance\", \"seconds\": \"ninety\" } ] }")]
    [InlineData("{ \"date\": \"2025-02-30\", \"tests\": [ { \"test\": \"back-extension-endurance\", \"seconds\": 90 } ] }")] // no such day
    [InlineData("[]")]
    [InlineData("")]
    public async Task Malformed_json_or_non_numeric_value_gets_a_400_problem_and_nothing_is_stored(string json)
    {
        var (runner, athleteId) = await RunnerWithProfile();

        using var response = await runner.PostRaw($"/api/athletes/{athleteId}/screenings", json);

        await response.AssertProblem(HttpStatusCode.BadRequest);
        await AssertNothingStored(runner, athleteId);
    }
}
