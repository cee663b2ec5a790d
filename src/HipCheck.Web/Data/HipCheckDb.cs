using HipCheck.Web.Account;
using HipCheck.Web.Articles;
using HipCheck.Web.Athletes;
using HipCheck.Web.Course;
using HipCheck.Web.Injuries;
using HipCheck.Web.Exercises;
using HipCheck.Web.Organisations;
using HipCheck.Web.Programmes;
using HipCheck.Web.Screenings;
using HipCheck.Web.Studies;
using HipCheck.Web.Surveillance;
using HipCheck.Web.Teams;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Data;

/// <summary>
/// The one DbContext (ADR 0002: used directly, no repository layer). This type carries the SQLite
/// migrations; <see cref="PostgresHipCheckDb"/> is the same model with the PostgreSQL migrations (ADR 0005).
/// </summary>
public class HipCheckDb : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public HipCheckDb(DbContextOptions<HipCheckDb> options)
        : base(options)
    {
    }

    /// <summary>For a provider's derived context, whose options are typed to it.</summary>
    protected HipCheckDb(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>ASP.NET Core Data Protection keys, shared by every app instance (cookies, bearer tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<RuleThresholdOverride> RuleThresholds => Set<RuleThresholdOverride>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Athlete> Athletes => Set<Athlete>();

    public DbSet<Screening> Screenings => Set<Screening>();

    public DbSet<ScreeningTest> ScreeningTests => Set<ScreeningTest>();

    public DbSet<Injury> Injuries => Set<Injury>();

    public DbSet<WeeklyCheckin> Checkins => Set<WeeklyCheckin>();

    public DbSet<CheckinArea> CheckinAreas => Set<CheckinArea>();

    public DbSet<CheckinReminder> CheckinReminders => Set<CheckinReminder>();

    public DbSet<ExposureEntry> Exposure => Set<ExposureEntry>();

    public DbSet<Study> Studies => Set<Study>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<StudyAuditEntry> StudyAudit => Set<StudyAuditEntry>();

    /// <summary>The append-only audit trail of every health-data change (written by <see cref="HipCheck.Web.Audit.AuditInterceptor"/>).</summary>
    public DbSet<HipCheck.Web.Audit.AuditEntry> Audit => Set<HipCheck.Web.Audit.AuditEntry>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<WorkoutSession> WorkoutSessions => Set<WorkoutSession>();

    public DbSet<ExerciseVideo> ExerciseVideos => Set<ExerciseVideo>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleComment> ArticleComments => Set<ArticleComment>();

    public DbSet<CommenterProfile> CommenterProfiles => Set<CommenterProfile>();

    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();

    /// <summary>Rate-limit counters shared by every app instance (<see cref="HipCheck.Web.Infrastructure.SharedRateLimits"/>).</summary>
    public DbSet<HipCheck.Web.Infrastructure.RateLimitWindow> RateLimitWindows => Set<HipCheck.Web.Infrastructure.RateLimitWindow>();

    /// <summary>
    /// Every DateTime is a UTC instant (STYLE.md). SQLite stores text without a kind, so values are marked
    /// UTC when read; otherwise a client would get "2026-11-26T04:18:58" back and read it as local time.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// PostgreSQL keeps instants to the microsecond, .NET to the tenth of one: every instant is cut to the
    /// microsecond before it is saved, so what an API answers after a write is what it reads back later,
    /// on either engine.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TruncateInstants();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TruncateInstants();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void TruncateInstants()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is DateTime { Ticks: var ticks } value && ticks % TimeSpan.TicksPerMicrosecond != 0)
                {
                    property.CurrentValue = new DateTime(ticks - (ticks % TimeSpan.TicksPerMicrosecond), value.Kind);
                }
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HipCheckDb).Assembly);
    }
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
