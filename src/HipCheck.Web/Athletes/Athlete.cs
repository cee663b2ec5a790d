using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Web.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Athletes;

/// <summary>
/// A screened person. Owned by the runner who is this athlete (<see cref="OwnerUserId"/>) or coached
/// through a team (<see cref="TeamId"/>); nobody else may see it.
/// </summary>
public sealed class Athlete : HipCheck.Web.Audit.IHealthRecord
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public Sex Sex { get; set; }

    public DateOnly BirthDate { get; set; }

    public double BodyMassKg { get; set; }

    public double HeightCm { get; set; }

    public string? Sport { get; set; }

    public Side DominantLeg { get; set; }

    public string? OwnerUserId { get; set; }

    public Guid? TeamId { get; set; }

    /// <summary>
    /// The team's own id for this athlete (a club number, a device's athlete id), by which imports recognise the
    /// athlete again; unique within the team.
    /// </summary>
    public string? ExternalId { get; set; }

    public Team? Team { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

internal sealed class AthleteConfiguration : IEntityTypeConfiguration<Athlete>
{
    public const int ExternalIdMaxLength = 64;

    public void Configure(EntityTypeBuilder<Athlete> athlete)
    {
        athlete.Property(a => a.Name).HasMaxLength(AthleteProfile.NameMaxLength);
        athlete.Property(a => a.Sport).HasMaxLength(AthleteProfile.SportMaxLength);
        athlete.Property(a => a.Sex).HasConversion<string>().HasMaxLength(10);
        athlete.Property(a => a.DominantLeg).HasConversion<string>().HasMaxLength(10);
        athlete.Property(a => a.OwnerUserId).HasMaxLength(450);
        // One own profile per runner, enforced by the database so that racing requests cannot create two.
        athlete.HasIndex(a => a.OwnerUserId).IsUnique();
        // Re-importing a file finds its athletes again instead of creating them twice: the database enforces it.
        athlete.Property(a => a.ExternalId).HasMaxLength(ExternalIdMaxLength);
        athlete.HasIndex(a => a.TeamId); // the team view's index: the one below is partial, so it cannot serve it
        athlete.HasIndex(a => new { a.TeamId, a.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        athlete.HasOne(a => a.Team).WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
