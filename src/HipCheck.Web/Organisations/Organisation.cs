using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Organisations;

/// <summary>
/// A club, clinic or study site: its teams and its settings (risk thresholds). Each coach or researcher owns
/// one, created when first needed; a runner's own profile belongs to none and uses the catalogue's defaults.
/// </summary>
public sealed class Organisation
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public required string OwnerUserId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>An organisation's own threshold for one rule of the evidence catalogue.</summary>
public sealed class RuleThresholdOverride
{
    public Guid OrganisationId { get; set; }

    public required string RuleId { get; set; }

    public double Threshold { get; set; }

    public required string UpdatedByUserId { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        organisation.Property(o => o.OwnerUserId).HasMaxLength(450);
        organisation.HasIndex(o => o.OwnerUserId).IsUnique();
    }
}

internal sealed class RuleThresholdOverrideConfiguration : IEntityTypeConfiguration<RuleThresholdOverride>
{
    public void Configure(EntityTypeBuilder<RuleThresholdOverride> threshold)
    {
        threshold.HasKey(t => new { t.OrganisationId, t.RuleId });
        threshold.Property(t => t.RuleId).HasMaxLength(100);
        threshold.Property(t => t.UpdatedByUserId).HasMaxLength(450);
        threshold.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
