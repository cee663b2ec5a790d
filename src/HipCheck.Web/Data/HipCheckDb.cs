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

    public DbSet<Injury> Injuries => Set<Injury>();

    public DbSet<Study> Studies => Set<Study>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<StudyAuditEntry> StudyAudit => Set<StudyAuditEntry>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<WorkoutSession> WorkoutSessions => Set<WorkoutSession>();

    public DbSet<ExerciseVideo> ExerciseVideos => Set<ExerciseVideo>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleComment> ArticleComments => Set<ArticleComment>();

    public DbSet<CommenterProfile> CommenterProfiles => Set<CommenterProfile>();

    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();

    /// <summary>
    /// Every DateTime is a UTC instant (STYLE.md). SQLite stores text without a kind, so values are marked
    /// UTC when read; otherwise a client would get "2026-11-26T04:18:58" back and read it as local time.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
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
