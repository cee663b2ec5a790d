using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HipCheck.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HipCheck.Faults.Tests;

/// <summary>
/// TRUST.md, "acknowledged writes survive crashes": the real server is SIGKILLed while 16 clients are writing
/// screenings, restarted on the same database, and every write it acknowledged with 201 must be there, intact,
/// with no half-written screening anywhere in the file.
/// </summary>
public class CrashTests
{
    private const int Writers = 16;
    private const int KillRounds = 3;
    private const int TestsPerScreening = 3;

    /// <summary>Acknowledged writes per round after which the server is killed, the other writers still mid-request.</summary>
    private const int KillAfterAcknowledged = 60;

    private sealed record Acknowledged(string Id, string AthleteId, JsonObject Sent, JsonNode Document);

    [Fact]
    public async Task Every_acknowledged_screening_survives_SIGKILL_during_concurrent_writes()
    {
        await using var server = new HipCheckServer();
        await server.StartAsync();

        var writers = new List<(string Email, string AthleteId)>();
        for (var w = 0; w < Writers; w++)
        {
            var email = $"writer{w}@example.org";
            using var client = await server.RegisterAndLogin(email);
            using var created = await client.PostAsJsonAsync("/api/athletes", Athlete(w), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var athlete = JsonNode.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            writers.Add((email, athlete["id"]!.GetValue<string>()));
        }

        var acknowledged = new ConcurrentBag<Acknowledged>();
        var attempted = 0;
        var unanswered = 0;
        for (var round = 1; round <= KillRounds; round++)
        {
            var before = acknowledged.Count;
            var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var clients = new List<HttpClient>();
            foreach (var (email, _) in writers)
            {
                var client = server.Client();
                await HipCheckServer.Login(client, email);
                clients.Add(client);
            }

            var tasks = writers.Select((writer, w) => Task.Run(async () =>
            {
                for (var sequence = 0; !stop.IsCancellationRequested; sequence++)
                {
                    var body = Screening(w, (round * 100_000) + sequence);
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        using var response = await clients[w].PostAsJsonAsync($"/api/athletes/{writer.AthleteId}/screenings", body, CancellationToken.None);
                        var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                        Assert.True(response.StatusCode == HttpStatusCode.Created, $"writer {w}: {(int)response.StatusCode} {text}");
                        var document = JsonNode.Parse(text)!;
                        acknowledged.Add(new(document["id"]!.GetValue<string>(), writer.AthleteId, body, document));
                        if (acknowledged.Count - before >= KillAfterAcknowledged)
                        {
                            killNow.TrySetResult();
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                    {
                        // The server died under this request: it was never acknowledged, so it may or may not be stored.
                        Interlocked.Increment(ref unanswered);
                        return;
                    }
                }
            })).ToList();

            var finishedEarly = await Task.WhenAny(killNow.Task, Task.WhenAll(tasks));
            Assert.True(finishedEarly == killNow.Task, $"the writers stopped before the kill in round {round}:\n{server.Log}");
            var exitCode = await server.KillAsync();
            if (OperatingSystem.IsLinux())
            {
                Assert.Equal(128 + 9, exitCode); // killed by signal 9, SIGKILL: no shutdown code ran
            }

            await stop.CancelAsync();
            await Task.WhenAll(tasks);
            clients.ForEach(c => c.Dispose());

            await server.StartAsync();
            await AssertAllPresentAndIntact(server, writers, acknowledged);
        }

        var stored = server.IsSqlite
            ? AssertNoPartialScreenings(server.DatabasePath, acknowledged)
            : AssertNoPartialScreeningsOnPostgres(server.ConnectionString, acknowledged);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"crash test: {Writers} writers, {KillRounds} SIGKILL rounds, {attempted} writes attempted, {acknowledged.Count} acknowledged and checked field by field, "
            + $"{unanswered} cut off unanswered, {(stored >= 0 ? stored.ToString(CultureInfo.InvariantCulture) : "n/a")} screenings stored, lost: 0, partial: 0");
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Assert.True(acknowledged.Count >= KillRounds * KillAfterAcknowledged);
    }

    /// <summary>GETs every acknowledged screening from the restarted server: same document, field by field, as the 201 said.</summary>
    private static async Task AssertAllPresentAndIntact(HipCheckServer server, List<(string Email, string AthleteId)> writers, IEnumerable<Acknowledged> acknowledged)
    {
        var byAthlete = acknowledged.GroupBy(a => a.AthleteId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (email, athleteId) in writers)
        {
            using var client = server.Client();
            await HipCheckServer.Login(client, email);
            var list = JsonNode.Parse(await client.GetStringAsync($"/api/athletes/{athleteId}/screenings", TestContext.Current.CancellationToken))!.AsArray();
            var listed = list.ToDictionary(s => s!["id"]!.GetValue<string>(), s => s!);
            foreach (var write in byAthlete.GetValueOrDefault(athleteId) ?? [])
            {
                Assert.True(listed.ContainsKey(write.Id), $"acknowledged screening {write.Id} of {email} is missing after the restart");
                using var response = await client.GetAsync($"/api/screenings/{write.Id}", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var stored = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
                Assert.True(JsonNode.DeepEquals(write.Document, stored), $"screening {write.Id} changed:\nacknowledged {write.Document.ToJsonString()}\nstored {stored.ToJsonString()}");
                Assert.True(JsonNode.DeepEquals(write.Document, listed[write.Id]), $"screening {write.Id} differs in the athlete's list");
                AssertMatchesRequest(write.Sent, stored);
            }
        }
    }

    /// <summary>The stored document holds exactly what was sent: date, body mass, every trial and the hold time.</summary>
    private static void AssertMatchesRequest(JsonObject sent, JsonNode stored)
    {
        Assert.Equal(sent["date"]!.GetValue<string>(), stored["date"]!.GetValue<string>());
        Assert.Equal(sent["bodyMassKg"]!.GetValue<double>(), stored["bodyMassKg"]!.GetValue<double>());
        var results = stored["results"]!.AsArray();
        Assert.Equal(TestsPerScreening, results.Count);
        foreach (var test in sent["tests"]!.AsArray())
        {
            var code = test!["test"]!.GetValue<string>();
            var result = results.Single(r => r!["test"]!.GetValue<string>() == code)!;
            if (test["seconds"] is { } seconds)
            {
                Assert.Equal(seconds.GetValue<double>(), result["seconds"]!.GetValue<double>());
                continue;
            }

            var factor = test["unit"]!.GetValue<string>() == "kgf" ? 9.80665 : 1.0;
            foreach (var side in new[] { "left", "right" })
            {
                var expected = test[side]!.AsArray().Select(v => v!.GetValue<double>() * factor).ToArray();
                var actual = result[side]!["trials"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                Assert.Equal(expected.Length, actual.Length);
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.Equal(expected[i], actual[i], 1e-9);
                }
            }
        }
    }

    /// <summary>
    /// Reads the SQLite file itself: integrity ok, no foreign-key violation, no test row without its screening and no
    /// screening without all its tests (acknowledged or not, a write is all or nothing). Answers the screenings stored.
    /// </summary>
    private static long AssertNoPartialScreenings(string databasePath, IReadOnlyCollection<Acknowledged> acknowledged)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check;"));
        Assert.Null(Scalar(connection, "PRAGMA foreign_key_check;"));
        Assert.Equal(0L, Scalar(connection,
            "SELECT count(*) FROM ScreeningTests t WHERE NOT EXISTS (SELECT 1 FROM Screenings s WHERE s.Id = t.ScreeningId);"));
        Assert.Equal(0L, Scalar(connection, string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM Screenings s WHERE (SELECT count(*) FROM ScreeningTests t WHERE t.ScreeningId = s.Id) <> {TestsPerScreening};")));
        Assert.Equal(0L, Scalar(connection,
            "SELECT count(*) FROM ScreeningTests WHERE json_array_length(LeftTrials) <> json_array_length(RightTrials);"));

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Id FROM Screenings;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        var missing = acknowledged.Where(a => !ids.Contains(a.Id)).Select(a => a.Id).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged screenings are not in the file: {string.Join(", ", missing.Take(5))}");
        return ids.Count;
    }

    /// <summary>The same checks as <see cref="AssertNoPartialScreenings"/>, read from the PostgreSQL database itself.</summary>
    private static long AssertNoPartialScreeningsOnPostgres(string connectionString, IReadOnlyCollection<Acknowledged> acknowledged)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        object? Query(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection);
            return command.ExecuteScalar();
        }

        Assert.Equal(0L, Query(
            "SELECT count(*) FROM \"ScreeningTests\" t WHERE NOT EXISTS (SELECT 1 FROM \"Screenings\" s WHERE s.\"Id\" = t.\"ScreeningId\");"));
        Assert.Equal(0L, Query(string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(*) FROM \"Screenings\" s WHERE (SELECT count(*) FROM \"ScreeningTests\" t WHERE t.\"ScreeningId\" = s.\"Id\") <> {TestsPerScreening};")));
        Assert.Equal(0L, Query(
            "SELECT count(*) FROM \"ScreeningTests\" WHERE coalesce(cardinality(\"LeftTrials\"), 0) <> coalesce(cardinality(\"RightTrials\"), 0);"));

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var command = new NpgsqlCommand("SELECT \"Id\"::text FROM \"Screenings\";", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        var missing = acknowledged.Where(a => !ids.Contains(a.Id)).Select(a => a.Id).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged screenings are not in the database: {string.Join(", ", missing.Take(5))}");
        return ids.Count;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static JsonObject Athlete(int writer) => new()
    {
        ["name"] = $"Writer {writer}",
        ["sex"] = writer % 2 == 0 ? "female" : "male",
        ["birthDate"] = "1990-04-15",
        ["bodyMassKg"] = 60,
        ["heightCm"] = 170,
        ["sport"] = "running",
        ["dominantLeg"] = "right",
    };

    /// <summary>A screening whose every number depends on the writer and the sequence, so a mix-up cannot pass.</summary>
    private static JsonObject Screening(int writer, int sequence) => new()
    {
        ["date"] = new DateOnly(2025, 1, 1).AddDays(sequence % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["bodyMassKg"] = 50 + writer + (sequence % 10 / 10.0),
        ["tests"] = new JsonArray(
            new JsonObject
            {
                ["test"] = "hip-extension",
                ["unit"] = "N",
                ["left"] = Numbers(200 + writer, 210 + (sequence % 40), 205.5),
                ["right"] = Numbers(250, 245 + (sequence % 30), 255 - writer),
            },
            new JsonObject
            {
                ["test"] = "hip-abduction",
                ["unit"] = "kgf",
                ["left"] = Numbers(20 + (sequence % 7), 21.5, 22),
                ["right"] = Numbers(19, 20 + (writer % 5), 21.25),
            },
            new JsonObject { ["test"] = "back-extension-endurance", ["seconds"] = 60.0 + (sequence % 120) }),
    };

    private static JsonArray Numbers(params double[] values) => new([.. values.Select(v => (JsonNode?)v)]);
}
