using Npgsql;
using NpgsqlTypes;

namespace HipCheck.Web.Import;

/// <summary>
/// PostgreSQL's bulk path. Imports into one team run one at a time (a transaction-scoped advisory lock on the team):
/// only imports create athletes with an external id and imported screenings, so inside the lock the importer knows
/// exactly which rows exist. It reads the team's athletes and imported screenings, then binary-COPYs the new
/// athletes, screenings and their tests straight into their tables (NpgsqlBinaryImporter: no SQL parsing per row,
/// no staging, no conflict to probe). Only tests added to a screening an earlier import stored go through a staging
/// table with ON CONFLICT DO NOTHING, as a re-import must add nothing twice.
/// </summary>
internal static class PostgresBulkWriter
{
    /// <summary>The first key of the advisory lock an import takes on its team (the second is a hash of the team id).</summary>
    private const int ImportLockClass = 0x48430001; // "HC" 1

    private const string ImportedSource = nameof(Screenings.ScreeningSource.Imported);

    public static async Task<ImportWriteResult> WriteAsync(NpgsqlConnection connection, ImportPlan plan, string actorRole, ImportTimings? timings, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lockTeam = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@class, hashtext(@team::text))", connection, transaction) { CommandTimeout = 0 })
        {
            lockTeam.Parameters.AddWithValue("class", NpgsqlDbType.Integer, ImportLockClass);
            lockTeam.Parameters.AddWithValue("team", NpgsqlDbType.Uuid, plan.TeamId);
            await lockTeam.ExecuteNonQueryAsync(ct);
        }

        // Read under the lock: what earlier imports stored. The athletes are locked FOR KEY SHARE, so none of those
        // the new screenings point to can be deleted before this commits.
        var athletes = await TeamAthletes(connection, transaction, plan, ct);
        var stored = await StoredTests(connection, transaction, plan, ct);
        timings?.Mark("write: lock the team, read its athletes and screenings");

        var newAthletes = new List<PlannedAthlete>(plan.NewAthletes.Count);
        foreach (var a in plan.NewAthletes)
        {
            if (athletes.TryAdd(a.ExternalId, (a.Id, a.Details.BodyMassKg)))
            {
                newAthletes.Add(a); // not created by an import that committed since the file was checked
            }
        }

        using (var copy = connection.BeginBinaryImport(
            "COPY \"Athletes\" (\"Id\", \"Name\", \"Sex\", \"BirthDate\", \"BodyMassKg\", \"HeightCm\", \"DominantLeg\", \"TeamId\", \"CreatedUtc\", \"UpdatedUtc\", \"ExternalId\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in newAthletes)
            {
                copy.StartRow();
                copy.Write(a.Id, NpgsqlDbType.Uuid);
                copy.Write(a.Details.Name, NpgsqlDbType.Varchar);
                copy.Write(a.SexCode, NpgsqlDbType.Varchar);
                copy.Write(a.Details.BirthDate, NpgsqlDbType.Date);
                copy.Write(a.Details.BodyMassKg, NpgsqlDbType.Double);
                copy.Write(a.Details.HeightCm, NpgsqlDbType.Double);
                copy.Write(a.LegCode, NpgsqlDbType.Varchar);
                copy.Write(plan.TeamId, NpgsqlDbType.Uuid);
                copy.Write(plan.NowUtc, NpgsqlDbType.TimestampTz);
                copy.Write(plan.NowUtc, NpgsqlDbType.TimestampTz);
                copy.Write(a.ExternalId, NpgsqlDbType.Varchar);
            }

            copy.Complete();
        }

        // The screenings no import stored yet, with their athlete and mass (the file's, else the athlete's). Row loops
        // write synchronously: the async path costs a task per value (a million values and more).
        // Per planned screening: its athlete and mass when this import creates it, null when it does not.
        var created = new (Guid Athlete, double Mass)?[plan.Screenings.Count];
        var screenings = 0;
        using (var copy = connection.BeginBinaryImport(
            "COPY \"Screenings\" (\"Id\", \"AthleteId\", \"Date\", \"BodyMassKg\", \"CreatedByUserId\", \"CreatedUtc\", \"Source\") FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < plan.Screenings.Count; i++)
            {
                var s = plan.Screenings[i];
                if (stored.Bits[i] >= 0 || !athletes.TryGetValue(s.ExternalId, out var athlete))
                {
                    continue; // stored by an earlier import; or its athlete was deleted since the file was checked
                }

                ct.ThrowIfCancellationRequested();
                var mass = s.BodyMassKg ?? athlete.Mass;
                created[i] = (athlete.Id, mass);
                screenings++;
                copy.StartRow();
                copy.Write(s.Id, NpgsqlDbType.Uuid);
                copy.Write(athlete.Id, NpgsqlDbType.Uuid);
                copy.Write(s.Date, NpgsqlDbType.Date);
                copy.Write(mass, NpgsqlDbType.Double);
                copy.Write(plan.UserId, NpgsqlDbType.Varchar);
                copy.Write(plan.NowUtc, NpgsqlDbType.TimestampTz);
                copy.Write(ImportedSource, NpgsqlDbType.Varchar);
            }

            copy.Complete();
        }

        timings?.Mark("write: copy athletes and screenings");
        await using (var audit = new NpgsqlCommand(ImportAudit.PostgresAthletes, connection, transaction) { CommandTimeout = 0 })
        {
            audit.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, plan.NowUtc);
            audit.Parameters.AddWithValue("user", NpgsqlDbType.Text, plan.UserId);
            audit.Parameters.AddWithValue("role", NpgsqlDbType.Text, actorRole);
            audit.Parameters.AddWithValue("athletes", NpgsqlDbType.Array | NpgsqlDbType.Uuid, newAthletes.Select(a => a.Id).ToArray());
            await audit.ExecuteNonQueryAsync(ct);
        }

        // The tests of the screenings just created go straight into ScreeningTests by binary COPY: their screening ids
        // are ours, so there is nothing to join and no conflict possible (Core rejects a test repeated within a file).
        // Only the tests this file adds to screenings an earlier import stored take the staging path with ON CONFLICT.
        var newTests = 0;
        var staged = new List<(PlannedTest Test, Guid Screening)>();
        foreach (var t in plan.Tests)
        {
            if (created[t.Screening] is not null)
            {
                newTests++;
            }
            else if (stored.Bits[t.Screening] >= 0 && (stored.Bits[t.Screening] & ImportPlans.TestBit(t.TestCode)) == 0)
            {
                staged.Add((t, stored.Ids[t.Screening]));
            }

            // Otherwise already stored by an earlier import (skipped here rather than staged for ON CONFLICT to drop),
            // or its athlete was deleted since the file was checked.
        }

        if (screenings > 0)
        {
            await CopyScreeningAudit(connection, plan, actorRole, created, timings, ct);
        }

        // Synchronous writes: a million rows through the async path costs a task per value.
        using (var copy = connection.BeginBinaryImport(
            "COPY \"ScreeningTests\" (\"Id\", \"ScreeningId\", \"TestCode\", \"EnteredUnit\", \"LeverArmM\", \"Seconds\", \"LeftTrials\", \"RightTrials\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var t in plan.Tests)
            {
                if (created[t.Screening] is null)
                {
                    continue;
                }

                ct.ThrowIfCancellationRequested();
                copy.StartRow();
                copy.Write(t.Id, NpgsqlDbType.Uuid);
                copy.Write(plan.Screenings[t.Screening].Id, NpgsqlDbType.Uuid);
                WriteMeasurement(copy, t);
            }

            copy.Complete();
        }

        timings?.Mark("write: copy tests of new screenings");
        var tests = newTests;
        if (staged.Count > 0)
        {
            await Execute(connection, transaction,
                """
                CREATE TEMP TABLE import_tests (id uuid, screening_id uuid, test_code text, entered_unit text,
                    lever_arm_m double precision, seconds double precision, left_trials double precision[],
                    right_trials double precision[]) ON COMMIT DROP;
                """, ct);
            using (var copy = connection.BeginBinaryImport(
                "COPY import_tests (id, screening_id, test_code, entered_unit, lever_arm_m, seconds, left_trials, right_trials) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (t, screening) in staged)
                {
                    ct.ThrowIfCancellationRequested();
                    copy.StartRow();
                    copy.Write(t.Id, NpgsqlDbType.Uuid);
                    copy.Write(screening, NpgsqlDbType.Uuid);
                    WriteMeasurement(copy, t);
                }

                copy.Complete();
            }

            timings?.Mark("write: copy other tests to staging");
            // Temporary tables have no statistics until analysed; without them the planner guesses the join badly.
            await Execute(connection, transaction, "ANALYZE import_tests;", ct);
            // Joined to the screening by id: one deleted since it was read is skipped, not a foreign-key failure.
            tests += await Execute(connection, transaction,
                """
                INSERT INTO "ScreeningTests" ("Id", "ScreeningId", "TestCode", "EnteredUnit", "LeverArmM", "Seconds", "LeftTrials", "RightTrials")
                SELECT t.id, s."Id", t.test_code, t.entered_unit, t.lever_arm_m, t.seconds, t.left_trials, t.right_trials
                FROM import_tests t JOIN "Screenings" s ON s."Id" = t.screening_id
                ON CONFLICT ("ScreeningId", "TestCode") DO NOTHING
                """, ct);
            timings?.Mark("write: insert other tests");
            await Execute(connection, transaction, ImportAudit.PostgresTests, ct, plan, actorRole);
            timings?.Mark("write: audit trail of added tests");
        }

        await transaction.CommitAsync(ct);
        timings?.Mark("commit");
        return new ImportWriteResult(newAthletes.Count, screenings, tests);
    }

    /// <summary>
    /// For each planned screening an earlier import stored: its id and the bits of the tests it holds (catalogue order);
    /// bits -1 for a screening not stored yet.
    /// </summary>
    private static async Task<(int[] Bits, Guid[] Ids)> StoredTests(NpgsqlConnection connection, NpgsqlTransaction transaction, ImportPlan plan, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
            SELECT a."ExternalId", s."Date", s."Id", (SELECT bit_or({ImportPlans.TestBitSql("t.\"TestCode\"")}) FROM "ScreeningTests" t WHERE t."ScreeningId" = s."Id")
            FROM "Screenings" s JOIN "Athletes" a ON a."Id" = s."AthleteId"
            WHERE a."TeamId" = @team AND a."ExternalId" IS NOT NULL AND s."Source" = 'Imported'
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("team", NpgsqlDbType.Uuid, plan.TeamId);
        var found = new Dictionary<(string, DateOnly), (int Bits, Guid Id)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                found[(reader.GetString(0), reader.GetFieldValue<DateOnly>(1))] = (reader.IsDBNull(3) ? 0 : reader.GetInt32(3), reader.GetGuid(2));
            }
        }

        var bits = new int[plan.Screenings.Count];
        var ids = new Guid[plan.Screenings.Count];
        for (var i = 0; i < bits.Length; i++)
        {
            (bits[i], ids[i]) = found.TryGetValue((plan.Screenings[i].ExternalId, plan.Screenings[i].Date), out var row) ? row : (-1, Guid.Empty);
        }

        return (bits, ids);
    }

    /// <summary>
    /// The team's athletes with an external id (id and body mass), locked FOR KEY SHARE: none the new screenings point
    /// to can be deleted before this import commits.
    /// </summary>
    private static async Task<Dictionary<string, (Guid Id, double Mass)>> TeamAthletes(NpgsqlConnection connection, NpgsqlTransaction transaction, ImportPlan plan, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT "ExternalId", "Id", "BodyMassKg" FROM "Athletes"
            WHERE "TeamId" = @team AND "ExternalId" IS NOT NULL
            FOR KEY SHARE
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("team", NpgsqlDbType.Uuid, plan.TeamId);
        var athletes = new Dictionary<string, (Guid, double)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            athletes.Add(reader.GetString(0), (reader.GetGuid(1), reader.GetDouble(2)));
        }

        return athletes;
    }

    /// <summary>A test's code, unit, lever arm, hold time and trials: the columns both test COPYs end with.</summary>
    private static void WriteMeasurement(NpgsqlBinaryImporter copy, PlannedTest t)
    {
        copy.Write(t.TestCode, NpgsqlDbType.Text);
        WriteNullable(copy, t.EnteredUnit);
        WriteNullable(copy, t.LeverArmM);
        WriteNullable(copy, t.Seconds);
        copy.Write(t.LeftTrials, NpgsqlDbType.Array | NpgsqlDbType.Double);
        copy.Write(t.RightTrials, NpgsqlDbType.Array | NpgsqlDbType.Double);
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Text);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            copy.WriteNull();
        }
    }

    /// <summary>
    /// The created screenings' audit entries by binary COPY, before their tests (the order the trail had): each
    /// snapshot lists the tests about to be copied, built on another thread while this one streams the entries, in
    /// the text json_build_object made before (<see cref="ImportSnapshots"/>, dialect Postgres).
    /// </summary>
    private static async Task CopyScreeningAudit(NpgsqlConnection connection, ImportPlan plan, string actorRole,
        (Guid Athlete, double Mass)?[] created, ImportTimings? timings, CancellationToken ct)
    {
        // Every test of a created screening is copied with it, so its snapshot lists all the plan's tests of that screening.
        var (start, order) = ImportPlans.TestsByScreening(plan);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var snapshots = SnapshotPipeline.Start(SnapshotDialect.Postgres, plan,
            i => created[i] is { } row
                ? new SnapshotScreening(plan.Screenings[i].Id, row.Athlete, plan.Screenings[i].Date, row.Mass, order.AsMemory(start[i], start[i + 1] - start[i]))
                : null,
            trials: null, stop.Token);
        try
        {
            using var copy = connection.BeginBinaryImport(ImportAudit.PostgresScreeningsCopy);
            for (var from = 0; from < plan.Screenings.Count; from += SnapshotPipeline.ChunkSize)
            {
                var chunk = await snapshots.NextAsync(ct);
                for (var i = chunk.From; i < chunk.To; i++)
                {
                    var snapshot = chunk.SnapshotMemory(i);
                    if (snapshot.IsEmpty)
                    {
                        continue;
                    }

                    ct.ThrowIfCancellationRequested();
                    copy.StartRow();
                    copy.Write(plan.NowUtc, NpgsqlDbType.TimestampTz);
                    copy.Write(plan.UserId, NpgsqlDbType.Varchar);
                    copy.Write(actorRole, NpgsqlDbType.Varchar);
                    copy.Write("Screening", NpgsqlDbType.Varchar);
                    copy.Write(plan.Screenings[i].Id.ToString(), NpgsqlDbType.Varchar);
                    copy.Write("created", NpgsqlDbType.Varchar);
                    copy.Write(created[i]!.Value.Athlete, NpgsqlDbType.Uuid);
                    copy.WriteNull();
                    copy.Write(ImportAudit.Changed, NpgsqlDbType.Varchar);
                    copy.WriteNull();
                    copy.Write(snapshot, NpgsqlDbType.Text); // the UTF-8 bytes as they are: no string to decode and encode again
                }

                snapshots.Recycle(chunk);
            }

            copy.Complete();
        }
        finally
        {
            await stop.CancelAsync();
            await snapshots.Builder;
        }

        timings?.Mark("write: audit trail of created screenings");
    }

    private static async Task<int> Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, ImportPlan? plan = null, string? actorRole = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (actorRole is not null)
        {
            command.Parameters.AddWithValue("role", NpgsqlDbType.Text, actorRole);
        }

        if (plan is not null)
        {
            command.Parameters.AddWithValue("team", NpgsqlDbType.Uuid, plan.TeamId);
            command.Parameters.AddWithValue("user", NpgsqlDbType.Text, plan.UserId);
            command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, plan.NowUtc);
        }

        // A million-row INSERT ... SELECT may take longer than the default 30 s on a slow machine.
        command.CommandTimeout = 0;
        return await command.ExecuteNonQueryAsync(ct);
    }
}
