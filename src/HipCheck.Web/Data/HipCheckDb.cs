using HipCheck.Web.Account;
using HipCheck.Web.Athletes;
using HipCheck.Web.Organisations;
using HipCheck.Web.Screenings;
using HipCheck.Web.Teams;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Data;

/// <summary>The one DbContext (ADR 0002: used directly, no repository layer).</summary>
public class HipCheckDb(DbContextOptions<HipCheckDb> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<RuleThresholdOverride> RuleThresholds => Set<RuleThresholdOverride>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Athlete> Athletes => Set<Athlete>();

    public DbSet<Screening> Screenings => Set<Screening>();

    public DbSet<ScreeningTest> ScreeningTests => Set<ScreeningTest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HipCheckDb).Assembly);
    }
}
