using HipCheck.Web.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Course;

/// <summary>A lesson a member marked as done; one row per member and lesson (marking it again changes nothing).</summary>
public sealed class LessonCompletion
{
    public required string UserId { get; set; }

    /// <summary>The lesson's slug; a slug no longer in the course is ignored when progress is counted.</summary>
    public required string LessonSlug { get; set; }

    public DateTime CompletedUtc { get; set; }
}

internal sealed class LessonCompletionConfiguration : IEntityTypeConfiguration<LessonCompletion>
{
    public void Configure(EntityTypeBuilder<LessonCompletion> completion)
    {
        completion.ToTable("LessonCompletions");
        completion.HasKey(c => new { c.UserId, c.LessonSlug });
        completion.Property(c => c.UserId).HasMaxLength(450);
        completion.Property(c => c.LessonSlug).HasMaxLength(100);
        // A member's progress goes with the member's account.
        completion.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
