using System.Net;
using System.Text;
using HipCheck.Web.Tests.Articles;
using HipCheck.Web.Tests.Infrastructure;

using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Security;

/// <summary>
/// "No one reads another's records": every endpoint and page x every actor kind, own vs other's data,
/// against the one table in <see cref="AuthorizationMatrix"/>. One app and one fixture world for the class.
/// </summary>
public class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    private static string Normalise(string route)
    {
        var r = route.StartsWith('/') ? route : "/" + route;
        return r.Length > 1 ? r.TrimEnd('/') : "";
    }

    /// <summary>(method, route) of every endpoint and page in the running app's route table.</summary>
    private HashSet<(string Method, string Route)> Discovered()
    {
        var found = new HashSet<(string, string)>();
        foreach (var source in world.App.Services.GetServices<EndpointDataSource>())
        {
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var raw = endpoint.RoutePattern.RawText ?? "";
                if (endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
                {
                    continue;
                }

                if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                    || endpoint.Metadata.Any(m => m.GetType().Name.Contains("PageActionDescriptor", StringComparison.Ordinal)))
                {
                    found.Add(("GET", Normalise(raw)));
                    continue;
                }

                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                foreach (var method in methods)
                {
                    found.Add((method, Normalise(raw)));
                }
            }
        }

        return found;
    }

    [Fact]
    public void Every_endpoint_and_page_has_a_row_in_the_table()
    {
        var table = AuthorizationMatrix.Rows.Select(r => (r.Method, Normalise(r.Route))).ToHashSet();
        var discovered = Discovered();
        var missing = discovered.Where(d => !table.Contains(d)).OrderBy(d => d.Route).ToList();
        var stale = table.Where(t => !discovered.Contains(t)).OrderBy(t => t.Item2).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"route table: {discovered.Count} (method, route) pairs; matrix table: {table.Count}");
        Assert.True(missing.Count == 0, "endpoints without a row in AuthorizationMatrix:\n" + string.Join("\n", missing.Select(m => $"{m.Method} {m.Route}")));
        Assert.True(stale.Count == 0, "rows for endpoints that no longer exist:\n" + string.Join("\n", stale.Select(m => $"{m.Item1} {m.Item2}")));
    }

    private static bool Matches(Expect expect, HttpResponseMessage response, bool page)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        return expect switch
        {
            Expect.Ok => status is >= 200 and < 300,
            Expect.NotFound => status == 404,
            Expect.Forbidden => status == 403 || (page && status == 302 && location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase)),
            Expect.Unauthenticated => status == 401 || (page && status == 302 && location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)),
            Expect.Conflict => status == 409,
            Expect.Redirect => status is 301 or 302 or 303 or 307 or 308,
            _ => true,
        };
    }

    [Fact]
    public async Task Every_row_answers_as_the_table_says_for_every_actor_and_no_one_reads_anothers_records()
    {
        var ct = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        var crossOwnerReads = new List<string>();
        var sent = 0;
        var skipped = 0;

        foreach (var row in AuthorizationMatrix.Rows)
        {
            foreach (var actor in AuthorizationMatrix.Actors)
            {
                var expect = row.Expected[actor];
                if (expect == Expect.Skip)
                {
                    skipped++;
                    continue;
                }

                var client = row.Page ? world.Cookie[actor] : world.Bearer[actor];
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Url(world));
                if (row.Body?.Invoke(world, actor) is { } body)
                {
                    request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
                }

                if (row.Content?.Invoke(world, actor) is { } content)
                {
                    request.Content = content;
                }

                using var response = await client.SendAsync(request, ct);
                sent++;
                var text = await response.Content.ReadAsStringAsync(ct);
                var status = (int)response.StatusCode;
                if (!Matches(expect, response, row.Page))
                {
                    failures.Add($"{row} as {actor}: expected {expect}, got {status} {response.Headers.Location} {Trim(text)}");
                }

                if (status is >= 200 and < 300)
                {
                    var leaked = world.Markers.Where(m => !m.Value.Contains(actor) && !(row.AdminAudits && actor == Actor.Admin) && text.Contains(m.Key, StringComparison.Ordinal)).Select(m => m.Key).ToList();
                    if (leaked.Count > 0)
                    {
                        crossOwnerReads.Add($"{row} as {actor}: {status} body holds {string.Join(", ", leaked)}");
                    }
                    else if (row.Method == "GET" && expect is Expect.NotFound or Expect.Forbidden or Expect.Unauthenticated)
                    {
                        crossOwnerReads.Add($"{row} as {actor}: {status} for a record they may not read");
                    }
                }
            }
        }

        // Nothing the strangers sent landed: the owners still read their records as they were.
        var after = new StringBuilder();
        after.Append(await world.Bearer[Actor.RunnerA].Get($"/api/athletes/{world.AthleteA}").ContinueWith(t => t.Result.Content.ReadAsStringAsync(ct), ct).Unwrap());
        after.Append(await (await world.Bearer[Actor.RunnerA].Get($"/api/injuries/{world.InjuryA}")).Content.ReadAsStringAsync(ct));
        after.Append(await (await world.Bearer[Actor.CoachC].Get($"/api/athletes/{world.AthleteC}")).Content.ReadAsStringAsync(ct));
        after.Append(await (await world.Bearer[Actor.ResearcherR].Get($"/api/studies/{world.StudyR}")).Content.ReadAsStringAsync(ct));
        after.Append(await (await world.Bearer[Actor.ResearcherR].Get($"/api/athletes/{world.AthleteR}")).Content.ReadAsStringAsync(ct));
        after.Append(await (await world.Bearer[Actor.Anonymous].Get(ArticleFixtures.CommentsPath)).Content.ReadAsStringAsync(ct));
        var enrolments = await (await world.Bearer[Actor.ResearcherR].Get($"/api/studies/{world.StudyR}/enrolments")).Content.ReadAsStringAsync(ct);
        var study = await (await world.Bearer[Actor.ResearcherR].Get($"/api/studies/{world.StudyR}")).Content.ReadAsStringAsync(ct);
        if (after.ToString().Contains(AuthorizationMatrix.Hijacked, StringComparison.Ordinal))
        {
            failures.Add("a stranger's PUT landed: 'Hijacked' found in the owners' records");
        }

        if (!enrolments.Contains(world.AthleteR, StringComparison.Ordinal) || enrolments.Contains(world.AthleteS, StringComparison.Ordinal))
        {
            failures.Add($"study R's enrolments were changed by someone else: {Trim(enrolments)}");
        }

        if (study.Contains("\"baselineLocked\":true", StringComparison.Ordinal) || study.Contains("\"dataLocked\":true", StringComparison.Ordinal))
        {
            failures.Add($"study R was locked by someone else: {Trim(study)}");
        }

        if (!after.ToString().Contains("Own comment by A", StringComparison.Ordinal))
        {
            failures.Add("A's comment was deleted or changed by someone else");
        }

        var rows = AuthorizationMatrix.Rows.Count;
        var actors = AuthorizationMatrix.Actors.Length;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"authorisation matrix: {rows} rows x {actors} actors = {rows * actors} cells; {sent} requests sent, {skipped} skipped (destructive for the owner)");
        output?.WriteLine($"mismatches: {failures.Count}; cross-owner reads: {crossOwnerReads.Count}");
        foreach (var line in failures.Concat(crossOwnerReads))
        {
            output?.WriteLine(line);
        }

        Assert.True(crossOwnerReads.Count == 0, $"{crossOwnerReads.Count} cross-owner reads:\n" + string.Join("\n", crossOwnerReads));
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers differ from the table:\n" + string.Join("\n", failures));
    }

    private static string Trim(string text) => text.Length > 160 ? text[..160] + "..." : text;
}
