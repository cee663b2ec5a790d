using System.Globalization;
using System.Text;
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
            await using var created = Command(connection, transaction, "INSERT INTO import_created (kind, id) VALUES ($kind, $id)", "$kind", "$id");
            // Row loops step synchronously: Microsoft.Data.Sqlite's async methods run synchronously anyway, and a
            // task per row is pure overhead at a million rows. Cancellation is checked per row instead.
            void Created(string kind, string id)
            {
                created.Parameters["$kind"].Value = kind;
                created.Parameters["$id"].Value = id;
                created.ExecuteNonQuery();
            }

            var athletesCreated = 0;
            await using (var insert = Command(connection, transaction,
                """
                INSERT INTO "Athletes" ("Id", "Name", "Sex", "BirthDate", "BodyMassKg", "HeightCm", "Sport", "DominantLeg",
                    "OwnerUserId", "TeamId", "CreatedUtc", "UpdatedUtc", "ExternalId")
                VALUES ($id, $name, $sex, $birth, $mass, $height, NULL, $leg, NULL, $team, $now, $now, $external)
                ON CONFLICT DO NOTHING
                """, "$id", "$name", "$sex", "$birth", "$mass", "$height", "$leg", "$team", "$now", "$external"))
            {
                var p = insert.Parameters;
                p["$team"].Value = team;
                p["$now"].Value = Instant(plan.NowUtc);
                foreach (var athlete in plan.NewAthletes)
                {
                    p["$id"].Value = Id(athlete.Id);
                    p["$name"].Value = athlete.Details.Name;
                    p["$sex"].Value = athlete.SexCode;
                    p["$birth"].Value = Day(athlete.Details.BirthDate);
                    p["$mass"].Value = athlete.Details.BodyMassKg;
                    p["$height"].Value = athlete.Details.HeightCm;
                    p["$leg"].Value = athlete.LegCode;
                    p["$external"].Value = athlete.ExternalId;
                    ct.ThrowIfCancellationRequested();
                    if (insert.ExecuteNonQuery() == 1)
                    {
                        athletesCreated++;
                        Created("athlete", Id(athlete.Id));
                    }
                }
            }

            timings?.Mark("write: athletes");
            // The team's athletes by external id, and their imported screenings by (athlete, day).
            var athletes = new Dictionary<string, (string Id, double Mass)>(StringComparer.Ordinal);
            await using (var read = Command(connection, transaction,
                """SELECT "ExternalId", "Id", "BodyMassKg" FROM "Athletes" WHERE "TeamId" = $team AND "ExternalId" IS NOT NULL""", "$team"))
            {
                read.Parameters["$team"].Value = team;
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    athletes[reader.GetString(0)] = (reader.GetString(1), reader.GetDouble(2));
                }
            }

            var screenings = new Dictionary<(string Athlete, string Day), string>();
            await using (var read = Command(connection, transaction,
                """
                SELECT s."AthleteId", s."Date", s."Id" FROM "Screenings" s JOIN "Athletes" a ON a."Id" = s."AthleteId"
                WHERE a."TeamId" = $team AND s."Source" = 'Imported'
                """, "$team"))
            {
                read.Parameters["$team"].Value = team;
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    screenings[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
                }
            }

            timings?.Mark("write: read existing ids");
            var screeningsCreated = 0;
            var newScreenings = new HashSet<string>(StringComparer.Ordinal);
            await using (var insert = Command(connection, transaction,
                """
                INSERT INTO "Screenings" ("Id", "AthleteId", "Date", "BodyMassKg", "CreatedByUserId", "CreatedUtc", "Source")
                VALUES ($id, $athlete, $date, $mass, $user, $now, 'Imported')
                """, "$id", "$athlete", "$date", "$mass", "$user", "$now"))
            {
                var p = insert.Parameters;
                p["$user"].Value = plan.UserId;
                p["$now"].Value = Instant(plan.NowUtc);
                foreach (var screening in plan.Screenings)
                {
                    var athlete = athletes[screening.ExternalId];
                    var key = (athlete.Id, Day(screening.Date));
                    if (screenings.ContainsKey(key))
                    {
                        continue;
                    }

                    var id = Id(screening.Id);
                    p["$id"].Value = id;
                    p["$athlete"].Value = athlete.Id;
                    p["$date"].Value = key.Item2;
                    p["$mass"].Value = screening.BodyMassKg ?? athlete.Mass;
                    ct.ThrowIfCancellationRequested();
                    screeningsCreated += insert.ExecuteNonQuery();
                    Created("screening", id);
                    screenings[key] = id;
                    newScreenings.Add(id);
                }
            }

            timings?.Mark("write: screenings");
            var testsInserted = 0;
            await using (var insert = Command(connection, transaction,
                """
                INSERT INTO "ScreeningTests" ("Id", "ScreeningId", "TestCode", "EnteredUnit", "LeverArmM", "Seconds", "LeftTrials", "RightTrials")
                VALUES ($id, $screening, $test, $unit, $lever, $seconds, $left, $right)
                ON CONFLICT DO NOTHING
                """, "$id", "$screening", "$test", "$unit", "$lever", "$seconds", "$left", "$right"))
            {
                var p = insert.Parameters;
                var json = new StringBuilder(64);
                foreach (var test in plan.Tests)
                {
                    var athlete = athletes[test.ExternalId].Id;
                    var screeningId = screenings[(athlete, Day(test.Date))];
                    p["$id"].Value = Id(test.Id);
                    p["$screening"].Value = screeningId;
                    p["$test"].Value = test.TestCode;
                    p["$unit"].Value = (object?)test.EnteredUnit ?? DBNull.Value;
                    p["$lever"].Value = (object?)test.LeverArmM ?? DBNull.Value;
                    p["$seconds"].Value = (object?)test.Seconds ?? DBNull.Value;
                    p["$left"].Value = JsonArray(json, test.LeftTrials);
                    p["$right"].Value = JsonArray(json, test.RightTrials);
                    ct.ThrowIfCancellationRequested();
                    if (insert.ExecuteNonQuery() == 1)
                    {
                        testsInserted++;
                        if (!newScreenings.Contains(screeningId))
                        {
                            // A test added to a screening an earlier import stored: audited on its own.
                            Created("test", Id(test.Id));
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
