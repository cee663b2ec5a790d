using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Tests.Platform;

/// <summary>
/// Each provider's migration set matches the model: a change to an entity without a migration for both SQLite and
/// PostgreSQL fails here (ADR 0006), before any database would find out.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new HipCheckDb(new DbContextOptionsBuilder<HipCheckDb>()
            .UseSqlite("Data Source=:memory:", sqlite => sqlite.MigrationsHistoryTable(DataExtensions.MigrationsTable)).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: run dotnet ef migrations add (ADR 0006).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        // Building the model and comparing it with the snapshot does not connect.
        using var db = new PostgresHipCheckDb(new DbContextOptionsBuilder<PostgresHipCheckDb>()
            .UseNpgsql("Host=localhost;Database=unused", npgsql => npgsql.MigrationsHistoryTable(DataExtensions.MigrationsTable)).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: run dotnet ef migrations add (ADR 0006).");
        Assert.Equal(
            ["Initial", "AuditTrail", "BulkImport", "Surveillance", "StudyInstrument", "RateLimitWindows"],
            db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]));
    }
}
