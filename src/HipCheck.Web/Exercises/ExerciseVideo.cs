using System.ComponentModel.DataAnnotations;
using HipCheck.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Exercises;

/// <summary>
/// The video an editor attached to an exercise of the library: a link (<see cref="Url"/>) or an uploaded file
/// (<see cref="FileName"/>, a name we generate, under <c>Media:Path</c>). One per exercise; attaching replaces.
/// </summary>
public sealed class ExerciseVideo
{
    public const int UrlMaxLength = 2000;

    /// <summary>The exercise's id in Core's library, e.g. single-leg-bridge.</summary>
    public required string ExerciseId { get; set; }

    public string? Url { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public long? SizeBytes { get; set; }

    public required string UpdatedByUserId { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public bool IsUpload => FileName is not null;
}

internal sealed class ExerciseVideoConfiguration : IEntityTypeConfiguration<ExerciseVideo>
{
    public void Configure(EntityTypeBuilder<ExerciseVideo> video)
    {
        video.HasKey(v => v.ExerciseId);
        video.Property(v => v.ExerciseId).HasMaxLength(60);
        video.Property(v => v.Url).HasMaxLength(ExerciseVideo.UrlMaxLength);
        video.Property(v => v.FileName).HasMaxLength(80);
        video.Property(v => v.ContentType).HasMaxLength(40);
        video.Property(v => v.UpdatedByUserId).HasMaxLength(450);
    }
}

/// <summary>Where uploaded media live and how large an upload may be (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    /// <summary>Folder of uploaded media; relative paths are under the content root.</summary>
    [Required]
    public string Path { get; set; } = "App_Data/media";

    /// <summary>Largest accepted video upload, 200 MB by default.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;
}

/// <summary>
/// On the video upload endpoints (API and page): bodies up to <see cref="MediaOptions.MaxUploadBytes"/> plus room for the
/// multipart framing, instead of the 1 MiB every other endpoint takes (<see cref="RequestLimitsOptions"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class VideoUploadLimitAttribute : Attribute, IRequestBodyLimit
{
    public const long MultipartFramingBytes = 64 * 1024;

    public long MaxBodyBytes(IServiceProvider services) =>
        services.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes + MultipartFramingBytes;
}
