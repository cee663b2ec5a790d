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
        var created = await Ids(connection, transaction,
            """
            INSERT INTO "Screenings" ("Id", "AthleteId", "Date", "BodyMassKg", "CreatedByUserId", "CreatedUtc", "Source")
            SELECT s.id, a."Id", s.date, COALESCE(s.body_mass_kg, a."BodyMassKg"), @user, @now, 'Imported'
            FROM import_screenings s JOIN "Athletes" a ON a."TeamId" = @team AND a."ExternalId" = s.external_id
            ON CONFLICT ("AthleteId", "Date") WHERE "Source" = 'Imported' DO NOTHING
            RETURNING "Id"
            """, plan, ct);
        var screenings = created.Count;
        timings?.Mark("write: insert athletes and screenings");

        // The tests of the screenings just created go straight into ScreeningTests by binary COPY: their screening ids
        // are ours, so there is nothing to join and no conflict possible. Only the tests of screenings an earlier
        // import stored (and any test repeated within the file) take the staging path with its join and ON CONFLICT.
        var direct = new List<(PlannedTest Test, Guid Screening)>(plan.Tests.Count);
        var staged = new List<PlannedTest>();
        var seen = new HashSet<(Guid, string)>();
        foreach (var t in plan.Tests)
        {
            var screening = plan.Screenings[t.Screening].Id;
            if (!created.Contains(screening) && (stored[t.Screening] & TestBits[t.TestCode]) != 0)
            {
                continue; // stored by an earlier import: ON CONFLICT would skip it, at the price of staging and a probe
            }

            if (created.Contains(screening) && seen.Add((screening, t.TestCode)))
            {
                direct.Add((t, screening));
            }
            else
            {
                staged.Add(t);
            }
        }

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
        await Execute(connection, transaction, ImportAudit.Postgres, ct, plan, actorRole);
        timings?.Mark("write: audit trail");
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

    /// <summary>Runs an INSERT ... RETURNING "Id" and collects the ids it returned (the rows it created).</summary>
    private static async Task<HashSet<Guid>> Ids(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, ImportPlan plan, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("team", NpgsqlDbType.Uuid, plan.TeamId);
        command.Parameters.AddWithValue("user", NpgsqlDbType.Text, plan.UserId);
        command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, plan.NowUtc);
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
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
