using System.Net;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

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

/// <summary>
/// A screening that cannot be stored (here: its athlete does not exist, a foreign-key violation) fails alone: the
/// screenings committed beside it are stored and every caller gets its own answer, none is left waiting.
/// </summary>
public sealed class GroupCommitFailureTests : ApiTest
{
    [Fact]
    public async Task One_bad_screening_among_many_fails_alone_and_every_caller_is_answered()
    {
        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        var athlete = Guid.Parse((await coach.CreateAthlete()).Id());
        var commits = App.Services.GetRequiredService<HipCheck.Web.Screenings.ScreeningGroupCommit>();

        HipCheck.Web.Screenings.Screening Screening(Guid athleteId, int day)
        {
            var id = Guid.CreateVersion7();
            return new HipCheck.Web.Screenings.Screening
            {
                Id = id,
                AthleteId = athleteId,
                Date = new DateOnly(2025, 1, 1).AddDays(day),
                BodyMassKg = 60,
                CreatedByUserId = "test",
                CreatedUtc = DateTime.UtcNow,
                Tests = [new HipCheck.Web.Screenings.ScreeningTest { Id = Guid.CreateVersion7(), ScreeningId = id, TestCode = "hip-extension", LeftTrials = [200], RightTrials = [190] }],
            };
        }

        var good = Enumerable.Range(0, 40).Select(day => Screening(athlete, day)).ToList();
        var bad = Screening(Guid.CreateVersion7(), 99);
        var saves = good.Select(s => commits.SaveAsync(s, TestContext.Current.CancellationToken)).ToList();
        var badSave = commits.SaveAsync(bad, TestContext.Current.CancellationToken);

        var all = Task.WhenAll(saves.Append(badSave).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.Same(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken)));
        Assert.All(saves, t => Assert.True(t.IsCompletedSuccessfully, t.Exception?.ToString()));
        Assert.True(badSave.IsFaulted);

        var stored = (await coach.GetOk($"/api/athletes/{athlete}/screenings")).GetArrayLength();
        Assert.Equal(40, stored);
    }
}
