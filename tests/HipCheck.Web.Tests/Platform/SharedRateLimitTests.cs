using System.Net;
using HipCheck.Web.Data;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Platform;

/// <summary>
/// Rate limits hold across instances: two Kestrel instances over one database (PostgreSQL in the web-postgres run)
/// with a limit of 3 login POSTs a minute per client count together, so a client spreading its attempts over both
/// is still refused on the 4th. (With per-instance counters it would get 3 on each.)
/// </summary>
public sealed class SharedRateLimitTests() : TwoInstances(new Dictionary<string, string> { ["RateLimits:LoginPerMinute"] = "3" })
{
    [Fact]
    public async Task Login_attempts_spread_over_two_instances_share_one_limit()
    {
        using var a = Client(First);
        using var b = Client(Second);
        var ct = TestContext.Current.CancellationToken;
        // Near the end of a minute the 3 attempts could straddle two windows; start in a fresh one.
        var second0 = DateTime.UtcNow.Second;
        if (second0 > 50)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - second0), ct);
        }

        foreach (var (client, i) in new[] { (a, 1), (b, 2), (a, 3) })
        {
            using var wrong = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = $"Wr0ng!{i}" });
            await wrong.AssertStatus(HttpStatusCode.Unauthorized);
        }

        foreach (var client in new[] { b, a })
        {
            using var limited = await client.PostJson("/api/auth/login", new { email = "ann@example.org", password = "Wr0ng!x" });
            await limited.AssertStatus(HttpStatusCode.TooManyRequests);
            Assert.True(limited.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero && delta <= TimeSpan.FromMinutes(1),
                $"Retry-After: {limited.Headers.RetryAfter}");
        }

        // The count is in the database, under the policy and the client's address.
        await using var scope = First.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
        var window = await db.RateLimitWindows.AsNoTracking().SingleAsync(w => w.Key == "login:127.0.0.1", ct);
        Assert.Equal(5, window.Count);
        Assert.Equal(0, window.WindowStart % 60);
    }
}
