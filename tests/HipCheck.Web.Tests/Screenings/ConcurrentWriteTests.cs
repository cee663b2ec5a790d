using System.Net;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Screenings;

/// <summary>
/// Screenings posted at the same moment are committed together (group commit, one fsync for many): every request
/// must still get its own answer, and every acknowledged screening must be stored exactly as sent.
/// </summary>
public sealed class ConcurrentWriteTests : ApiTest
{
    [Fact]
    public async Task Sixty_four_simultaneous_screenings_are_each_acknowledged_and_stored_exactly()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var athletes = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            athletes.Add((await coach.CreateAthlete(Bodies.Athlete(name: $"Runner {i}"))).Id());
        }

        var posts = Enumerable.Range(0, 64).Select(async n =>
        {
            var athlete = athletes[n % athletes.Count];
            var date = new DateOnly(2025, 1, 1).AddDays(n).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            double left = 200 + n;
            using var response = await coach.PostJson($"/api/athletes/{athlete}/screenings",
                Bodies.Screening(date, Bodies.HipExtension([left, left + 1, left + 2], [150, 151, 152])));
            await response.AssertStatus(HttpStatusCode.Created);
            var created = await response.Body();
            return (Athlete: athlete, Id: created.Id(), Date: date, Left: left);
        }).ToList();
        var written = await Task.WhenAll(posts);

        Assert.Equal(64, written.Select(w => w.Id).Distinct().Count());
        foreach (var w in written)
        {
            var stored = await coach.GetOk($"/api/screenings/{w.Id}");
            Assert.Equal(w.Date, stored.GetProperty("date").GetString());
            var result = stored.GetProperty("results")[0];
            Assert.Equal([w.Left, w.Left + 1, w.Left + 2], result.GetProperty("left").GetProperty("trials").EnumerateArray().Select(v => v.GetDouble()));
            Assert.Equal([150.0, 151, 152], result.GetProperty("right").GetProperty("trials").EnumerateArray().Select(v => v.GetDouble()));
            Assert.Equal(w.Athlete, stored.GetProperty("athleteId").GetString());
        }

        var perAthlete = 0;
        foreach (var athlete in athletes)
        {
            perAthlete += (await coach.GetOk($"/api/athletes/{athlete}/screenings")).GetArrayLength();
        }

        Assert.Equal(64, perAthlete);
    }
}
