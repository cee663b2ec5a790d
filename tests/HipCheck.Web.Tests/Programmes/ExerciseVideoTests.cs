using System.Net;
using System.Net.Http.Headers;
using HipCheck.Core.Training;
using HipCheck.Web.Account;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Programmes;

public sealed class ExerciseVideoTests : IAsyncDisposable
{
    private readonly string _media = Path.Combine(Path.GetTempPath(), "hipcheck-media-tests", Guid.NewGuid().ToString("N"));
    private readonly HipCheckApp _app;

    public ExerciseVideoTests() => _app = new HipCheckApp(new Dictionary<string, string> { ["Media:Path"] = _media });

    private static string ExerciseId => ExerciseLibrary.All[0].Id;

    /// <summary>1000 bytes that start like an MP4 file: a box of type "ftyp" (bytes 4-7), then bytes 0..255 repeating.</summary>
    private static byte[] Mp4()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 256)).ToArray();
        "\0\0\0\u0018ftypisom"u8.CopyTo(bytes);
        return bytes;
    }

    private async Task<HttpClient> Editor()
    {
        var client = await _app.RegisterAndLogin("editor@example.org");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync("editor@example.org");
            Assert.True((await users.AddToRoleAsync(user!, Roles.Admin)).Succeeded);
        }

        // A new token carries the new role.
        client.DefaultRequestHeaders.Authorization = new("Bearer", await HipCheckApp.Login(client, "editor@example.org", HipCheckApp.Password));
        return client;
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes, string fileName, string contentType = "video/mp4")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/exercises/{ExerciseId}/video", form, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_uploaded_mp4_is_served_in_ranges_with_nosniff_under_a_name_we_chose()
    {
        var editor = await Editor();
        var video = Mp4();

        using (var upload = await Upload(editor, video, "../../etc/my clip.mp4"))
        {
            await upload.AssertStatus(HttpStatusCode.OK);
            var body = await upload.Body();
            JsonAssert.Text("upload", body, "kind");
            JsonAssert.Text($"/media/exercises/{ExerciseId}", body, "url");
            JsonAssert.Text("video/mp4", body, "contentType");
        }

        var stored = Assert.Single(Directory.GetFiles(Path.Combine(_media, "exercises")));
        Assert.Matches("^[0-9a-f]{32}\\.mp4$", Path.GetFileName(stored));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/media/exercises/{ExerciseId}");
        request.Headers.Range = new RangeHeaderValue(100, 199);
        using var anonymous = _app.Anonymous();
        using var partial = await anonymous.SendAsync(request, TestContext.Current.CancellationToken);
        await partial.AssertStatus(HttpStatusCode.PartialContent);
        Assert.Equal("bytes 100-199/1000", partial.Content.Headers.ContentRange?.ToString());
        Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", partial.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(video[100..200], await partial.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var whole = await anonymous.Get($"/media/exercises/{ExerciseId}");
        await whole.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal(1000, (await whole.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length);

        var exercise = await anonymous.GetOk($"/api/exercises/{ExerciseId}");
        JsonAssert.Text("upload", exercise.GetProperty("video"), "kind");

        // The public page shows the player.
        var page = await anonymous.GetStringAsync($"/Exercises/{ExerciseId}", TestContext.Current.CancellationToken);
        Assert.Contains($"<video controls preload=\"metadata\" src=\"/media/exercises/{ExerciseId}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes.txt", "text/plain", false)]
    [InlineData("fake.mp4", "video/mp4", false)] // named .mp4 but not an MP4 inside
    [InlineData("clip.avi", "video/x-msvideo", true)] // MP4 bytes under a name we do not take
    public async Task Other_files_are_refused_and_nothing_is_kept(string fileName, string contentType, bool mp4Bytes)
    {
        var editor = await Editor();
        var bytes = mp4Bytes ? Mp4() : "just some text, not a video"u8.ToArray();

        using var upload = await Upload(editor, bytes, fileName, contentType);

        await upload.AssertFieldErrors("file");
        Assert.False(Directory.Exists(Path.Combine(_media, "exercises")) && Directory.EnumerateFiles(Path.Combine(_media, "exercises")).Any());
        using var media = await _app.Anonymous().Get($"/media/exercises/{ExerciseId}");
        await media.AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_editors_attach_videos_and_links_must_be_http()
    {
        var member = await _app.RegisterAndLogin("ann@example.org");
        using (var refused = await Upload(member, Mp4(), "clip.mp4"))
        {
            await refused.AssertStatus(HttpStatusCode.Forbidden);
        }

        var editor = await Editor();
        using (var script = await editor.PutJson($"/api/exercises/{ExerciseId}/video", new { url = "javascript:alert(1)" }))
        {
            await script.AssertFieldErrors("url");
        }

        using (var link = await editor.PutJson($"/api/exercises/{ExerciseId}/video", new { url = "https://videos.example.org/bridge" }))
        {
            await link.AssertStatus(HttpStatusCode.OK);
        }

        var exercise = await _app.Anonymous().GetOk($"/api/exercises/{ExerciseId}");
        JsonAssert.Text("link", exercise.GetProperty("video"), "kind");
        JsonAssert.Text("https://videos.example.org/bridge", exercise.GetProperty("video"), "url");

        using var unknown = await editor.PutJson("/api/exercises/no-such-exercise/video", new { url = "https://videos.example.org/x" });
        await unknown.AssertStatus(HttpStatusCode.NotFound);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_media, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
