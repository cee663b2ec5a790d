using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HipCheck.Cli;

/// <summary>
/// `hipcheck backup` and `hipcheck restore` for the SQLite database. The backup uses SQLite's online backup API
/// (sqlite.org/backup.html): it copies a consistent snapshot while the app keeps writing in WAL mode, so the app
/// need not stop. Every backup and every restore is verified before it is put in place: `PRAGMA integrity_check`
/// answers ok and EF Core's migrations history table (<c>__ef_migrations</c>) is there. Files are written beside
/// their destination under a temporary name and renamed over it, so a crash leaves either the old file or the
/// new one, never half of one. PostgreSQL deployments back up with pg_dump / pg_restore instead.
/// </summary>
internal static class DatabaseCommands
{
    /// <summary>The migrations history table HipCheck.Web names (Data/DataExtensions.cs).</summary>
    public const string MigrationsTable = "__ef_migrations";

    public static Command Backup()
    {
        var database = new Option<FileInfo>("--database") { Description = "The SQLite database file to back up (the app may be running).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace --out if it exists." };
        var command = new Command("backup", "Back up the SQLite database while the app runs (online backup API), then verify the copy.")
        {
            database, output, force,
        };
        command.SetAction(r => RunBackup(r, r.GetValue(database)!, r.GetValue(output)!, r.GetValue(force)));
        return command;
    }

    public static Command Restore()
    {
        var from = new Option<FileInfo>("--from") { Description = "The backup file made by `hipcheck backup`.", Required = true };
        var database = new Option<FileInfo>("--database") { Description = "The SQLite database file to restore into (stop the app first).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing database (its -wal and -shm files are removed)." };
        var command = new Command("restore", "Restore a verified backup into a database file; refuses to replace an existing database without --force.")
        {
            from, database, force,
        };
        command.SetAction(r => RunRestore(r, r.GetValue(from)!, r.GetValue(database)!, r.GetValue(force)));
        return command;
    }

    private static int RunBackup(ParseResult result, FileInfo database, FileInfo output, bool force)
    {
        var error = result.InvocationConfiguration.Error;
        if (!database.Exists)
        {
            error.WriteLine($"No database at {database.FullName}.");
            return 2;
        }

        if (output.Exists && !force)
        {
            error.WriteLine($"{output.FullName} exists; pass --force to replace it.");
            return 2;
        }

        Directory.CreateDirectory(output.DirectoryName!);
        var temporary = TemporaryBeside(output.FullName);
        try
        {
            using (var source = Open(database.FullName, SqliteOpenMode.ReadOnly))
            using (var copy = Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                // One step copies every page under one read transaction: a consistent snapshot, even in WAL mode
                // with the app writing (its later commits go to the WAL and are simply not in this copy).
                source.BackupDatabase(copy);
                // The snapshot is stamped WAL like its source; a backup is one self-contained file.
                Execute(copy, "PRAGMA journal_mode=DELETE;");
            }

            if (Verify(temporary) is { } problem)
            {
                error.WriteLine($"The backup failed verification and was not kept: {problem}");
                return 2;
            }

            Flush(temporary);
            File.Move(temporary, output.FullName, overwrite: true);
            result.InvocationConfiguration.Output.WriteLine(Describe("Backed up", database.FullName, output.FullName));
            return 0;
        }
        finally
        {
            DeleteIfPresent(temporary);
        }
    }

    private static int RunRestore(ParseResult result, FileInfo from, FileInfo database, bool force)
    {
        var error = result.InvocationConfiguration.Error;
        if (!from.Exists)
        {
            error.WriteLine($"No backup at {from.FullName}.");
            return 2;
        }

        if (Verify(from.FullName) is { } bad)
        {
            error.WriteLine($"{from.FullName} is not a usable HipCheck backup: {bad}");
            return 2;
        }

        var target = database.FullName;
        if ((File.Exists(target) || File.Exists(target + "-wal")) && !force)
        {
            error.WriteLine($"A database exists at {target}; pass --force to replace it (stop the app first).");
            return 2;
        }

        Directory.CreateDirectory(database.DirectoryName!);
        var temporary = TemporaryBeside(target);
        try
        {
            using (var source = Open(from.FullName, SqliteOpenMode.ReadOnly))
            using (var copy = Open(temporary, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(copy);
                Execute(copy, "PRAGMA journal_mode=DELETE;");
            }

            if (Verify(temporary) is { } problem)
            {
                error.WriteLine($"The restored copy failed verification; {target} was left as it was: {problem}");
                return 2;
            }

            Flush(temporary);
            // A WAL left by the old database would be replayed into the new one on open (SQLite cannot tell
            // whose WAL it is): remove it and its index before the new file takes the name.
            DeleteIfPresent(target + "-wal");
            DeleteIfPresent(target + "-shm");
            DeleteIfPresent(target + "-journal");
            File.Move(temporary, target, overwrite: true);
            result.InvocationConfiguration.Output.WriteLine(Describe("Restored", from.FullName, target));
            return 0;
        }
        finally
        {
            DeleteIfPresent(temporary);
        }
    }

    /// <summary>Null when the file is a sound HipCheck database; otherwise what is wrong with it.</summary>
    public static string? Verify(string path)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            var integrity = Query(connection, "PRAGMA integrity_check;");
            if (integrity.Count != 1 || integrity[0] != "ok")
            {
                return "integrity_check reported: " + string.Join("; ", integrity.Take(5));
            }

            if (Query(connection, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{MigrationsTable}';").Count == 0)
            {
                return $"no {MigrationsTable} table: not a HipCheck database.";
            }

            return Query(connection, $"SELECT MigrationId FROM \"{MigrationsTable}\";").Count == 0
                ? $"{MigrationsTable} is empty: the schema was never migrated."
                : null;
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    private static string Describe(string verb, string from, string to)
    {
        using var connection = Open(to, SqliteOpenMode.ReadOnly);
        var migration = Query(connection, $"SELECT MigrationId FROM \"{MigrationsTable}\" ORDER BY MigrationId DESC LIMIT 1;")[0];
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;");
        var rows = tables.Sum(t => long.Parse(Query(connection, $"SELECT count(*) FROM \"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\";")[0], CultureInfo.InvariantCulture));
        return string.Create(CultureInfo.InvariantCulture,
            $"{verb} {from} to {to}: integrity ok, migration {migration}, {tables.Count} tables, {rows} rows, {new FileInfo(to).Length} bytes.");
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        // No pooling: the file is renamed or deleted right after, so no handle may outlive this command's use.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return values;
    }

    /// <summary>Forces the file's bytes to disk before the rename makes it the real one.</summary>
    private static void Flush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        stream.Flush(flushToDisk: true);
    }

    private static string TemporaryBeside(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
