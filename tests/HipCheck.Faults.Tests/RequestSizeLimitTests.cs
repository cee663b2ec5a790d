using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HipCheck.Testing;

namespace HipCheck.Faults.Tests;

/// <summary>
/// The 413 promise through Kestrel itself (TestServer enforces no body limit): JSON with and without Content-Length,
/// a form post, and the video upload endpoint, whose larger limit (Media:MaxUploadBytes + 64 KiB) lets a 1.5 MB body
/// through to authentication while a body above it is refused before anything reads it.
/// </summary>
public class RequestSizeLimitTests
{
    private const int OneMiB = 1024 * 1024;

    [Fact]
    public async Task Kestrel_answers_413_with_a_problem_document_for_each_kind_of_oversized_body()
    {
        await using var server = new HipCheckServer(settings: new Dictionary<string, string> { ["Media__MaxUploadBytes"] = "2000000" });
        await server.StartAsync();
        using var runner = await server.RegisterAndLogin("ann@example.org");
        using var created = await runner.PostAsync("/api/athletes", Json(new JsonObject
        {
            ["name"] = "Ann", ["sex"] = "female", ["birthDate"] = "1990-01-01", ["bodyMassKg"] = 60, ["heightCm"] = 168,
            ["sport"] = "running", ["dominantLeg"] = "right",
        }.ToJsonString()), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var athleteId = JsonNode.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
        var screenings = $"/api/athletes/{athleteId}/screenings";

        using (var json = await runner.PostAsync(screenings, Json(Padded(OneMiB + 1)), TestContext.Current.CancellationToken))
        {
            await AssertTooLarge(json, server);
        }

        using (var chunked = await runner.PostAsync(screenings, new Chunked(Encoding.UTF8.GetBytes(Padded(OneMiB + 1)), "application/json"), TestContext.Current.CancellationToken))
        {
            await AssertTooLarge(chunked, server);
        }

        using (var list = await runner.GetAsync(screenings, TestContext.Current.CancellationToken))
        {
            Assert.Equal("[]", await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using (var justUnder = await runner.PostAsync(screenings, Json(Padded(OneMiB)), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, justUnder.StatusCode);
        }

        using var anonymous = server.Client();
        using (var form = await anonymous.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = new string('p', OneMiB),
        }), TestContext.Current.CancellationToken))
        {
            await AssertTooLarge(form, server);
        }

        var videoUpload = "/api/exercises/" + await FirstExerciseId(anonymous) + "/video";
        using (var upload = await anonymous.PostAsync(videoUpload, Video(2_000_000 + 70_000), TestContext.Current.CancellationToken))
        {
            await AssertTooLarge(upload, server);
        }

        using (var withinUploadLimit = await anonymous.PostAsync(videoUpload, Video(OneMiB + 500_000), TestContext.Current.CancellationToken))
        {
            // Past the body limit, on to authentication: no token, so 401, not 413.
            Assert.Equal(HttpStatusCode.Unauthorized, withinUploadLimit.StatusCode);
        }
    }

    private static async Task AssertTooLarge(HttpResponseMessage response, HipCheckServer server)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}\n{server.Log}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Equal(413, problem["status"]!.GetValue<int>());
        Assert.Equal("The request body is too large.", problem["title"]!.GetValue<string>());
    }

    private static async Task<string> FirstExerciseId(HttpClient client)
    {
        var exercises = JsonNode.Parse(await client.GetStringAsync("/api/exercises", TestContext.Current.CancellationToken))!.AsArray();
        return exercises[0]!["id"]!.GetValue<string>();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Padded(int bytes)
    {
        var body = new JsonObject
        {
            ["date"] = "2025-03-01",
            ["tests"] = new JsonArray(new JsonObject
            {
                ["test"] = "hip-extension", ["unit"] = "N",
                ["left"] = new JsonArray(200.0, 210.0, 220.0), ["right"] = new JsonArray(180.0, 190.0, 200.0),
            }),
            ["padding"] = "",
        };
        body["padding"] = new string('x', bytes - Encoding.UTF8.GetByteCount(body.ToJsonString()));
        return body.ToJsonString();
    }

    private static MultipartFormDataContent Video(int length)
    {
        var bytes = new byte[length];
        "\0\0\0\u0018ftypisom"u8.CopyTo(bytes);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        return new MultipartFormDataContent { { file, "file", "clip.mp4" } };
    }

    /// <summary>Content of unknown length: HttpClient sends it with Transfer-Encoding: chunked, no Content-Length.</summary>
    private sealed class Chunked : HttpContent
    {
        private readonly byte[] bytes;

        public Chunked(byte[] bytes, string mediaType)
        {
            this.bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
