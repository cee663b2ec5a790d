using System.Globalization;
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
            var athleteIds = new Guid[plan.Screenings.Count];
            var masses = new double[plan.Screenings.Count];
            var isNew = new bool[plan.Screenings.Count];
            var presentTests = new int[plan.Screenings.Count];
            for (var i = 0; i < plan.Screenings.Count; i++)
            {
                var screening = plan.Screenings[i];
                var athlete = athletes[screening.ExternalId];
                athleteIds[i] = athlete.Id;
                masses[i] = screening.BodyMassKg ?? athlete.Mass;
                if (existing.TryGetValue((athlete.Id, screening.Date), out var stored))
                {
                    (screeningIds[i], presentTests[i]) = stored;
                }
                else
                {
                    screeningIds[i] = screening.Id;
                    isNew[i] = true;
                }
            }

            // The tests of each screening, in file order (the file's rows are usually grouped by screening already).
            var (testStart, testOrder) = ImportPlans.TestsByScreening(plan);
            // The audit trail: the athletes' entries first (few; by SQL from the rows just written), then each new
            // screening's entry right after its rows, its snapshot (with its tests) built on the other core meanwhile.
            await Execute(connection, transaction, ImportAudit.SqliteAthletes, ct, plan, actorRole);
            var trials = new ImportSnapshots.TrialSpans[plan.Tests.Count];
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var snapshots = SnapshotPipeline.Start(SnapshotDialect.Sqlite, plan,
                i => isNew[i] ? new SnapshotScreening(screeningIds[i], athleteIds[i], plan.Screenings[i].Date, masses[i],
                    testOrder.AsMemory(testStart[i], testStart[i + 1] - testStart[i])) : null,
                trials, stop.Token);
            var screeningsCreated = 0;
            var testsInserted = 0;
            try
            {
                using var insertScreening = new SqliteRowStatement(connection,
                    """
                    INSERT INTO "Screenings" ("Id", "AthleteId", "Date", "BodyMassKg", "CreatedByUserId", "CreatedUtc", "Source")
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Imported')
                    """);
                using var insertTest = new SqliteRowStatement(connection,
                    """
                    INSERT INTO "ScreeningTests" ("Id", "ScreeningId", "TestCode", "EnteredUnit", "LeverArmM", "Seconds", "LeftTrials", "RightTrials")
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                    ON CONFLICT DO NOTHING
                    """);
                using var insertAudit = new SqliteRowStatement(connection,
                    $"""
                    INSERT INTO "AuditEntries" ("Utc", "ActorUserId", "ActorRole", "EntityType", "EntityId", "Action", "AthleteId", "StudyId", "Changed", "Before", "After")
                    VALUES (?1, ?2, ?3, 'Screening', ?4, 'created', ?5, NULL, '{ImportAudit.Changed}', NULL, ?6)
                    """);
                var chunk = await snapshots.NextAsync(ct);
                for (var i = 0; i < plan.Screenings.Count; i++)
                {
                    if (i == chunk.To)
                    {
                        snapshots.Recycle(chunk);
                        chunk = await snapshots.NextAsync(ct);
                    }

                    ct.ThrowIfCancellationRequested();
                    if (isNew[i])
                    {
                        insertScreening.Id(1, screeningIds[i]);
                        insertScreening.Id(2, athleteIds[i]);
                        insertScreening.Day(3, plan.Screenings[i].Date);
                        insertScreening.Real(4, masses[i]);
                        insertScreening.Text(5, plan.UserId);
                        insertScreening.Text(6, now);
                        screeningsCreated += insertScreening.Step();
                    }

                    var text = chunk.Text.Written;
                    for (var k = testStart[i]; k < testStart[i + 1]; k++)
                    {
                        var test = plan.Tests[testOrder[k]];
                        if ((presentTests[i] & ImportPlans.TestBit(test.TestCode)) != 0)
                        {
                            continue;
                        }

                        insertTest.Id(1, test.Id);
                        insertTest.Id(2, screeningIds[i]);
                        insertTest.Text(3, test.TestCode);
                        insertTest.Text(4, test.EnteredUnit);
                        insertTest.Real(5, test.LeverArmM);
                        insertTest.Real(6, test.Seconds);
                        if (isNew[i])
                        {
                            // The trials' text inside the snapshot is the text the column stores.
                            var t = trials[testOrder[k]];
                            insertTest.Utf8(7, text.Slice(t.LeftStart, t.LeftLength));
                            insertTest.Utf8(8, text.Slice(t.RightStart, t.RightLength));
                        }
                        else
                        {
                            insertTest.JsonArray(7, test.LeftTrials);
                            insertTest.JsonArray(8, test.RightTrials);
                        }

                        if (insertTest.Step() == 1)
                        {
                            testsInserted++;
                            if (!isNew[i])
                            {
                                // A test added to a screening an earlier import stored: audited on its own.
                                Created("test", test.Id);
                            }
                        }
                        else if (isNew[i])
                        {
                            // The file reader refuses a test repeated within a file; the snapshot lists each test once.
                            throw new InvalidOperationException($"The test {test.TestCode} of a new screening was stored twice.");
                        }
                    }

                    if (isNew[i])
                    {
                        insertAudit.Text(1, now);
                        insertAudit.Text(2, plan.UserId);
                        insertAudit.Text(3, actorRole);
                        insertAudit.LowerId(4, screeningIds[i]);
                        insertAudit.Id(5, athleteIds[i]);
                        insertAudit.Utf8(6, chunk.Snapshot(i));
                        _ = insertAudit.Step();
                    }
                }
            }
            finally
            {
                await stop.CancelAsync();
                await snapshots.Builder;
            }

            timings?.Mark("write: screenings, tests and their audit trail");
            await Execute(connection, transaction, ImportAudit.SqliteTests, ct, plan, actorRole);
            timings?.Mark("write: audit trail of added tests");
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
            (SELECT sum({ImportPlans.TestBitSql("t.\"TestCode\"")})
             FROM "ScreeningTests" t WHERE t."ScreeningId" = s."Id")
        FROM "Screenings" s JOIN "Athletes" a ON a."Id" = s."AthleteId"
        WHERE a."TeamId" = $team AND s."Source" = 'Imported'
        """;

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters) =>
        Prepare(connection, transaction, sql, parameters);

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct, ImportPlan? plan = null, string? actorRole = null)
    {
        await using var command = plan is null ? Command(connection, transaction, sql) : Command(connection, transaction, sql, "$now", "$user", "$role");
        if (plan is not null)
        {
            command.Parameters["$now"].Value = Instant(plan.NowUtc);
            command.Parameters["$user"].Value = plan.UserId;
            command.Parameters["$role"].Value = actorRole;
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(ct);
    }
}
