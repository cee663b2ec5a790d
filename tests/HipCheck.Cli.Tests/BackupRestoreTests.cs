using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HipCheck.Testing;
using Microsoft.Data.Sqlite;
using Xunit;
using static HipCheck.Cli.Tests.Cli;

namespace HipCheck.Cli.Tests;

/// <summary>`hipcheck backup` and `hipcheck restore`, run as the real executable against the real server's database.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hipcheck-cli-backup", Guid.NewGuid().ToString("N"));

    public BackupRestoreTests() => Directory.CreateDirectory(folder);

    [Fact]
    public async Task A_backup_taken_while_the_server_writes_restores_to_a_database_the_server_serves_unchanged()
    {
        await using var server = new HipCheckServer();
        Assert.True(server.IsSqlite, "backup and restore are for SQLite; PostgreSQL uses pg_dump");
        await server.StartAsync();
        var runners = new List<(HttpClient Client, string Email, string AthleteId)>();
        for (var r = 0; r < 2; r++)
        {
            var email = $"runner{r}@example.org";
            var client = await server.RegisterAndLogin(email);
            runners.Add((client, email, await CreateAthlete(client, r)));
        }

        var before = new Dictionary<string, JsonNode>();
        for (var i = 0; i < 10; i++)
        {
            foreach (var (client, _, athleteId) in runners)
            {
                var document = await CreateScreening(client, athleteId, i);
                before[document["id"]!.GetValue<string>()] = document;
            }
        }

        // Keep writing while the backup runs: the backup must still be one consistent snapshot.
        using var stop = new CancellationTokenSource();
        var during = 0;
        var writer = Task.Run(async () =>
        {
            for (var i = 100; !stop.IsCancellationRequested; i++)
            {
                await CreateScreening(runners[0].Client, runners[0].AthleteId, i);
                during++;
            }
        }, TestContext.Current.CancellationToken);

        var backup = Path.Combine(folder, "backup.db");
        var (exit, stdout, stderr) = await RunAsync("backup", "--database", server.DatabasePath, "--out", backup);
        await stop.CancelAsync();
        await writer;
        Assert.True(exit == 0, $"backup: {exit} {stdout} {stderr}");
        Assert.Contains("integrity ok", stdout, StringComparison.Ordinal);
        Assert.Equal(["backup.db"], Directory.GetFiles(folder).Select(Path.GetFileName)); // no -wal, -shm or temp file left
        Assert.True(during > 0, "the writer wrote nothing while the backup ran");

        var restored = Path.Combine(folder, "restored", "hipcheck.db");
        (exit, stdout, stderr) = await RunAsync("restore", "--from", backup, "--database", restored);
        Assert.True(exit == 0, $"restore: {exit} {stdout} {stderr}");
        Assert.Contains("Restored", stdout, StringComparison.Ordinal);

        // The restored file holds exactly the backup's rows, table by table and value by value.
        var backupTables = Dump(backup);
        var restoredTables = Dump(restored);
        Assert.Equal(backupTables.Keys.Order(), restoredTables.Keys.Order());
        foreach (var (table, rows) in backupTables)
        {
            Assert.Equal(rows, restoredTables[table]);
        }

        var screeningsInBackup = backupTables["Screenings"].Count;
        Assert.InRange(screeningsInBackup, before.Count, before.Count + during + 1);
        Assert.Equal(screeningsInBackup * 1L, backupTables["ScreeningTests"].Count * 1L);

        // The server, started on the restored file, serves every screening written before the backup, field by field.
        await using var second = new HipCheckServer(Path.GetDirectoryName(restored));
        await second.StartAsync();
        foreach (var (_, email, _) in runners)
        {
            using var client = second.Client();
            await HipCheckServer.Login(client, email);
            var visible = 0;
            foreach (var (id, document) in before)
            {
                using var response = await client.GetAsync($"/api/screenings/{id}", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    continue; // the other runner's screening
                }

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var stored = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
                Assert.True(JsonNode.DeepEquals(document, stored), $"{id}: acknowledged {document.ToJsonString()}, restored {stored.ToJsonString()}");
                visible++;
            }

            Assert.Equal(10, visible);
        }

        runners.ForEach(r => r.Client.Dispose());
    }

    [Fact]
    public async Task Restore_refuses_to_replace_a_database_without_force_and_replaces_it_with_force()
    {
        var backup = MakeHipCheckDatabase(Path.Combine(folder, "backup.db"), rows: 3);
        var target = Path.Combine(folder, "live.db");
        MakeHipCheckDatabase(target, rows: 7);
        var original = await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(target + "-wal", "a WAL of the old database", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(target + "-shm", "its index", TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await RunAsync("restore", "--from", backup, "--database", target);
        Assert.Equal(2, exit);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken));
        Assert.True(File.Exists(target + "-wal"));

        (exit, var stdout, stderr) = await RunAsync("restore", "--from", backup, "--database", target, "--force");
        Assert.True(exit == 0, $"{stdout} {stderr}");
        Assert.Equal(3, Dump(target)["Screenings"].Count);
        Assert.False(File.Exists(target + "-wal"), "the old database's WAL would be replayed into the restored one");
        Assert.False(File.Exists(target + "-shm"));
        Assert.Equal(["backup.db", "live.db"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_sound_HipCheck_database_and_writes_nothing()
    {
        var notSqlite = Path.Combine(folder, "notes.db");
        await File.WriteAllTextAsync(notSqlite, "this is not a database, just some text long enough to be read as a header", TestContext.Current.CancellationToken);
        var foreign = Path.Combine(folder, "foreign.db");
        using (var connection = Open(foreign))
        {
            Execute(connection, "CREATE TABLE Things (Id INTEGER PRIMARY KEY); INSERT INTO Things VALUES (1);");
        }

        var damaged = MakeHipCheckDatabase(Path.Combine(folder, "damaged.db"), rows: 200);
        await using (var stream = new FileStream(damaged, FileMode.Open, FileAccess.Write))
        {
            // Overwrite the middle of the file (b-tree pages) with garbage, as a failing disk might.
            stream.Position = stream.Length / 2;
            await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 4096)), TestContext.Current.CancellationToken);
        }

        var target = Path.Combine(folder, "target", "hipcheck.db");
        foreach (var (file, expected) in new[] { (notSqlite, "not a usable HipCheck backup"), (foreign, "__ef_migrations"), (damaged, "not a usable HipCheck backup") })
        {
            var (exit, _, stderr) = await RunAsync("restore", "--from", file, "--database", target);
            Assert.True(exit == 2, $"{file}: exit {exit} {stderr}");
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.GetDirectoryName(target)) && Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!).Any());
        }

        var (backupExit, _, backupError) = await RunAsync("backup", "--database", damaged, "--out", Path.Combine(folder, "copy.db"));
        Assert.Equal(2, backupExit);
        Assert.Contains("verification", backupError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "copy.db")));
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_a_file_without_force()
    {
        var database = MakeHipCheckDatabase(Path.Combine(folder, "live.db"), rows: 2);
        var existing = Path.Combine(folder, "backup.db");
        await File.WriteAllTextAsync(existing, "yesterday's backup", TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await RunAsync("backup", "--database", database, "--out", existing);
        Assert.Equal(2, exit);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));

        (exit, var stdout, stderr) = await RunAsync("backup", "--database", database, "--out", existing, "--force");
        Assert.True(exit == 0, $"{stdout} {stderr}");
        Assert.Equal(2, Dump(existing)["Screenings"].Count);
    }

    /// <summary>A small file with the parts a HipCheck database is checked for: the migrations table and screening rows.</summary>
    private static string MakeHipCheckDatabase(string path, int rows)
    {
        using var connection = Open(path);
        Execute(connection, """
            CREATE TABLE "__ef_migrations" (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT NOT NULL);
            INSERT INTO "__ef_migrations" VALUES ('20250101000000_Initial', '10.0.15');
            CREATE TABLE Screenings (Id TEXT PRIMARY KEY, Note TEXT NOT NULL);
            """);
        for (var i = 0; i < rows; i++)
        {
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO Screenings VALUES ('{Guid.NewGuid()}', '{new string('n', 200)}{i}');"));
        }

        return path;
    }

    /// <summary>Every row of every table, each row as one string of its values in rowid order.</summary>
    private static Dictionary<string, List<string>> Dump(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        var tables = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1;";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }

            dump[table] = rows;
        }

        return dump;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
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

    private static async Task<string> CreateAthlete(HttpClient client, int index)
    {
        var body = new JsonObject
        {
            ["name"] = $"Runner {index}",
            ["sex"] = "female",
            ["birthDate"] = "1991-02-03",
            ["bodyMassKg"] = 58.5,
            ["heightCm"] = 167,
            ["sport"] = "running",
            ["dominantLeg"] = "left",
        };
        using var response = await client.PostAsJsonAsync("/api/athletes", body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
    }

    private static async Task<JsonNode> CreateScreening(HttpClient client, string athleteId, int index)
    {
        var body = new JsonObject
        {
            ["date"] = new DateOnly(2025, 2, 1).AddDays(index % 200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["tests"] = new JsonArray(
                new JsonObject
                {
                    ["test"] = "hip-extension",
                    ["unit"] = "N",
                    ["left"] = new JsonArray(200.0 + index, 210.0, 205.0),
                    ["right"] = new JsonArray(250.0, 245.0 + (index % 9), 255.0),
                }),
        };
        using var response = await client.PostAsJsonAsync($"/api/athletes/{athleteId}/screenings", body, CancellationToken.None);
        var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
