using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HipCheck.Web.Data;

public static class DataExtensions
{
    /// <summary>
    /// Registers the database. <c>ConnectionStrings:HipCheck</c> wins when set; otherwise SQLite at
    /// <c>Database:SqlitePath</c> (relative paths are under the content root), its folder created if missing.
    /// </summary>
    public static IServiceCollection AddHipCheckData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration.GetConnectionString("HipCheck");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var path = configuration["Database:SqlitePath"] ?? "App_Data/hipcheck.db";
            if (!Path.IsPathRooted(path))
            {
                path = Path.Combine(environment.ContentRootPath, path);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        }

        services.AddDbContext<HipCheckDb>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations"))
            .AddInterceptors(new SqliteDurabilityInterceptor()));
        return services;
    }

    /// <summary>Applies pending migrations; run once at start-up before the app takes requests.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the writer; it persists in the file once set.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}

/// <summary>
/// Health data must survive a crash or power loss once acknowledged: in WAL mode, synchronous=FULL syncs
/// the WAL on every commit (sqlite.org/pragma.html#pragma_synchronous; NORMAL may lose the last commits on
/// power loss). The setting is per connection, so it is applied to each one as it opens.
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
