using System.Text;
using HipCheck.Web.Audit;
using HipCheck.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using static HipCheck.Web.Data.SqliteValues;

namespace HipCheck.Web.Screenings;

/// <summary>A validated screening waiting to be stored, and the member whose request it is (for the audit trail).</summary>
public sealed record NewScreening(Screening Screening, (string UserId, string Role) Actor);

/// <summary>
/// Stores new screenings with their tests and their audit trail in one transaction, with prepared statements
/// instead of EF Core's change tracker: the group commit's hot path. A profile of the screening POST under load
/// showed EF Core's SaveChanges spending most of the writer's time building, parsing and preparing a new batch of
/// INSERT text for every group (and tracking ~8 entities per screening); here each statement is prepared once per
/// group and only bound per row (SQLite), or every row goes in one pipelined batch (PostgreSQL). The rows and the
/// audit entries are exactly what EF Core and the audit interceptor write (<see cref="AuditInterceptor.Created"/>
/// builds the same snapshot; the SQLite values use EF Core's text forms), and the database's constraints and
/// append-only audit triggers apply as for any other write.
/// </summary>
public sealed class ScreeningWriter(DatabaseInfo database, TimeProvider clock)
{
    private const string ScreeningColumns = """("Id", "AthleteId", "Date", "BodyMassKg", "CreatedByUserId", "CreatedUtc", "Source")""";
    private const string TestColumns = """("Id", "ScreeningId", "TestCode", "EnteredUnit", "LeverArmM", "Seconds", "LeftTrials", "RightTrials")""";
    private const string AuditColumns = """("Utc", "ActorUserId", "ActorRole", "EntityType", "EntityId", "Action", "AthleteId", "StudyId", "Changed", "Before", "After")""";

    /// <summary>Writes every screening or none (the transaction is rolled back on any error, which is rethrown).</summary>
    public async Task WriteAsync(HipCheckDb db, IReadOnlyList<NewScreening> screenings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(screenings);
        var now = AuditInterceptor.Microseconds(clock.GetUtcNow().UtcDateTime);
        var screeningType = db.Model.FindEntityType(typeof(Screening))!;
        var testType = db.Model.FindEntityType(typeof(ScreeningTest))!;
        var audit = new List<AuditEntry>(screenings.Count * 4);
        foreach (var (screening, actor) in screenings)
        {
            // Stored to the microsecond on both engines (as HipCheckDb does for EF Core writes).
            screening.CreatedUtc = AuditInterceptor.Microseconds(screening.CreatedUtc);
            audit.Add(AuditInterceptor.Created(screeningType, screening, actor, now, screening.AthleteId));
            foreach (var test in screening.Tests)
            {
                audit.Add(AuditInterceptor.Created(testType, test, actor, now, screening.AthleteId));
            }
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await WritePostgresAsync((NpgsqlConnection)db.Database.GetDbConnection(), screenings, audit, ct);
            }
            else
            {
                await WriteSqliteAsync((SqliteConnection)db.Database.GetDbConnection(), screenings, audit, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task WriteSqliteAsync(SqliteConnection connection, IReadOnlyList<NewScreening> screenings, List<AuditEntry> audit, CancellationToken ct)
    {
        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is taken now; one fsync at commit.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insertScreening = Prepare(connection, transaction,
            $"""INSERT INTO "Screenings" {ScreeningColumns} VALUES ($id, $athlete, $date, $mass, $user, $created, $source)""",
            "$id", "$athlete", "$date", "$mass", "$user", "$created", "$source");
        await using var insertTest = Prepare(connection, transaction,
            $"""INSERT INTO "ScreeningTests" {TestColumns} VALUES ($id, $screening, $test, $unit, $lever, $seconds, $left, $right)""",
            "$id", "$screening", "$test", "$unit", "$lever", "$seconds", "$left", "$right");
        await using var insertAudit = Prepare(connection, transaction,
            $"""INSERT INTO "AuditEntries" {AuditColumns} VALUES ($utc, $actor, $role, $type, $entity, $action, $athlete, $study, $changed, $before, $after)""",
            "$utc", "$actor", "$role", "$type", "$entity", "$action", "$athlete", "$study", "$changed", "$before", "$after");
        var json = new StringBuilder(64);
        foreach (var (screening, _) in screenings)
        {
            var s = insertScreening.Parameters;
            s["$id"].Value = Id(screening.Id);
            s["$athlete"].Value = Id(screening.AthleteId);
            s["$date"].Value = Day(screening.Date);
            s["$mass"].Value = screening.BodyMassKg;
            s["$user"].Value = screening.CreatedByUserId;
            s["$created"].Value = Instant(screening.CreatedUtc);
            s["$source"].Value = screening.Source.ToString();
            insertScreening.ExecuteNonQuery();
            foreach (var test in screening.Tests)
            {
                var t = insertTest.Parameters;
                t["$id"].Value = Id(test.Id);
                t["$screening"].Value = Id(test.ScreeningId);
                t["$test"].Value = test.TestCode;
                t["$unit"].Value = (object?)test.EnteredUnit ?? DBNull.Value;
                t["$lever"].Value = (object?)test.LeverArmM ?? DBNull.Value;
                t["$seconds"].Value = (object?)test.Seconds ?? DBNull.Value;
                t["$left"].Value = JsonArray(json, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(test.LeftTrials));
                t["$right"].Value = JsonArray(json, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(test.RightTrials));
                insertTest.ExecuteNonQuery();
            }
        }

        foreach (var entry in audit)
        {
            var a = insertAudit.Parameters;
            a["$utc"].Value = Instant(entry.Utc);
            a["$actor"].Value = entry.ActorUserId;
            a["$role"].Value = entry.ActorRole;
            a["$type"].Value = entry.EntityType;
            a["$entity"].Value = entry.EntityId;
            a["$action"].Value = entry.Action;
            a["$athlete"].Value = Id(entry.AthleteId);
            a["$study"].Value = Id(entry.StudyId);
            a["$changed"].Value = (object?)entry.Changed ?? DBNull.Value;
            a["$before"].Value = (object?)entry.Before ?? DBNull.Value;
            a["$after"].Value = (object?)entry.After ?? DBNull.Value;
            insertAudit.ExecuteNonQuery();
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task WritePostgresAsync(NpgsqlConnection connection, IReadOnlyList<NewScreening> screenings, List<AuditEntry> audit, CancellationToken ct)
    {
        // Three statements whatever the group's size, each inserting every row of its table from arrays (unnest): one
        // round trip and one executor start per table instead of one per row; the text never changes, so Npgsql's
        // automatic preparation keeps them prepared. Then one round trip for the commit (one WAL flush).
        var tests = screenings.SelectMany(s => s.Screening.Tests).ToList();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Unnest(
            $"""INSERT INTO "Screenings" {ScreeningColumns} SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7)""",
            (NpgsqlDbType.Uuid, screenings.Select(s => s.Screening.Id).ToArray()),
            (NpgsqlDbType.Uuid, screenings.Select(s => s.Screening.AthleteId).ToArray()),
            (NpgsqlDbType.Date, screenings.Select(s => s.Screening.Date).ToArray()),
            (NpgsqlDbType.Double, screenings.Select(s => s.Screening.BodyMassKg).ToArray()),
            (NpgsqlDbType.Text, screenings.Select(s => s.Screening.CreatedByUserId).ToArray()),
            (NpgsqlDbType.TimestampTz, screenings.Select(s => s.Screening.CreatedUtc).ToArray()),
            (NpgsqlDbType.Text, screenings.Select(s => s.Screening.Source.ToString()).ToArray())));
        // A column of arrays cannot be unnested as such: each trial list travels as an array literal and is cast back.
        batch.BatchCommands.Add(Unnest(
            $"""
            INSERT INTO "ScreeningTests" {TestColumns}
            SELECT id, screening, test, unit, lever, seconds, l::double precision[], r::double precision[]
            FROM unnest($1, $2, $3, $4, $5, $6, $7, $8) AS t(id, screening, test, unit, lever, seconds, l, r)
            """,
            (NpgsqlDbType.Uuid, tests.Select(t => t.Id).ToArray()),
            (NpgsqlDbType.Uuid, tests.Select(t => t.ScreeningId).ToArray()),
            (NpgsqlDbType.Text, tests.Select(t => t.TestCode).ToArray()),
            (NpgsqlDbType.Text, tests.Select(t => t.EnteredUnit).ToArray()),
            (NpgsqlDbType.Double, tests.Select(t => t.LeverArmM).ToArray()),
            (NpgsqlDbType.Double, tests.Select(t => t.Seconds).ToArray()),
            (NpgsqlDbType.Text, tests.Select(t => ArrayLiteral(t.LeftTrials)).ToArray()),
            (NpgsqlDbType.Text, tests.Select(t => ArrayLiteral(t.RightTrials)).ToArray())));
        batch.BatchCommands.Add(Unnest(
            $"""INSERT INTO "AuditEntries" {AuditColumns} SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""",
            (NpgsqlDbType.TimestampTz, audit.Select(e => e.Utc).ToArray()),
            (NpgsqlDbType.Text, audit.Select(e => e.ActorUserId).ToArray()),
            (NpgsqlDbType.Text, audit.Select(e => e.ActorRole).ToArray()),
            (NpgsqlDbType.Text, audit.Select(e => e.EntityType).ToArray()),
            (NpgsqlDbType.Text, audit.Select(e => e.EntityId).ToArray()),
            (NpgsqlDbType.Text, audit.Select(e => e.Action).ToArray()),
            (NpgsqlDbType.Uuid, audit.Select(e => e.AthleteId).ToArray()),
            (NpgsqlDbType.Uuid, audit.Select(e => e.StudyId).ToArray()),
            (NpgsqlDbType.Text, audit.Select(e => e.Changed).ToArray()),
            (NpgsqlDbType.Text, audit.Select(e => e.Before).ToArray()),
            (NpgsqlDbType.Text, audit.Select(e => e.After).ToArray())));
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A statement whose parameters are whole columns, each an array of one element type.</summary>
    private static NpgsqlBatchCommand Unnest(string sql, params (NpgsqlDbType Type, Array Values)[] columns)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (type, values) in columns)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values });
        }

        return command;
    }

    /// <summary>A PostgreSQL array literal of shortest round-trip numbers (<c>{200,201.5}</c>), read back exactly.</summary>
    private static string ArrayLiteral(List<double> values) =>
        "{" + string.Join(',', values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "}";
}
