using System.Data.Common;
using System.Net;
using System.Text.Json;
using HipCheck.Web.Audit;
using HipCheck.Web.Data;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Import;

/// <summary>
/// A created screening's audit snapshot is built in .NET (ImportSnapshots) instead of by the database's JSON
/// functions. Its text must be the one the database built before, byte for byte, on the engine the suite runs on:
/// the previous path's SQL is kept here as the reference and run over the live rows. And the snapshot must rebuild
/// the live rows (the audit-rebuild promise of TRUST.md).
/// </summary>
public sealed class ImportAuditTests : ApiTest
{
    // The SQL the bulk writers ran before (ImportAudit.Sqlite / ImportAudit.Postgres, the screening part), as a SELECT.
    private const string SqliteReference =
        """
        SELECT lower(s."Id"), s."AthleteId",
            json_object('id', lower(s."Id"), 'athleteId', lower(s."AthleteId"), 'date', s."Date", 'bodyMassKg', s."BodyMassKg",
                'source', s."Source", 'createdByUserId', s."CreatedByUserId", 'createdUtc', s."CreatedUtc",
                'tests', (SELECT json_group_array(json_object('id', lower(t."Id"), 'testCode', t."TestCode", 'enteredUnit', t."EnteredUnit",
                    'leverArmM', t."LeverArmM", 'seconds', t."Seconds", 'leftTrials', json(t."LeftTrials"), 'rightTrials', json(t."RightTrials")))
                    FROM (SELECT * FROM "ScreeningTests" WHERE "ScreeningId" = s."Id" ORDER BY "TestCode") t))
        FROM "Screenings" s WHERE s."Source" = 'Imported'
        """;

    private const string PostgresReference =
        """
        SET TIME ZONE 'UTC';
        SELECT s."Id"::text, s."AthleteId"::text,
            json_build_object('id', s."Id", 'athleteId', s."AthleteId", 'date', s."Date", 'bodyMassKg', s."BodyMassKg",
                'source', s."Source", 'createdByUserId', s."CreatedByUserId", 'createdUtc', s."CreatedUtc",
                'tests', (SELECT json_agg(json_build_object('id', t."Id", 'testCode', t."TestCode", 'enteredUnit', t."EnteredUnit",
                    'leverArmM', t."LeverArmM", 'seconds', t."Seconds", 'leftTrials', t."LeftTrials", 'rightTrials', t."RightTrials")
                    ORDER BY t."TestCode") FROM "ScreeningTests" t WHERE t."ScreeningId" = s."Id"))::text
        FROM "Screenings" s WHERE s."Source" = 'Imported'
        """;

    // Awkward values on purpose: an external id with a quote, a backslash, a tab and non-ASCII; a body mass with more
    // digits than SQLite's %!.15g keeps; kgf and lbf trials (no short decimal form in newtons); a lever arm; tests out
    // of code order; an athlete whose screening takes the mass from the athlete.
    private const string First = ImportTests.Header
        + "\"Q\"\"7\\\tÜ\",Ada Runner,F,1994-05-01,58.123456789012345678,167.25,right,2025-03-01,hip-extension,kgf,20,21,20.7,25,24.5,25.5,\n"
        + "\"Q\"\"7\\\tÜ\",,,,,,,2025-03-01,back-extension-endurance,s,,,,,,,142.7\n"
        + "\"Q\"\"7\\\tÜ\",,,,,,,2025-03-01,hip-abduction,lbf,30.3,31,,32,,,\n"
        + "\"Q\"\"7\\\tÜ\",,,,61,,,2025-06-01,hip-external-rotation,N,180.5,,,190.25,,,\n"
        + "B-2,Bo Runner,male,1990-01-02,72.5,180,left,2025-03-02,single-leg-bridge,s,30,31,,35,,,\n"
        + "B-2,,,,,,,2025-03-02,hip-extension,N,0.1,1000.000000000001,,250,,,\n";

    // A second file: a test added to an imported screening (audited on its own, by SQL) and a new screening.
    private const string Second = ImportTests.Header
        + "B-2,,,,,,,2025-03-02,hip-abduction,N,200,,,210,,,\n"
        + "B-2,,,,,,,2025-04-02,hip-abduction,N,205,,,215,,,\n";

    private static string WithLeverArm(string csv) => csv
        .Replace("right_3,seconds\n", "right_3,seconds,lever_arm_m\n", StringComparison.Ordinal)
        .Replace("25.5,\n", "25.5,,0.42\n", StringComparison.Ordinal)
        .Replace(",\n", ",,\n", StringComparison.Ordinal)
        .Replace("142.7\n", "142.7,\n", StringComparison.Ordinal);

    [Fact]
    public async Task Screening_snapshots_built_in_dotnet_equal_the_databases_json_of_the_live_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        var coach = await App.RegisterAndLogin("coach@import-audit.example.org", role: "coach");
        string team;
        using (var response = await coach.PostJson("/api/teams", new { name = "Harriers" }))
        {
            await response.AssertStatus(HttpStatusCode.Created);
            team = (await response.Body()).Id();
        }

        var first = WithLeverArm(First);
        Assert.Contains("25.5,,0.42\n", first, StringComparison.Ordinal);
        // After each file, the reference is run over the live rows as they are then (a later file may add a test to a
        // screening: its snapshot, like the previous path's, shows the screening as it was created).
        var entries = new List<AuditEntry>();
        foreach (var csv in new[] { first, Second })
        {
            using (var response = await ImportTests.PostCsv(coach, team, csv))
            {
                await response.AssertStatus(HttpStatusCode.OK);
                Assert.Equal(0, (await response.Body()).GetProperty("rejected").GetInt32());
            }

            await using var check = App.Services.CreateAsyncScope();
            var checkDb = check.ServiceProvider.GetRequiredService<HipCheckDb>();
            var reference = new Dictionary<string, (string AthleteId, string Json)>(StringComparer.Ordinal);
            await checkDb.Database.OpenConnectionAsync(ct);
            await using (var command = checkDb.Database.GetDbConnection().CreateCommand())
            {
                command.CommandText = TestDatabase.IsPostgres ? PostgresReference : SqliteReference;
                await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    reference[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
                }
            }

            await checkDb.Database.CloseConnectionAsync();
            var seen = entries.Count == 0 ? 0 : entries[^1].Id;
            var written = await checkDb.Audit.AsNoTracking().Where(e => e.EntityType == "Screening" && e.Id > seen).OrderBy(e => e.Id).ToListAsync(ct);
            Assert.NotEmpty(written);
            foreach (var entry in written)
            {
                var (athleteId, json) = reference[entry.EntityId];
                Assert.Equal(json, entry.After); // byte for byte
                Assert.Equal(athleteId, TestDatabase.IsPostgres ? entry.AthleteId.ToString() : entry.AthleteId!.Value.ToString().ToUpperInvariant());
                Assert.Equal(("created", "imported", null, null, "coach"), (entry.Action, entry.Changed, entry.Before, entry.StudyId, entry.ActorRole));
            }

            entries.AddRange(written);
        }

        Assert.Equal(4, entries.Count); // 2025-03-01, 2025-06-01, 2025-03-02 and the second file's 2025-04-02
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();

        // The previous path's number forms, spelled out: shortest round-trip on both engines, SQLite adding ".0".
        var march = entries.Single(e => e.After!.Contains("\"2025-03-01\"", StringComparison.Ordinal)).After!;
        Assert.Contains(TestDatabase.IsPostgres ? "\"bodyMassKg\" : 58.123456789012344," : "\"bodyMassKg\":58.123456789012344,", march, StringComparison.Ordinal);
        Assert.Contains(TestDatabase.IsPostgres ? "\"seconds\" : 142.7," : "\"seconds\":142.7,", march, StringComparison.Ordinal);
        var june = entries.Single(e => e.After!.Contains("\"2025-06-01\"", StringComparison.Ordinal)).After!;
        Assert.Contains(TestDatabase.IsPostgres ? "\"bodyMassKg\" : 61," : "\"bodyMassKg\":61.0,", june, StringComparison.Ordinal);
        Assert.Contains(TestDatabase.IsPostgres ? "\"leverArmM\" : 0.42" : "\"leverArmM\":0.42,", march, StringComparison.Ordinal);
        Assert.Contains("196.13299999999998", march, StringComparison.Ordinal); // 20 kgf

        // Rebuilding: every created screening and its tests, from the snapshots alone, equal the live rows.
        var screenings = await db.Screenings.AsNoTracking().Include(s => s.Tests).Where(s => s.Source == HipCheck.Web.Screenings.ScreeningSource.Imported).ToListAsync(ct);
        foreach (var s in screenings)
        {
            var after = JsonDocument.Parse(entries.Single(e => e.EntityId == s.Id.ToString()).After!).RootElement;
            Assert.Equal(s.AthleteId, after.GetProperty("athleteId").GetGuid());
            Assert.Equal(s.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), after.GetProperty("date").GetString());
            Assert.Equal(s.CreatedByUserId, after.GetProperty("createdByUserId").GetString());
            var tests = after.GetProperty("tests").EnumerateArray().ToList();
            // The test added by the second file is not in the first file's snapshot: it has its own entry.
            var added = await db.Audit.AsNoTracking().Where(e => e.EntityType == "ScreeningTest").ToListAsync(ct);
            var own = s.Tests.Where(t => added.All(a => a.EntityId != t.Id.ToString())).OrderBy(t => t.TestCode, StringComparer.Ordinal).ToList();
            Assert.Equal(own.Select(t => t.Id), tests.Select(t => t.GetProperty("id").GetGuid()));
            foreach (var (live, snap) in own.Zip(tests))
            {
                Assert.Equal(live.TestCode, snap.GetProperty("testCode").GetString());
                Assert.Equal(live.EnteredUnit, snap.GetProperty("enteredUnit").GetString());
                Assert.Equal(live.Seconds, snap.GetProperty("seconds").ValueKind == JsonValueKind.Null ? null : snap.GetProperty("seconds").GetDouble());
                Assert.Equal(live.LeftTrials, snap.GetProperty("leftTrials").EnumerateArray().Select(x => x.GetDouble())); // bit for bit
                Assert.Equal(live.RightTrials, snap.GetProperty("rightTrials").EnumerateArray().Select(x => x.GetDouble()));
            }
        }

        Assert.Single(await db.Audit.AsNoTracking().Where(e => e.EntityType == "ScreeningTest").ToListAsync(ct));
        Assert.Equal(2, await db.Audit.CountAsync(e => e.EntityType == "Athlete", ct));
    }
}
