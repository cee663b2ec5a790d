using System.Globalization;
using HipCheck.Core.Measurement;
using Microsoft.Data.Sqlite;
using static HipCheck.Web.Data.SqliteValues;

namespace HipCheck.Web.Import;

/// <summary>
/// SQLite's bulk path: one transaction (one WAL sync at commit, whatever the row count) and one prepared,
/// parameterised INSERT per table, re-used for every row with only the parameter values changed
/// (sqlite.org/cintro.html: prepare once, bind and step many times). Durability settings are left as they are
/// (synchronous=FULL): with one commit per file they cost one fsync. Only the page cache is enlarged for the
/// import, which changes no on-disk guarantee. Values are written in the formats EF Core writes (GUIDs as
/// upper-case text, dates as yyyy-MM-dd, trials as a JSON array), so EF reads them back unchanged.
/// </summary>
internal static class SqliteBulkWriter
{
    private const string ImportCacheKib = "-131072"; // 128 MiB for the duration of the import

    public static async Task<ImportWriteResult> WriteAsync(SqliteConnection connection, ImportPlan plan, string actorRole, ImportTimings? timings, CancellationToken ct)
    {
        var previousCache = Convert.ToString(await Scalar(connection, null, "PRAGMA cache_size;", ct), CultureInfo.InvariantCulture)!;
        await Execute(connection, null, $"PRAGMA cache_size={ImportCacheKib};", ct);
        try
        {
            // BEGIN IMMEDIATE: the write lock is taken now, so the existing rows read below cannot change before commit.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var team = Id(plan.TeamId);
            // What this import created, for its audit trail (ImportAudit), written at the end in the same transaction.
            await Execute(connection, transaction, "CREATE TEMP TABLE IF NOT EXISTS import_created (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;", ct);
            await Execute(connection, transaction, "DELETE FROM import_created;", ct);
            // Row loops step synchronously through SQLite's C API (SqliteRowStatement): a million rows make the
            // per-row cost of a task or of ADO.NET's named parameters the larger part. Cancellation is checked per row.
            using var created = new SqliteRowStatement(connection, "INSERT INTO import_created (kind, id) VALUES (?1, ?2)");
            void Created(string kind, Guid id)
            {
                created.Text(1, kind);
                created.Id(2, id);
                created.Step();
            }

            var now = Instant(plan.NowUtc);
            var athletesCreated = 0;
            using (var insert = new SqliteRowStatement(connection,
                """
                INSERT INTO "Athletes" ("Id", "Name", "Sex", "BirthDate", "BodyMassKg", "HeightCm", "Sport", "DominantLeg",
                    "OwnerUserId", "TeamId", "CreatedUtc", "UpdatedUtc", "ExternalId")
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, NULL, ?8, ?9, ?9, ?10)
                ON CONFLICT DO NOTHING
                """))
            {
                foreach (var athlete in plan.NewAthletes)
                {
                    ct.ThrowIfCancellationRequested();
                    insert.Id(1, athlete.Id);
                    insert.Text(2, athlete.Details.Name);
                    insert.Text(3, athlete.SexCode);
                    insert.Day(4, athlete.Details.BirthDate);
                    insert.Real(5, athlete.Details.BodyMassKg);
                    insert.Real(6, athlete.Details.HeightCm);
                    insert.Text(7, athlete.LegCode);
                    insert.Id(8, plan.TeamId);
                    insert.Text(9, now);
                    insert.Text(10, athlete.ExternalId);
                    if (insert.Step() == 1)
                    {
                        athletesCreated++;
                        Created("athlete", athlete.Id);
                    }
                }
            }

            timings?.Mark("write: athletes");
            // The team's athletes by external id, and their imported screenings by (athlete, day).
            var athletes = new Dictionary<string, (Guid Id, double Mass)>(StringComparer.Ordinal);
            await using (var read = Command(connection, transaction,
                """SELECT "ExternalId", "Id", "BodyMassKg" FROM "Athletes" WHERE "TeamId" = $team AND "ExternalId" IS NOT NULL""", "$team"))
            {
                read.Parameters["$team"].Value = team;
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    athletes[reader.GetString(0)] = (reader.GetGuid(1), reader.GetDouble(2));
                }
            }

            // With each, the tests it holds as bits (catalogue order): a test already there is skipped here rather than
            // by ON CONFLICT, which would cost a unique-index probe per row (a re-import is all probes). BEGIN
            // IMMEDIATE holds the write lock, so nothing is added between this read and the inserts; ON CONFLICT stays.
            var existing = new Dictionary<(Guid Athlete, DateOnly Day), (Guid Id, int Tests)>();
            await using (var read = Command(connection, transaction, ExistingScreenings, "$team"))
            {
                read.Parameters["$team"].Value = team;
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    existing[(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1))] = (reader.GetGuid(2), reader.IsDBNull(3) ? 0 : (int)(reader.GetInt64(3) & 0x3FFF_FFFF));
                }
            }

            timings?.Mark("write: read existing ids");
            // Each planned screening's id: the one an earlier import stored for that athlete and day, or a new one.
            var screeningIds = new Guid[plan.Screenings.Count];
            var isNew = new bool[plan.Screenings.Count];
            var presentTests = new int[plan.Screenings.Count];
            var screeningsCreated = 0;
            using (var insert = new SqliteRowStatement(connection,
                """
                INSERT INTO "Screenings" ("Id", "AthleteId", "Date", "BodyMassKg", "CreatedByUserId", "CreatedUtc", "Source")
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Imported')
                """))
            {
                for (var i = 0; i < plan.Screenings.Count; i++)
                {
                    var screening = plan.Screenings[i];
                    var athlete = athletes[screening.ExternalId];
                    if (existing.TryGetValue((athlete.Id, screening.Date), out var stored))
                    {
                        (screeningIds[i], presentTests[i]) = stored;
                        continue;
                    }

                    ct.ThrowIfCancellationRequested();
                    insert.Id(1, screening.Id);
                    insert.Id(2, athlete.Id);
                    insert.Day(3, screening.Date);
                    insert.Real(4, screening.BodyMassKg ?? athlete.Mass);
                    insert.Text(5, plan.UserId);
                    insert.Text(6, now);
                    screeningsCreated += insert.Step();
                    Created("screening", screening.Id);
                    screeningIds[i] = screening.Id;
                    isNew[i] = true;
                }
            }

            timings?.Mark("write: screenings");
            var testsInserted = 0;
            using (var insert = new SqliteRowStatement(connection,
                """
                INSERT INTO "ScreeningTests" ("Id", "ScreeningId", "TestCode", "EnteredUnit", "LeverArmM", "Seconds", "LeftTrials", "RightTrials")
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT DO NOTHING
                """))
            {
                foreach (var test in plan.Tests)
                {
                    var screeningId = screeningIds[test.Screening];
                    if ((presentTests[test.Screening] & TestBit(test.TestCode)) != 0)
                    {
                        continue;
                    }

                    ct.ThrowIfCancellationRequested();
                    insert.Id(1, test.Id);
                    insert.Id(2, screeningId);
                    insert.Text(3, test.TestCode);
                    insert.Text(4, test.EnteredUnit);
                    insert.Real(5, test.LeverArmM);
                    insert.Real(6, test.Seconds);
                    insert.JsonArray(7, test.LeftTrials);
                    insert.JsonArray(8, test.RightTrials);
                    if (insert.Step() == 1)
                    {
                        testsInserted++;
                        if (!isNew[test.Screening])
                        {
                            // A test added to a screening an earlier import stored: audited on its own.
                            Created("test", test.Id);
                        }
                    }
                }
            }

            timings?.Mark("write: tests");
            await using (var audit = Command(connection, transaction, ImportAudit.Sqlite, "$now", "$user", "$role"))
            {
                audit.Parameters["$now"].Value = Instant(plan.NowUtc);
                audit.Parameters["$user"].Value = plan.UserId;
                audit.Parameters["$role"].Value = actorRole;
                await audit.ExecuteNonQueryAsync(ct);
            }

            timings?.Mark("write: audit trail");
            await transaction.CommitAsync(ct);
            timings?.Mark("commit");
            return new ImportWriteResult(athletesCreated, screeningsCreated, testsInserted);
        }
        finally
        {
            await Execute(connection, null, $"PRAGMA cache_size={previousCache};", CancellationToken.None);
        }
    }

    /// <summary>The team's imported screenings by athlete and day, each with the bits of the tests it holds.</summary>
    private static readonly string ExistingScreenings =
        $"""
        SELECT s."AthleteId", s."Date", s."Id",
            (SELECT sum(1 << CASE t."TestCode" {string.Concat(TestCatalogue.All.Select((t, i) => $"WHEN '{t.Code}' THEN {i} "))}ELSE 30 END)
             FROM "ScreeningTests" t WHERE t."ScreeningId" = s."Id")
        FROM "Screenings" s JOIN "Athletes" a ON a."Id" = s."AthleteId"
        WHERE a."TeamId" = $team AND s."Source" = 'Imported'
        """;

    private static readonly Dictionary<string, int> TestBits =
        TestCatalogue.All.Select((t, i) => (t.Code, Bit: 1 << i)).ToDictionary(t => t.Code, t => t.Bit, StringComparer.Ordinal);

    private static int TestBit(string testCode) => TestBits[testCode];

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters) =>
        Prepare(connection, transaction, sql, parameters);

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(ct);
    }
}
