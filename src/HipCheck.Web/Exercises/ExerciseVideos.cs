using HipCheck.Core.Training;
using HipCheck.Core.Validation;
using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Exercises;

public sealed record VideoDocument(string ExerciseId, string Kind, string Url, string? ContentType, long? SizeBytes, DateTime UpdatedUtc)
{
    public static VideoDocument From(ExerciseVideo v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.ExerciseId, v.IsUpload ? "upload" : "link", v.IsUpload ? ExerciseVideos.MediaUrl(v.ExerciseId) : v.Url!, v.ContentType, v.SizeBytes, v.UpdatedUtc);
    }
}

public sealed record VideoLinkRequest(string? Url);

/// <summary>
/// Attaches videos to exercises. Uploads are accepted only as MP4 or WebM, recognised by their first bytes (not by
/// the name or type the client claims), stored under a name we generate, and replaced whole: a new file is written
/// beside the old one and the old one removed only after the database points at the new one.
/// </summary>
public sealed class ExerciseVideos(HipCheckDb db, IOptions<MediaOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<ExerciseVideos> log)
{
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    public string Folder
    {
        get
        {
            var path = options.Value.Path;
            return System.IO.Path.Combine(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(environment.ContentRootPath, path), "exercises");
        }
    }

    public static string MediaUrl(string exerciseId) => $"/media/exercises/{Uri.EscapeDataString(exerciseId)}";

    public Task<ExerciseVideo?> FindAsync(string exerciseId, CancellationToken ct) =>
        db.ExerciseVideos.AsNoTracking().FirstOrDefaultAsync(v => v.ExerciseId == exerciseId, ct);

    public async Task<Dictionary<string, ExerciseVideo>> AllAsync(CancellationToken ct) =>
        await db.ExerciseVideos.AsNoTracking().ToDictionaryAsync(v => v.ExerciseId, ct);

    public string PathOf(ExerciseVideo video)
    {
        ArgumentNullException.ThrowIfNull(video);
        return System.IO.Path.Combine(Folder, video.FileName!);
    }

    public static IReadOnlyList<FieldError> ValidateLink(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return [new FieldError("url", "Enter the address of the video.")];
        }

        if (url.Length > ExerciseVideo.UrlMaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return [new FieldError("url", "Enter a full http:// or https:// address.")];
        }

        return [];
    }

    public async Task<(ExerciseVideo? Video, IReadOnlyList<FieldError> Errors)> AttachLinkAsync(string exerciseId, string? url, string userId, CancellationToken ct)
    {
        var errors = ValidateLink(url);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (await SaveAsync(exerciseId, userId, v =>
        {
            v.Url = new Uri(url!.Trim()).AbsoluteUri;
            v.FileName = null;
            v.ContentType = null;
            v.SizeBytes = null;
        }, ct), []);
    }

    /// <summary>Stores an uploaded file after checking its size and its first bytes; nothing is kept when it is refused.</summary>
    public async Task<(ExerciseVideo? Video, IReadOnlyList<FieldError> Errors)> AttachUploadAsync(
        string exerciseId, IFormFile? file, string userId, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, [new FieldError("file", "Choose an MP4 or WebM video file.")]);
        }

        if (file.Length > MaxUploadBytes)
        {
            return (null, [new FieldError("file", $"The video is larger than {MaxUploadBytes / (1024 * 1024)} MB.")]);
        }

        var extension = System.IO.Path.GetExtension(file.FileName).ToLowerInvariant();
        await using var input = file.OpenReadStream();
        var head = new byte[16];
        var read = await input.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var kind = Sniff(head.AsSpan(0, read));
        if (kind is null || (extension is not (".mp4" or ".webm")) || kind.Value.Extension != extension)
        {
            return (null, [new FieldError("file", "Only MP4 (.mp4) and WebM (.webm) videos can be uploaded.")]);
        }

        Directory.CreateDirectory(Folder);
        var fileName = $"{Guid.NewGuid():N}{kind.Value.Extension}";
        var path = System.IO.Path.Combine(Folder, fileName);
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await output.WriteAsync(head.AsMemory(0, read), ct);
            await input.CopyToAsync(output, ct);
        }

        var previous = await FindAsync(exerciseId, ct);
        ExerciseVideo saved;
        try
        {
            saved = await SaveAsync(exerciseId, userId, v =>
            {
                v.Url = null;
                v.FileName = fileName;
                v.ContentType = kind.Value.ContentType;
                v.SizeBytes = file.Length;
            }, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        if (previous?.FileName is { } old)
        {
            TryDelete(System.IO.Path.Combine(Folder, old));
        }

        return (saved, []);
    }

    public async Task<bool> RemoveAsync(string exerciseId, CancellationToken ct)
    {
        var video = await db.ExerciseVideos.FirstOrDefaultAsync(v => v.ExerciseId == exerciseId, ct);
        if (video is null)
        {
            return false;
        }

        db.ExerciseVideos.Remove(video);
        await db.SaveChangesAsync(ct);
        if (video.FileName is { } name)
        {
            TryDelete(System.IO.Path.Combine(Folder, name));
        }

        return true;
    }

    /// <summary>
    /// MP4: an ISO base media file starts with a box whose type (bytes 4-7) is "ftyp" (ISO/IEC 14496-12).
    /// WebM: an EBML header, 1A 45 DF A3 (Matroska/WebM specification).
    /// </summary>
    internal static (string Extension, string ContentType)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 8 && head[4] == (byte)'f' && head[5] == (byte)'t' && head[6] == (byte)'y' && head[7] == (byte)'p')
        {
            return (".mp4", "video/mp4");
        }

        if (head.Length >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3)
        {
            return (".webm", "video/webm");
        }

        return null;
    }

    private async Task<ExerciseVideo> SaveAsync(string exerciseId, string userId, Action<ExerciseVideo> apply, CancellationToken ct)
    {
        if (ExerciseLibrary.Find(exerciseId) is null)
        {
            throw new ArgumentException($"No exercise '{exerciseId}' in the library.", nameof(exerciseId));
        }

        var video = await db.ExerciseVideos.FirstOrDefaultAsync(v => v.ExerciseId == exerciseId, ct);
        if (video is null)
        {
            video = new ExerciseVideo { ExerciseId = exerciseId, UpdatedByUserId = userId };
            db.ExerciseVideos.Add(video);
        }

        apply(video);
        video.UpdatedByUserId = userId;
        video.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return video;
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            log.LogWarning(e, "Could not remove the replaced video {Path}", path);
        }
    }
}
