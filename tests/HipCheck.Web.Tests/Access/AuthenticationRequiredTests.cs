using System.Net;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Access;

public class AuthenticationRequiredTests : ApiTest
{
    private static readonly string SomeId = Guid.NewGuid().ToString();

    public static TheoryData<string, string> ProtectedRoutes => new()
    {
        { "GET", "/api/athletes" },
        { "POST", "/api/athletes" },
        { "GET", $"/api/athletes/{SomeId}" },
        { "PUT", $"/api/athletes/{SomeId}" },
        { "GET", $"/api/athletes/{SomeId}/screenings" },
        { "POST", $"/api/athletes/{SomeId}/screenings" },
        { "GET", $"/api/screenings/{SomeId}" },
    };

    [Theory]
    [MemberData(nameof(ProtectedRoutes))]
    public async Task Api_route_without_a_token_gets_401_not_a_login_redirect(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(
                url.EndsWith("screenings", StringComparison.Ordinal) ? Bodies.SimpleScreening() : Bodies.Athlete());
        }

        using var response = await App.Anonymous().SendAsync(request, TestContext.Current.CancellationToken);

        await response.AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Anonymous_post_stores_nothing()
    {
        using (var anonymous = await App.Anonymous().PostJson("/api/athletes", Bodies.Athlete()))
        {
            await anonymous.AssertStatus(HttpStatusCode.Unauthorized);
        }

        var coach = await App.RegisterAndLogin("coach@example.org", role: "coach");
        Assert.Empty((await coach.GetOk("/api/athletes")).Items());
    }
}
