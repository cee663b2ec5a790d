using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HipCheck.Core.Training;
using HipCheck.Web.Account;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Platform;

/// <summary>
/// Bodies above the limit (1 MiB by default, <c>RequestLimits:MaxBodyBytes</c>; video uploads <c>Media:MaxUploadBytes</c>
/// plus 64 KiB) answer 413 with a problem document and store nothing. TestServer enforces no server limit of its own,
/// so these prove the app's middleware; HipCheck.Faults.Tests/RequestSizeLimitTests proves the same through Kestrel.
/// </summary>
public sealed class RequestSizeLimitTests : IAsyncDisposable
{
    private const int OneMiB = 1024 * 1024;
    private const long UploadLimit = 2_000_000;
    private readonly string media = Path.Combine(Path.GetTempPath(), "hipcheck-media-tests", Guid.NewGuid().ToString("N"));
    private readonly HipCheckApp app;

    public RequestSizeLimitTests() => app = new HipCheckApp(new Dictionary<string, string>
    {
        ["Media:Path"] = media,
        ["Media:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    /// <summary>A valid screening padded with an ignored property to <paramref name="bytes"/> bytes of JSON.</summary>
    public static string PaddedScreening(int bytes)
    {
        var body = Bodies.SimpleScreening();
        body["padding"] = "";
        var overhead = Encoding.UTF8.GetByteCount(body.ToJsonString());
        body["padding"] = new string('x', bytes - overhead);
        var json = body.ToJsonString();
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(json));
        return json;
    }

    [Fact]
    public async Task A_json_body_over_1_MiB_answers_413_and_stores_nothing_while_one_just_under_is_taken()
    {
        var runner = await app.RegisterAndLogin("ann@example.org");
        var athleteId = (await runner.CreateAthlete()).Id();

        using (var tooLarge = await runner.PostRaw($"/api/athletes/{athleteId}/screenings", PaddedScreening(OneMiB + 1)))
        {
            var problem = await tooLarge.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
            JsonAssert.Text("The request body is too large.", problem, "title");
        }

        Assert.Empty((await runner.GetOk($"/api/athletes/{athleteId}/screenings")).Items());

        using var justUnder = await runner.PostRaw($"/api/athletes/{athleteId}/screenings", PaddedScreening(OneMiB));
        await justUnder.AssertStatus(HttpStatusCode.Created);
        Assert.Single((await runner.GetOk($"/api/athletes/{athleteId}/screenings")).Items());
    }

    [Fact]
    public async Task A_chunked_json_body_without_a_length_over_1_MiB_answers_413()
    {
        var runner = await app.RegisterAndLogin("ann@example.org");
        var athleteId = (await runner.CreateAthlete()).Id();

        using var content = new UnknownLengthContent(Encoding.UTF8.GetBytes(PaddedScreening(OneMiB + 10)), "application/json");
        using var response = await runner.PostAsync($"/api/athletes/{athleteId}/screenings", content, TestContext.Current.CancellationToken);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await runner.GetOk($"/api/athletes/{athleteId}/screenings")).Items());
    }

    [Fact]
    public async Task A_form_post_over_1_MiB_answers_413_not_an_antiforgery_400()
    {
        using var client = app.Anonymous();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "ann@example.org",
            ["Input.Password"] = new string('p', OneMiB),
        });

        using var response = await client.PostAsync("/Account/Login", form, TestContext.Current.CancellationToken);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_video_upload_may_exceed_1_MiB_up_to_the_upload_limit_and_answers_413_above_it()
    {
        var editor = await Editor();

        using (var tooLarge = await Upload(editor, Mp4((int)UploadLimit + 70_000)))
        {
            await tooLarge.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        }

        Assert.False(Directory.Exists(Path.Combine(media, "exercises")) && Directory.EnumerateFiles(Path.Combine(media, "exercises")).Any());

        using var taken = await Upload(editor, Mp4(OneMiB + 500_000));
        await taken.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(OneMiB + 500_000, new FileInfo(Assert.Single(Directory.GetFiles(Path.Combine(media, "exercises")))).Length);
    }

    private static byte[] Mp4(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();
        "\0\0\0\u0018ftypisom"u8.CopyTo(bytes);
        return bytes;
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", "clip.mp4");
        return await client.PostAsync($"/api/exercises/{ExerciseLibrary.All[0].Id}/video", form, TestContext.Current.CancellationToken);
    }

    private async Task<HttpClient> Editor()
    {
        var client = await app.RegisterAndLogin("editor@example.org");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByEmailAsync("editor@example.org"))!, Roles.Admin)).Succeeded);
        }

        client.DefaultRequestHeaders.Authorization = new("Bearer", await HipCheckApp.Login(client, "editor@example.org", HipCheckApp.Password));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        try
        {
            Directory.Delete(media, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

/// <summary>Content whose length is not known in advance, so HttpClient sends it chunked, without Content-Length.</summary>
public sealed class UnknownLengthContent : HttpContent
{
    private readonly byte[] bytes;

    public UnknownLengthContent(byte[] bytes, string mediaType)
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
