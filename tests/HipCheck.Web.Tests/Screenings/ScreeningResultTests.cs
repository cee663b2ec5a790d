using System.Net;
using System.Text.Json;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Screenings;

/// <summary>The numbers a screening answers, each hand-computed in a comment (definitions: PRODUCT.md).</summary>
public class ScreeningResultTests : ApiTest
{
    private async Task<(HttpClient Runner, string AthleteId)> RunnerWithProfile(double bodyMassKg = 50)
    {
        var runner = await App.RegisterAndLogin("ann@example.org");
        var athlete = await runner.CreateAthlete(Bodies.Athlete(bodyMassKg: bodyMassKg));
        return (runner, athlete.Id());
    }

    [Fact]
    public async Task Hip_extension_in_newtons_gives_means_normalised_strength_asymmetry_and_weaker_side()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        using var response = await runner.PostJson($"/api/athletes/{athleteId}/screenings",
            Bodies.Screening("2025-03-01", Bodies.HipExtension([200, 210, 220], [180, 190, 200], "N", leverArmM: 0.5)));

        await response.AssertStatus(HttpStatusCode.Created);
        var screening = await response.Body();
        Assert.True(Guid.TryParse(screening.Id(), out _));
        JsonAssert.Text(athleteId, screening, "athleteId");
        JsonAssert.Text("2025-03-01", screening, "date");
        JsonAssert.Number(50, screening, "bodyMassKg"); // defaults to the athlete's

        var result = screening.Result("hip-extension");
        JsonAssert.Text("N", result, "unit");
        var left = result.GetProperty("left");
        var right = result.GetProperty("right");

        Assert.Equal([200, 210, 220], JsonAssert.Numbers(left, "trials"));
        JsonAssert.Number(210, left, "mean"); // (200 + 210 + 220) / 3
        JsonAssert.Number(220, left, "max");
        JsonAssert.Number(4.2, left, "newtonsPerKg"); // 210 / 50
        JsonAssert.Number(2.1, left, "newtonMetresPerKg"); // 210 x 0.5 / 50
        JsonAssert.Number(4.761904761904762, left, "cvPercent"); // SD = sqrt((10² + 0 + 10²) / 2) = 10; 100 x 10 / 210

        Assert.Equal([180, 190, 200], JsonAssert.Numbers(right, "trials"));
        JsonAssert.Number(190, right, "mean");
        JsonAssert.Number(200, right, "max");
        JsonAssert.Number(3.8, right, "newtonsPerKg"); // 190 / 50
        JsonAssert.Number(1.9, right, "newtonMetresPerKg"); // 190 x 0.5 / 50
        JsonAssert.Number(5.2631578947368425, right, "cvPercent"); // 100 x 10 / 190

        JsonAssert.Number(9.523809523809524, result, "asymmetryPercent"); // 100 x (210 - 190) / 210
        JsonAssert.Number(90.47619047619048, result, "lsiPercent"); // 100 x 190 / 210
        JsonAssert.Text("right", result, "weakerSide");
        Assert.Empty(result.Warnings()); // both CVs under 10 %, three trials each
    }

    [Fact]
    public async Task Kilogram_force_is_reported_in_newtons_and_normalised_by_the_screening_body_mass()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 60);
        var body = Bodies.Screening("2025-03-01", Bodies.HipExtension([25, 25], [20, 20], "kgf"));
        body["bodyMassKg"] = 70; // overrides the athlete's 60 kg for this session

        var screening = await runner.CreateScreening(athleteId, body);

        JsonAssert.Number(70, screening, "bodyMassKg");
        var result = screening.Result("hip-extension");
        var left = result.GetProperty("left");
        var right = result.GetProperty("right");
        Assert.Equal([245.16625, 245.16625], JsonAssert.Numbers(left, "trials")); // 25 x 9.80665
        JsonAssert.Number(245.16625, left, "mean");
        JsonAssert.Number(245.16625, left, "max");
        JsonAssert.Number(3.502375, left, "newtonsPerKg"); // 245.16625 / 70
        JsonAssert.Null(left, "newtonMetresPerKg"); // no lever arm given
        JsonAssert.Number(0, left, "cvPercent"); // identical trials
        JsonAssert.Number(196.133, right, "mean"); // 20 x 9.80665
        JsonAssert.Number(2.8019, right, "newtonsPerKg"); // 196.133 / 70
        JsonAssert.Number(20, result, "asymmetryPercent"); // 100 x (245.16625 - 196.133) / 245.16625 = 100 x 5 / 25
        JsonAssert.Number(80, result, "lsiPercent"); // 100 x 20 / 25
        JsonAssert.Text("right", result, "weakerSide");
    }

    [Fact]
    public async Task Pound_force_is_converted_and_equal_sides_have_no_weaker_side()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 60);

        var screening = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01",
            Bodies.Force("hip-external-rotation", "lbf", [40, 44], [44, 40], leverArmM: 0.4)));

        var result = screening.Result("hip-external-rotation");
        var left = result.GetProperty("left");
        JsonAssert.Number(186.82530784094098, left, "mean"); // 42 x 4.4482216152605
        JsonAssert.Number(195.72175107146200, left, "max"); // 44 x 4.4482216152605
        JsonAssert.Number(3.1137551306823497, left, "newtonsPerKg"); // 186.8253078 / 60
        JsonAssert.Number(1.2455020522729399, left, "newtonMetresPerKg"); // 186.8253078 x 0.4 / 60
        JsonAssert.Number(186.82530784094098, result.GetProperty("right"), "mean");
        JsonAssert.Number(0, result, "asymmetryPercent");
        JsonAssert.Number(100, result, "lsiPercent");
        JsonAssert.Null(result, "weakerSide");
    }

    [Fact]
    public async Task Left_can_be_the_weaker_side()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        var screening = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01",
            Bodies.Force("hip-abduction", "N", [150, 150], [200, 200])));

        var result = screening.Result("hip-abduction");
        JsonAssert.Number(25, result, "asymmetryPercent"); // 100 x (200 - 150) / 200
        JsonAssert.Number(75, result, "lsiPercent"); // 100 x 150 / 200
        JsonAssert.Text("left", result, "weakerSide");
    }

    [Fact]
    public async Task Single_trial_has_no_cv_and_is_warned_per_side()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        var screening = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01",
            Bodies.HipExtension([200], [180])));

        var result = screening.Result("hip-extension");
        JsonAssert.Null(result.GetProperty("left"), "cvPercent");
        JsonAssert.Null(result.GetProperty("right"), "cvPercent");
        JsonAssert.Number(200, result.GetProperty("left"), "mean");
        JsonAssert.Number(10, result, "asymmetryPercent"); // 100 x (200 - 180) / 200
        Assert.Equal(
            new[] { ("single-trial", (string?)"left"), ("single-trial", (string?)"right") }.Order(),
            result.Warnings().Order());
        Assert.All(result.GetProperty("warnings").EnumerateArray(),
            w => Assert.False(string.IsNullOrWhiteSpace(w.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Force_trials_varying_more_than_10_percent_are_flagged_not_dropped()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        var screening = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01",
            Bodies.Force("hip-abduction", "N", [100, 120], [110, 110])));

        var result = screening.Result("hip-abduction");
        var left = result.GetProperty("left");
        Assert.Equal([100, 120], JsonAssert.Numbers(left, "trials")); // kept, not silently dropped
        JsonAssert.Number(110, left, "mean");
        JsonAssert.Number(12.8564869306645, left, "cvPercent"); // SD = sqrt((10² + 10²) / 1) = 14.1421; 100 x 14.1421 / 110
        Assert.Equal([("inconsistent-trials", (string?)"left")], result.Warnings()); // 12.86 % > 10 %
    }

    [Fact]
    public async Task Holds_are_flagged_only_above_15_percent()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        var screening = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01",
            Bodies.SingleLegBridge([30, 34], [20, 24]),
            Bodies.Force("hip-extension", "N", [150, 200, 250], [200, 200, 200])));

        var bridge = screening.Result("single-leg-bridge");
        var left = bridge.GetProperty("left");
        var right = bridge.GetProperty("right");
        JsonAssert.Number(32, left, "mean");
        JsonAssert.Number(34, left, "max");
        JsonAssert.Number(8.838834764831844, left, "cvPercent"); // SD = sqrt(2² + 2²) = 2.8284; 100 x 2.8284 / 32
        JsonAssert.Number(22, right, "mean");
        JsonAssert.Number(12.8564869306645, right, "cvPercent"); // 100 x 2.8284 / 22: over 10 % but under the 15 % limit for holds
        JsonAssert.Number(31.25, bridge, "asymmetryPercent"); // 100 x (32 - 22) / 32
        JsonAssert.Number(68.75, bridge, "lsiPercent"); // 100 x 22 / 32
        JsonAssert.Text("right", bridge, "weakerSide");
        Assert.Empty(bridge.Warnings());

        var extension = screening.Result("hip-extension");
        JsonAssert.Number(25, extension.GetProperty("left"), "cvPercent"); // SD = sqrt((50² + 0 + 50²) / 2) = 50; 100 x 50 / 200
        Assert.Equal([("inconsistent-trials", (string?)"left")], extension.Warnings());
    }

    [Fact]
    public async Task Hold_above_15_percent_is_flagged()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        var screening = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01",
            Bodies.SingleLegBridge([30, 30], [20, 25])));

        var bridge = screening.Result("single-leg-bridge");
        JsonAssert.Number(15.713484026367722, bridge.GetProperty("right"), "cvPercent"); // SD = sqrt(2.5² x 2) = 3.5355; 100 x 3.5355 / 22.5
        Assert.Equal([("inconsistent-trials", (string?)"right")], bridge.Warnings());
    }

    [Fact]
    public async Task Back_extension_endurance_reports_seconds_and_no_sides()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        var screening = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01", Bodies.BackExtension(95.5)));

        var result = screening.Result("back-extension-endurance");
        JsonAssert.Number(95.5, result, "seconds");
        JsonAssert.Null(result, "left");
        JsonAssert.Null(result, "right");
        JsonAssert.Null(result, "asymmetryPercent");
        JsonAssert.Null(result, "lsiPercent");
        JsonAssert.Null(result, "weakerSide");
    }

    [Fact]
    public async Task A_full_session_keeps_every_test_and_reads_back_identically()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        using var response = await runner.PostJson($"/api/athletes/{athleteId}/screenings", Bodies.Screening("2025-03-01",
            Bodies.HipExtension([200, 210, 220], [180, 190, 200], leverArmM: 0.5),
            Bodies.Force("hip-abduction", "kgf", [15, 15], [15, 15]),
            Bodies.Force("hip-external-rotation", "lbf", [30, 32], [31, 31]),
            Bodies.BackExtension(120),
            Bodies.SingleLegBridge([40, 42], [41, 41])));
        await response.AssertStatus(HttpStatusCode.Created);
        var created = await response.Body();

        Assert.Equal(
            ["back-extension-endurance", "hip-abduction", "hip-extension", "hip-external-rotation", "single-leg-bridge"],
            created.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("test").GetString()).Order());

        var location = response.Headers.Location;
        Assert.NotNull(location);
        Assert.EndsWith($"/api/screenings/{created.Id()}", location.ToString(), StringComparison.OrdinalIgnoreCase);

        var fetched = await runner.GetOk(location.ToString());
        Assert.True(JsonElement.DeepEquals(created, fetched), $"POST answered\n{created}\nGET answered\n{fetched}");
    }

    [Fact]
    public async Task Screening_keeps_the_body_mass_of_its_day_when_the_athlete_changes_later()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);
        var before = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01", Bodies.HipExtension([200, 200], [180, 180])));

        using (var put = await runner.PutJson($"/api/athletes/{athleteId}", Bodies.Athlete(bodyMassKg: 80)))
        {
            await put.AssertStatus(HttpStatusCode.OK);
        }

        var after = await runner.GetOk($"/api/screenings/{before.Id()}");
        JsonAssert.Number(50, after, "bodyMassKg");
        JsonAssert.Number(4, after.Result("hip-extension").GetProperty("left"), "newtonsPerKg"); // 200 / 50, not 200 / 80

        var next = await runner.CreateScreening(athleteId, Bodies.Screening("2025-04-01", Bodies.HipExtension([200, 200], [180, 180])));
        JsonAssert.Number(80, next, "bodyMassKg");
        JsonAssert.Number(2.5, next.Result("hip-extension").GetProperty("left"), "newtonsPerKg"); // 200 / 80
    }

    [Fact]
    public async Task Decimal_trials_are_kept_as_entered()
    {
        var (runner, athleteId) = await RunnerWithProfile(bodyMassKg: 50);

        var screening = await runner.CreateScreening(athleteId, Bodies.Screening("2025-03-01",
            Bodies.HipExtension([200.25, 199.75], [180.5, 181.5])));

        var result = screening.Result("hip-extension");
        Assert.Equal([200.25, 199.75], JsonAssert.Numbers(result.GetProperty("left"), "trials"));
        JsonAssert.Number(200, result.GetProperty("left"), "mean"); // (200.25 + 199.75) / 2
        JsonAssert.Number(181, result.GetProperty("right"), "mean"); // (180.5 + 181.5) / 2
        JsonAssert.Number(9.5, result, "asymmetryPercent"); // 100 x (200 - 181) / 200
    }

    [Fact]
    public async Task Screenings_are_listed_newest_first()
    {
        var (runner, athleteId) = await RunnerWithProfile();

        // Entered out of order: "newest" means the screening date, not the order of entry.
        var january = await runner.CreateScreening(athleteId, Bodies.SimpleScreening("2025-01-10"));
        var march = await runner.CreateScreening(athleteId, Bodies.SimpleScreening("2025-03-05"));
        var february = await runner.CreateScreening(athleteId, Bodies.SimpleScreening("2025-02-01"));

        var list = (await runner.GetOk($"/api/athletes/{athleteId}/screenings")).Items();

        Assert.Equal([march.Id(), february.Id(), january.Id()], list.Select(s => s.Id()));
        Assert.Equal(["2025-03-05", "2025-02-01", "2025-01-10"], list.Select(s => s.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task Two_screenings_on_one_day_list_the_later_entry_first()
    {
        var (runner, athleteId) = await RunnerWithProfile();
        var morning = await runner.CreateScreening(athleteId, Bodies.SimpleScreening("2025-03-01"));
        var retest = await runner.CreateScreening(athleteId, Bodies.SimpleScreening("2025-03-01"));

        var list = (await runner.GetOk($"/api/athletes/{athleteId}/screenings")).Items();

        Assert.Equal([retest.Id(), morning.Id()], list.Select(s => s.Id()));
    }

    [Fact]
    public async Task Screening_list_holds_only_that_athletes_screenings()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var bo = await coach.CreateAthlete(Bodies.Athlete(name: "Bo"));
        var cy = await coach.CreateAthlete(Bodies.Athlete(name: "Cy"));
        var bosScreening = await coach.CreateScreening(bo.Id());
        await coach.CreateScreening(cy.Id());

        var list = (await coach.GetOk($"/api/athletes/{bo.Id()}/screenings")).Items();

        Assert.Equal([bosScreening.Id()], list.Select(s => s.Id()));
    }

    [Fact]
    public async Task Screening_today_is_accepted()
    {
        var (runner, athleteId) = await RunnerWithProfile();
        var screening = await runner.CreateScreening(athleteId, Bodies.SimpleScreening(Bodies.Today));
        JsonAssert.Text(Bodies.Today, screening, "date");
    }

    [Fact]
    public async Task Random_screening_id_gets_404_problem()
    {
        var (runner, _) = await RunnerWithProfile();
        using var response = await runner.Get($"/api/screenings/{Guid.NewGuid()}");
        await response.AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Screening_for_a_random_athlete_id_gets_404()
    {
        var (runner, _) = await RunnerWithProfile();
        using var response = await runner.PostJson($"/api/athletes/{Guid.NewGuid()}/screenings", Bodies.SimpleScreening());
        await response.AssertStatus(HttpStatusCode.NotFound);
    }
}
