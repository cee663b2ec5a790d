using System.Data.Common;
using HipCheck.Web.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace HipCheck.Web.Data;

/// <summary>The database engines HipCheck runs on (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>One file: a clinic, a club, a developer's machine. The default.</summary>
    Sqlite,

    /// <summary>A server shared by several app instances: a federation, a multi-site study.</summary>
    Postgres,
}

public static class DataExtensions
{
    public const string MigrationsTable = "__ef_migrations";

    /// <summary>
    /// Registers the database. <c>Database:Provider</c> is <c>Sqlite</c> (default) or <c>Postgres</c>.
    /// PostgreSQL needs <c>ConnectionStrings:HipCheck</c>. SQLite uses <c>ConnectionStrings:HipCheck</c> when set,
    /// otherwise the file at <c>Database:SqlitePath</c> (relative paths are under the content root; default
    /// App_Data/hipcheck.db), its folder created if missing.
    /// </summary>
    public static IServiceCollection AddHipCheckData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = ReadProvider(configuration);
        // The audit trail is written by one interceptor shared by every pooled context (it holds no state).
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditInterceptor>();
        var connectionString = configuration.GetConnectionString("HipCheck");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:HipCheck is empty. Set it, e.g. "
                    + "ConnectionStrings__HipCheck=\"Host=db;Database=hipcheck;Username=hipcheck;Password=...\".");
            }

            connectionString = WithConnectionDefaults(connectionString);
            // One data source (one connection pool) for EF Core; the prepared hot reads have their own, multiplexed.
            services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            services.AddSingleton(_ => PreparedReads.ForPostgres(connectionString));
            services.AddDbContextPool<HipCheckDb, PostgresHipCheckDb>((sp, options) => options
                .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), ConfigureNpgsql)
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }
        else
        {
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

            var sqliteConnectionString = connectionString;
            services.AddSingleton(_ => PreparedReads.ForSqlite(sqliteConnectionString));
            services.AddDbContextPool<HipCheckDb>((sp, options) => options
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsTable))
                .AddInterceptors(new SqliteDurabilityInterceptor(), sp.GetRequiredService<AuditInterceptor>()));
        }

        services.AddSingleton(new DatabaseInfo(provider));
        return services;
    }

    /// <summary>
    /// Npgsql settings for a busy API, each unless the connection string sets it (docs/performance.md):
    /// <list type="bullet">
    /// <item>Automatic preparation (<c>Max Auto Prepare=64</c>, <c>Auto Prepare Min Usages=2</c>): a statement a
    /// connection has run twice is prepared on the server and from then on only bound and executed, not parsed and
    /// planned again (936 -> 1,607 POSTs/s and 826 -> 1,024 report GETs/s when introduced). Npgsql re-prepares a
    /// statement whose plan a schema change invalidated.</item>
    /// <item><c>No Reset On Close=true</c>: a connection returned to the pool is not reset (RESET ALL, CLOSE ALL,
    /// UNLISTEN, advisory unlocks, DISCARD TEMP/SEQUENCES parsed and run before its next use). HipCheck never leaves
    /// session state behind: it sets no session parameters, listens to nothing, takes no session advisory locks,
    /// and its only temporary tables (the bulk import's staging) are <c>ON COMMIT DROP</c>.</item>
    /// </list>
    /// </summary>
    public static string WithConnectionDefaults(string connectionString)
    {
        var built = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            built.MaxAutoPrepare = 64;
            built.AutoPrepareMinUsages = 2;
        }

        if (!Sets(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            built.NoResetOnClose = true;
        }

        return built.ConnectionString;
    }

    /// <summary>
    /// Whether the operator's connection string sets the keyword under any of these spellings (case-insensitive): a
    /// default HipCheck applies never overrides what the operator wrote.
    /// </summary>
    internal static bool Sets(string connectionString, params string[] keywords)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(given.ContainsKey);
    }

    /// <summary>The one place the Npgsql options are set, shared with the design-time factory.</summary>
    internal static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable(MigrationsTable);

    private static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider '{value}' is not known: use Sqlite or Postgres.");
    }

    /// <summary>
    /// Applies pending migrations. Run once at start-up before the app takes requests (unless
    /// <c>Database:MigrateOnStart</c> is false) or by an operator with <c>HipCheck.Web migrate</c>.
    /// EF Core takes a database lock while migrating, so instances starting together do not race.
    /// </summary>
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

    /// <summary>True when no migration is pending (the readiness check of an instance that does not migrate).</summary>
    public static async Task<bool> IsMigratedAsync(this DatabaseFacade database, CancellationToken ct = default) =>
        !(await database.GetPendingMigrationsAsync(ct)).Any();
}

/// <summary>Which engine this app instance uses (for the few places that take a provider's bulk path).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider);

/// <summary>
/// Health data must survive a crash or power loss once acknowledged: in WAL mode, synchronous=FULL syncs
/// the WAL on every commit (sqlite.org/pragma.html#pragma_synchronous; NORMAL may lose the last commits on
/// power loss). The setting is per connection, so it is applied to each one as it opens.
/// <para>
/// The WAL is copied back into the database (checkpointed) when it reaches 10,000 pages (about 40 MB) instead of
/// SQLite's 1,000. A screening touches about ten B-tree pages (tables and their indexes), and each commit writes
/// every page it touched to the WAL; a page rewritten by many commits between two checkpoints is copied to the
/// database once. Measured under the screening POST load (docs/performance.md): 42 -> 31 KB written and 36 -> 25
/// KB read per screening, 4,400-5,000 -> 5,700-5,800 POSTs/s, p99 25-30 -> 41 ms (a checkpoint does more at once).
/// Durability is unchanged: a commit is on disk in the WAL, whatever the checkpoint interval.
/// </para>
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA wal_autocheckpoint=10000;";

    /// <summary>
    /// The native connections already set up. Microsoft.Data.Sqlite pools native connections, and every request opens
    /// one from the pool: the pragmas persist on the native connection, so they are sent once per native connection,
    /// not once per open (three statements prepared and run per query otherwise).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool NeedsPragmas(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Prepared.TryAdd(handle, Prepared);
}
