using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HipCheck.Web.Data;

/// <summary>
/// A read the API runs on every request of its busiest endpoints, written once in SQL that both engines accept
/// (double-quoted identifiers, <c>@name</c> parameters), with the code that turns its rows into a value.
/// Values bound to it are .NET values (Guid, DateOnly, string, numbers); <see cref="PreparedReads"/> converts them
/// to each engine's storage form.
/// </summary>
public abstract class ReadStatement<T>
{
    protected ReadStatement(string sql, params string[] parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        Sql = sql;
        Parameters = parameters;
        PostgresSql = Regex.Replace(sql, @"@(\w+)", m => Array.IndexOf(parameters, m.Groups[1].Value) is var i and >= 0
            ? "$" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new ArgumentException($"The SQL uses @{m.Groups[1].Value}, which is not among the parameters.", nameof(sql)));
    }

    public string Sql { get; }

    /// <summary>
    /// <see cref="Sql"/> with positional <c>$1</c>, <c>$2</c>... for PostgreSQL: Npgsql sends it as it is, instead of
    /// parsing the text on every execution to rewrite named parameters (0.7 % of the CPU of a report GET run).
    /// </summary>
    public string PostgresSql { get; }

    /// <summary>The parameter names, without the <c>@</c>, in the order values are passed.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The value of the rows; the reader is positioned before the first row.</summary>
    public abstract Task<T> ReadAsync(DbDataReader reader, CancellationToken ct);
}

/// <summary>
/// Runs <see cref="ReadStatement{T}"/>s without EF Core and without parsing their SQL again per request: the hot
/// reads of the screening POST and the report GET. A profile under load showed those two requests spending most
/// of their time in EF Core's per-query expression work and in SQLite compiling the same SELECT again for every
/// request (Microsoft.Data.Sqlite prepares per command, and pooled connections drop their statements on close).
/// <para>
/// SQLite: a small pool of connections kept open, each holding its statements prepared once (<c>query_only</c>,
/// so they can never write); a statement is reset when its reader is disposed, so no read snapshot outlives the
/// request and checkpoints are not held up. PostgreSQL: a multiplexed <see cref="NpgsqlDataSource"/> of their own
/// (<see cref="ForPostgres"/>), whose automatic preparation keeps each statement prepared on the server per
/// physical connection.
/// </para>
/// Everything else reads through EF Core; these statements repeat rules the LINQ queries state (who may see an
/// athlete, which studies lock a baseline), and tests run both forms over the same data on both engines.
/// </summary>
public sealed class PreparedReads : IDisposable
{
    /// <summary>Idle SQLite connections kept open; more are opened under a burst and closed when returned.</summary>
    private const int MaxIdleSqliteSessions = 32;

    private readonly DatabaseProvider provider;
    private readonly string? sqliteConnectionString;
    private readonly NpgsqlDataSource? dataSource;
    private readonly ConcurrentBag<SqliteSession> idle = [];
    private int idleCount;
    private volatile bool disposed;

    private PreparedReads(DatabaseProvider provider, string? sqliteConnectionString, NpgsqlDataSource? dataSource)
    {
        this.provider = provider;
        this.sqliteConnectionString = sqliteConnectionString;
        this.dataSource = dataSource;
    }

    public static PreparedReads ForSqlite(string connectionString) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString(), null);

    /// <summary>
    /// The hot reads of an app on PostgreSQL, through a data source of their own with Npgsql's multiplexing on
    /// (unless the connection string sets <c>Multiplexing</c>): the statements of concurrent requests share a few
    /// physical connections and go out together, instead of each request taking a connection and a round trip to
    /// itself. They are single statements outside any transaction, which is what multiplexing allows; EF Core, the
    /// group commit and the bulk import keep the app's ordinary data source (transactions, COPY). Measured under the
    /// load test: report GETs 5,174 -> 8,902/s, screening POSTs 3,160 -> 4,783/s (docs/performance.md).
    /// </summary>
    public static PreparedReads ForPostgres(string connectionString) =>
        new(DatabaseProvider.Postgres, null, NpgsqlDataSource.Create(MultiplexedConnectionString(connectionString)));

    /// <summary>The connection string of the hot reads' data source: the app's, with multiplexing on unless it says.</summary>
    public static string MultiplexedConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!DataExtensions.Sets(connectionString, "Multiplexing"))
        {
            builder.Multiplexing = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Runs the statement with these values (one per <see cref="ReadStatement{T}.Parameters"/>, in order).</summary>
    public async Task<T> ReadAsync<T>(ReadStatement<T> statement, object?[] values, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (values.Length != statement.Parameters.Count)
        {
            throw new ArgumentException($"The statement takes {statement.Parameters.Count} values, not {values.Length}.", nameof(values));
        }

        return provider == DatabaseProvider.Postgres
            ? await ReadPostgresAsync(statement, values, ct)
            : await ReadSqliteAsync(statement, values, ct);
    }

    public void Dispose()
    {
        disposed = true;
        CloseIdle();
        dataSource?.Dispose();
    }

    private void CloseIdle()
    {
        while (idle.TryTake(out var session))
        {
            session.Dispose();
        }
    }

    private async Task<T> ReadPostgresAsync<T>(ReadStatement<T> statement, object?[] values, CancellationToken ct)
    {
        await using var connection = await dataSource!.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(statement.PostgresSql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value }); // positional: $1, $2...
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        return await statement.ReadAsync(reader, ct);
    }

    private async Task<T> ReadSqliteAsync<T>(ReadStatement<T> statement, object?[] values, CancellationToken ct)
    {
        var session = Rent();
        var healthy = false;
        try
        {
            var command = session.Command(statement.Sql, statement.Parameters);
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = SqliteValues.Of(values[i]);
            }

            T result;
            // Disposing the reader resets the statement: its read snapshot ends here, not when the session is reused.
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                result = await statement.ReadAsync(reader, ct);
            }

            healthy = true;
            return result;
        }
        finally
        {
            if (healthy)
            {
                Return(session);
            }
            else
            {
                session.Dispose(); // a failed or cancelled read leaves nothing half-done behind in the pool
            }
        }
    }

    private SqliteSession Rent()
    {
        if (idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref idleCount);
            return session;
        }

        return SqliteSession.Open(sqliteConnectionString!);
    }

    private void Return(SqliteSession session)
    {
        if (!disposed && Interlocked.Increment(ref idleCount) <= MaxIdleSqliteSessions)
        {
            idle.Add(session);
            if (disposed)
            {
                CloseIdle(); // disposed while this read ran: close what is idle now
            }

            return;
        }

        Interlocked.Decrement(ref idleCount);
        session.Dispose();
    }

    /// <summary>One open SQLite connection and the statements prepared on it, used by one request at a time.</summary>
    private sealed class SqliteSession : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

        private SqliteSession(SqliteConnection connection) => this.connection = connection;

        public static SqliteSession Open(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                connection.Open();
                using var readOnly = connection.CreateCommand();
                readOnly.CommandText = "PRAGMA query_only = ON;";
                readOnly.ExecuteNonQuery();
                return new SqliteSession(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public SqliteCommand Command(string sql, IReadOnlyList<string> parameters)
        {
            if (!commands.TryGetValue(sql, out var command))
            {
                command = SqliteValues.Prepare(connection, null, sql, parameters.Select(name => "@" + name).ToArray());
                commands.Add(sql, command);
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}
