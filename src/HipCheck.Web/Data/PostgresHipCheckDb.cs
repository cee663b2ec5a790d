using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HipCheck.Web.Data;

/// <summary>
/// The HipCheck model on PostgreSQL. A type of its own only so that EF Core keeps a second migration set
/// (Data/Migrations/Postgres) beside the SQLite one; it adds nothing to the model (ADR 0005).
/// </summary>
public sealed class PostgresHipCheckDb(DbContextOptions<PostgresHipCheckDb> options) : HipCheckDb(options);

/// <summary>
/// Lets <c>dotnet ef migrations add X --context PostgresHipCheckDb</c> build the model without a server:
/// creating a migration never connects.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHipCheckDb>
{
    public PostgresHipCheckDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHipCheckDb>()
            .UseNpgsql("Host=localhost;Database=hipcheck_design", DataExtensions.ConfigureNpgsql)
            .Options);
}

/// <summary>
/// The SQLite twin of <see cref="PostgresDesignTimeFactory"/>: with a factory for each context, <c>dotnet ef</c>
/// never has to guess which provider a migration is for.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<HipCheckDb>
{
    public HipCheckDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HipCheckDb>()
            .UseSqlite("Data Source=design.db", sqlite => sqlite.MigrationsHistoryTable(DataExtensions.MigrationsTable))
            .Options);
}
