using HipCheck.Core.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Articles;

/// <summary>A published article: Markdown body, structured references, related articles by slug.</summary>
public sealed class Article
{
    public Guid Id { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public required string Author { get; set; }

    public DateOnly PublishedOn { get; set; }

    public required string Summary { get; set; }

    public required string Body { get; set; }

    public List<ArticleReferenceRow> References { get; set; } = [];

    public List<string> RelatedSlugs { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A reference as stored (a JSON column on the article).</summary>
public sealed class ArticleReferenceRow
{
    public required string Authors { get; set; }

    public int Year { get; set; }

    public required string Title { get; set; }

    public required string Journal { get; set; }

    public string? Doi { get; set; }

    public ArticleReference ToReference() => new(Authors, Year, Title, Journal, Doi);

    public static ArticleReferenceRow From(ArticleReference r) => new()
    {
        Authors = r.Authors.Trim(), Year = r.Year, Title = r.Title.Trim(), Journal = r.Journal.Trim(),
        Doi = string.IsNullOrWhiteSpace(r.Doi) ? null : r.Doi.Trim(),
    };
}

/// <summary>A member's comment on an article; a reply names its parent (one level of nesting).</summary>
public sealed class ArticleComment
{
    public Guid Id { get; set; }

    public Guid ArticleId { get; set; }

    public Article? Article { get; set; }

    public Guid? ParentId { get; set; }

    public required string AuthorUserId { get; set; }

    /// <summary>The text as the member wrote it (plain text or limited Markdown); rendered safely on every read.</summary>
    public required string Text { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? EditedUtc { get; set; }

    /// <summary>Hidden by an admin: kept for moderation, shown to no one else.</summary>
    public bool Hidden { get; set; }
}

/// <summary>The name a member chose to show with their comments (never the email).</summary>
public sealed class CommenterProfile
{
    public required string UserId { get; set; }

    public required string DisplayName { get; set; }
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.HasIndex(a => a.Slug).IsUnique();
        article.HasIndex(a => a.PublishedOn);
        article.Property(a => a.Slug).HasMaxLength(ArticleRules.SlugMaxLength);
        article.Property(a => a.Title).HasMaxLength(ArticleRules.TitleMaxLength);
        article.Property(a => a.Author).HasMaxLength(ArticleRules.AuthorMaxLength);
        article.Property(a => a.Summary).HasMaxLength(ArticleRules.SummaryMaxLength);
        article.OwnsMany(a => a.References, r => r.ToJson());
    }
}

internal sealed class ArticleCommentConfiguration : IEntityTypeConfiguration<ArticleComment>
{
    public void Configure(EntityTypeBuilder<ArticleComment> comment)
    {
        comment.HasOne(c => c.Article).WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne<ArticleComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        comment.HasIndex(c => new { c.ArticleId, c.CreatedUtc });
        comment.Property(c => c.AuthorUserId).HasMaxLength(450);
        comment.Property(c => c.Text).HasMaxLength(CommentRules.TextMaxLength);
    }
}

internal sealed class CommenterProfileConfiguration : IEntityTypeConfiguration<CommenterProfile>
{
    public void Configure(EntityTypeBuilder<CommenterProfile> profile)
    {
        profile.HasKey(p => p.UserId);
        profile.Property(p => p.UserId).HasMaxLength(450);
        profile.Property(p => p.DisplayName).HasMaxLength(CommentRules.DisplayNameMaxLength);
    }
}
