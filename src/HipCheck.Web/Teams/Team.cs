using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Teams;

/// <summary>A squad screened by one coach. The coach sees every athlete of their teams and no others.</summary>
public sealed class Team
{
    public const int NameMaxLength = 80;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string CoachUserId { get; set; }

    /// <summary>The coach's organisation, whose settings (e.g. risk thresholds) apply to the team's reports.</summary>
    public Guid? OrganisationId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
        team.Property(t => t.CoachUserId).HasMaxLength(450);
        team.HasIndex(t => t.CoachUserId);
        team.HasOne<HipCheck.Web.Organisations.Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
