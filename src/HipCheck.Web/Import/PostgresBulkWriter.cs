using HipCheck.Core.Measurement;
using Npgsql;
using NpgsqlTypes;

namespace HipCheck.Web.Import;

/// <summary>
/// PostgreSQL's bulk path: the rows go to temporary staging tables by binary COPY (NpgsqlBinaryImporter, the fastest
/// way in: no SQL parsing per row), then one INSERT ... SELECT per table moves them into place with
/// ON CONFLICT DO NOTHING on the natural keys, so a re-import, or two imports racing, add nothing twice. Athletes and
/// screenings are found by the team's external id in SQL, never by ids a concurrent import could have changed.
/// </summary>
internal static class PostgresBulkWriter
{
    public static async Task<ImportWriteResult> WriteAsync(NpgsqlConnection connection, ImportPlan plan, string actorRole, ImportTimings? timings, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Execute(connection, transaction,
            """
            CREATE TEMP TABLE import_athletes (id uuid, external_id text, name text, sex text, birth_date date,
                body_mass_kg double precision, height_cm double precision, dominant_leg text) ON COMMIT DROP;
            CREATE TEMP TABLE import_screenings (id uuid, external_id text, date date, body_mass_kg double precision) ON COMMIT DROP;
            CREATE TEMP TABLE import_tests (id uuid, external_id text, date date, test_code text, entered_unit text,
                lever_arm_m double precision, seconds double precision, left_trials double precision[],
                right_trials double precision[]) ON COMMIT DROP;
            """, ct);

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY import_athletes (id, external_id, name, sex, birth_date, body_mass_kg, height_cm, dominant_leg) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var a in plan.NewAthletes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(a.ExternalId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Details.Name, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.SexCode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Details.BirthDate, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(a.Details.BodyMassKg, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(a.Details.HeightCm, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(a.LegCode, NpgsqlDbType.Text, ct);
            }

            await copy.CompleteAsync(ct);
        }

        // Row loops write synchronously: the async path costs a task per value (a million values and more).
        using (var copy = connection.BeginBinaryImport("COPY import_screenings (id, external_id, date, body_mass_kg) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in plan.Screenings)
            {
                ct.ThrowIfCancellationRequested();
                copy.StartRow();
                copy.Write(s.Id, NpgsqlDbType.Uuid);
                copy.Write(s.ExternalId, NpgsqlDbType.Text);
                copy.Write(s.Date, NpgsqlDbType.Date);
                WriteNullable(copy, s.BodyMassKg);
            }

            copy.Complete();
        }


        timings?.Mark("write: copy athletes and screenings to staging");
        // The tests each of the team's imported screenings already holds, as bits (catalogue order), read before this
        // import adds any: a re-import skips them here instead of staging a million rows for ON CONFLICT to drop.
        var stored = await StoredTests(connection, transaction, plan, ct);
        // Temporary tables have no statistics until analysed; without them the planner guesses the joins badly.
        await Execute(connection, transaction, "ANALYZE import_athletes; ANALYZE import_screenings;", ct);

        var athletes = await Execute(connection, transaction,
            """
            INSERT INTO "Athletes" ("Id", "Name", "Sex", "BirthDate", "BodyMassKg", "HeightCm", "Sport", "DominantLeg",
                "OwnerUserId", "TeamId", "CreatedUtc", "UpdatedUtc", "ExternalId")
            SELECT id, name, sex, birth_date, body_mass_kg, height_cm, NULL, dominant_leg, NULL, @team, @now, @now, external_id
            FROM import_athletes
            ON CONFLICT ("TeamId", "ExternalId") WHERE "ExternalId" IS NOT NULL DO NOTHING
            """, ct, plan);
        var created = await Created(connection, transaction,
            """
            INSERT INTO "Screenings" ("Id", "AthleteId", "Date", "BodyMassKg", "CreatedByUserId", "CreatedUtc", "Source")
            SELECT s.id, a."Id", s.date, COALESCE(s.body_mass_kg, a."BodyMassKg"), @user, @now, 'Imported'
            FROM import_screenings s JOIN "Athletes" a ON a."TeamId" = @team AND a."ExternalId" = s.external_id
            ON CONFLICT ("AthleteId", "Date") WHERE "Source" = 'Imported' DO NOTHING
            RETURNING "Id", "AthleteId", "BodyMassKg"
            """, plan, ct);
        var screenings = created.Count;
        timings?.Mark("write: insert athletes and screenings");
        await Execute(connection, transaction, ImportAudit.PostgresAthletes, ct, plan, actorRole);

        // The tests of the screenings just created go straight into ScreeningTests by binary COPY: their screening ids
        // are ours, so there is nothing to join and no conflict possible. Only the tests of screenings an earlier
        // import stored (and any test repeated within the file) take the staging path with its join and ON CONFLICT.
        var direct = new List<(PlannedTest Test, Guid Screening)>(plan.Tests.Count);
        var staged = new List<PlannedTest>();
        var seen = new HashSet<(Guid, string)>();
        foreach (var t in plan.Tests)
        {
            var screening = plan.Screenings[t.Screening].Id;
            if (!created.ContainsKey(screening) && (stored[t.Screening] & TestBits[t.TestCode]) != 0)
            {
                continue; // stored by an earlier import: ON CONFLICT would skip it, at the price of staging and a probe
            }

            if (created.ContainsKey(screening) && seen.Add((screening, t.TestCode)))
            {
                direct.Add((t, screening));
            }
            else
            {
                staged.Add(t);
            }
        }

        await CopyScreeningAudit(connection, plan, actorRole, created, direct, timings, ct);
        using (var copy = connection.BeginBinaryImport(
            "COPY \"ScreeningTests\" (\"Id\", \"ScreeningId\", \"TestCode\", \"EnteredUnit\", \"LeverArmM\", \"Seconds\", \"LeftTrials\", \"RightTrials\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (t, screening) in direct)
            {
                ct.ThrowIfCancellationRequested();
                copy.StartRow();
                copy.Write(t.Id, NpgsqlDbType.Uuid);
                copy.Write(screening, NpgsqlDbType.Uuid);
                WriteMeasurement(copy, t);
            }

            copy.Complete();
        }

        timings?.Mark("write: copy tests of new screenings");
        // Synchronous writes here: a million rows through the async path costs a task per value.
        var tests = direct.Count;
        if (staged.Count > 0)
        {
            using (var copy = connection.BeginBinaryImport(
                "COPY import_tests (id, external_id, date, test_code, entered_unit, lever_arm_m, seconds, left_trials, right_trials) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var t in staged)
                {
                    ct.ThrowIfCancellationRequested();
                    copy.StartRow();
                    copy.Write(t.Id, NpgsqlDbType.Uuid);
                    copy.Write(t.ExternalId, NpgsqlDbType.Text);
                    copy.Write(t.Date, NpgsqlDbType.Date);
                    WriteMeasurement(copy, t);
                }

                copy.Complete();
            }

            timings?.Mark("write: copy other tests to staging");
            await Execute(connection, transaction, "ANALYZE import_tests;", ct);
            // The screenings just inserted are invisible to the planner's statistics: without a fresh sample it assumes
            // a tiny table and joins the tests to it by nested loops (16 s instead of 1 s for 200,000 rows here).
            await Execute(connection, transaction, "ANALYZE \"Athletes\"; ANALYZE \"Screenings\";", ct);
            tests += await Execute(connection, transaction,
                """
                INSERT INTO "ScreeningTests" ("Id", "ScreeningId", "TestCode", "EnteredUnit", "LeverArmM", "Seconds", "LeftTrials", "RightTrials")
                SELECT t.id, s."Id", t.test_code, t.entered_unit, t.lever_arm_m, t.seconds, t.left_trials, t.right_trials
                FROM import_tests t
                JOIN "Athletes" a ON a."TeamId" = @team AND a."ExternalId" = t.external_id
                JOIN "Screenings" s ON s."AthleteId" = a."Id" AND s."Date" = t.date AND s."Source" = 'Imported'
                ON CONFLICT ("ScreeningId", "TestCode") DO NOTHING
                """, ct, plan);
        }

        timings?.Mark("write: analyse and insert other tests");
        await Execute(connection, transaction, ImportAudit.PostgresTests, ct, plan, actorRole);
        timings?.Mark("write: audit trail of added tests");
        await transaction.CommitAsync(ct);
        timings?.Mark("commit");
        return new ImportWriteResult(athletes, screenings, tests);
    }

    private static readonly Dictionary<string, int> TestBits =
        TestCatalogue.All.Select((t, i) => (t.Code, Bit: 1 << i)).ToDictionary(t => t.Code, t => t.Bit, StringComparer.Ordinal);

    /// <summary>For each planned screening, the bits of the tests an earlier import stored in it (0 when none).</summary>
    private static async Task<int[]> StoredTests(NpgsqlConnection connection, NpgsqlTransaction transaction, ImportPlan plan, CancellationToken ct)
    {
        var cases = string.Concat(TestCatalogue.All.Select((t, i) => $"WHEN '{t.Code}' THEN {i} "));
        await using var command = new NpgsqlCommand(
            $"""
            SELECT a."ExternalId", s."Date", (SELECT bit_or(1 << CASE t."TestCode" {cases}ELSE 30 END) FROM "ScreeningTests" t WHERE t."ScreeningId" = s."Id")
            FROM "Screenings" s JOIN "Athletes" a ON a."Id" = s."AthleteId"
            WHERE a."TeamId" = @team AND a."ExternalId" IS NOT NULL AND s."Source" = 'Imported'
            """, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("team", NpgsqlDbType.Uuid, plan.TeamId);
        var bits = new Dictionary<(string, DateOnly), int>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                bits[(reader.GetString(0), reader.GetFieldValue<DateOnly>(1))] = reader.IsDBNull(2) ? 0 : reader.GetInt32(2);
            }
        }

        var stored = new int[plan.Screenings.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = bits.GetValueOrDefault((plan.Screenings[i].ExternalId, plan.Screenings[i].Date));
        }

        return stored;
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

    /// <summary>Runs the screenings' INSERT ... RETURNING and collects the rows it created: id, athlete and body mass.</summary>
    private static async Task<Dictionary<Guid, (Guid Athlete, double Mass)>> Created(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, ImportPlan plan, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("team", NpgsqlDbType.Uuid, plan.TeamId);
        command.Parameters.AddWithValue("user", NpgsqlDbType.Text, plan.UserId);
        command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, plan.NowUtc);
        var rows = new Dictionary<Guid, (Guid, double)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetGuid(0), (reader.GetGuid(1), reader.GetDouble(2)));
        }

        return rows;
    }

    /// <summary>
    /// The created screenings' audit entries by binary COPY, before their tests (the order the trail had): each
    /// snapshot lists the tests about to be copied, built on another thread while this one streams the entries, in
    /// the text json_build_object made before (<see cref="ImportSnapshots"/>, dialect Postgres).
    /// </summary>
    private static async Task CopyScreeningAudit(NpgsqlConnection connection, ImportPlan plan, string actorRole,
        Dictionary<Guid, (Guid Athlete, double Mass)> created, List<(PlannedTest Test, Guid Screening)> direct, ImportTimings? timings, CancellationToken ct)
    {
        if (created.Count == 0)
        {
            return; // a re-import: nothing created, nothing to audit
        }

        // The direct tests of each planned screening (direct holds the tests of created screenings only).
        var start = new int[plan.Screenings.Count + 1];
        var index = new Dictionary<PlannedTest, int>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < plan.Tests.Count; k++)
        {
            index[plan.Tests[k]] = k;
        }

        foreach (var (t, _) in direct)
        {
            start[t.Screening + 1]++;
        }

        for (var i = 0; i < plan.Screenings.Count; i++)
        {
            start[i + 1] += start[i];
        }

        var next = start[..^1];
        var order = new int[direct.Count];
        foreach (var (t, _) in direct)
        {
            order[next[t.Screening]++] = index[t];
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var snapshots = SnapshotPipeline.Start(SnapshotDialect.Postgres, plan,
            i => created.TryGetValue(plan.Screenings[i].Id, out var row)
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
                    var snapshot = chunk.Snapshot(i);
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
                    copy.Write(created[plan.Screenings[i].Id].Athlete, NpgsqlDbType.Uuid);
                    copy.WriteNull();
                    copy.Write(ImportAudit.Changed, NpgsqlDbType.Varchar);
                    copy.WriteNull();
                    copy.Write(System.Text.Encoding.UTF8.GetString(snapshot), NpgsqlDbType.Text);
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
