using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>
/// Which database the HTTP suite runs on. By default each app gets its own SQLite file. When
/// <c>HIPCHECK_TEST_POSTGRES</c> holds a connection string to a server (test.sh starts a throwaway cluster
/// and sets it), each app gets its own PostgreSQL database instead, copied from a template that was migrated
/// once per test run, so the same tests prove the same behaviour on both engines.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "HIPCHECK_TEST_POSTGRES";

    private static readonly string? ServerConnection = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    private static readonly string TemplateName = $"hipcheck_template_{Guid.NewGuid():N}";

    private static readonly Lazy<Task> Template = new(CreateTemplateAsync);

    public static bool IsPostgres => ServerConnection is not null;

    public static string ProviderName => IsPostgres ? "Postgres" : "Sqlite";

    /// <summary>Creates a fresh, migrated database and returns its connection string.</summary>
    /// <param name="folder">The app's temp folder (holds the SQLite file).</param>
    public static string Create(string folder)
    {
        if (ServerConnection is null)
        {
            return $"Data Source={Path.Combine(folder, "hipcheck.db")}";
        }

        Template.Value.GetAwaiter().GetResult();
        var name = $"hipcheck_test_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        return ConnectionTo(name);
    }

    /// <summary>Drops a database made by <see cref="Create"/> (nothing to do for SQLite: the folder goes).</summary>
    public static void Drop(string connectionString)
    {
        if (ServerConnection is null)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnection) { Database = database }.ConnectionString;

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static async Task CreateTemplateAsync()
    {
        Execute($"CREATE DATABASE {TemplateName}");
        var options = new DbContextOptionsBuilder<PostgresHipCheckDb>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(ConnectionTo(TemplateName)) { Pooling = false }.ConnectionString,
                npgsql => npgsql.MigrationsHistoryTable(DataExtensions.MigrationsTable))
            .Options;
        await using var db = new PostgresHipCheckDb(options);
        await db.Database.MigrateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
            }
            catch (NpgsqlException)
            {
                // The throwaway cluster may already be gone; it takes its databases with it.
            }
        };
    }
}
