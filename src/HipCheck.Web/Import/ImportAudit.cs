namespace HipCheck.Web.Import;

/// <summary>
/// The audit trail of a bulk import. The bulk writers bypass EF Core (and so the audit interceptor), so they write
/// the trail themselves, in SQL, in the import's own transaction: one "created" entry per athlete created, per
/// screening created (its tests and trials in the snapshot) and per test added to a screening imported earlier.
/// Like the interceptor's entries, snapshots never hold an athlete's name.
/// </summary>
internal static class ImportAudit
{
    public const string Changed = "imported";

    private const string Columns =
        """
        INSERT INTO "AuditEntries" ("Utc", "ActorUserId", "ActorRole", "EntityType", "EntityId", "Action", "AthleteId", "StudyId", "Changed", "Before", "After")
        """;

    /// <summary>PostgreSQL: from the staging tables (a row created by this import kept its staged id).</summary>
    public static readonly string Postgres =
        $"""
        {Columns}
        SELECT @now, @user, @role, 'Athlete', a."Id"::text, 'created', a."Id", NULL, '{Changed}', NULL,
            json_build_object('id', a."Id", 'name', '{Audit.AuditInterceptor.NotKept}', 'sex', a."Sex", 'birthDate', a."BirthDate",
                'bodyMassKg', a."BodyMassKg", 'heightCm', a."HeightCm", 'dominantLeg', a."DominantLeg", 'teamId', a."TeamId",
                'externalId', a."ExternalId", 'createdUtc', a."CreatedUtc")::text
        FROM "Athletes" a JOIN import_athletes i ON i.id = a."Id";
        {Columns}
        SELECT @now, @user, @role, 'Screening', s."Id"::text, 'created', s."AthleteId", NULL, '{Changed}', NULL,
            json_build_object('id', s."Id", 'athleteId', s."AthleteId", 'date', s."Date", 'bodyMassKg', s."BodyMassKg",
                'source', s."Source", 'createdByUserId', s."CreatedByUserId", 'createdUtc', s."CreatedUtc",
                'tests', (SELECT json_agg(json_build_object('id', t."Id", 'testCode', t."TestCode", 'enteredUnit', t."EnteredUnit",
                    'leverArmM', t."LeverArmM", 'seconds', t."Seconds", 'leftTrials', t."LeftTrials", 'rightTrials', t."RightTrials")
                    ORDER BY t."TestCode") FROM "ScreeningTests" t WHERE t."ScreeningId" = s."Id"))::text
        FROM "Screenings" s JOIN import_screenings i ON i.id = s."Id";
        {Columns}
        SELECT @now, @user, @role, 'ScreeningTest', t."Id"::text, 'created', s."AthleteId", NULL, '{Changed}', NULL,
            json_build_object('id', t."Id", 'screeningId', t."ScreeningId", 'testCode', t."TestCode", 'enteredUnit', t."EnteredUnit",
                'leverArmM', t."LeverArmM", 'seconds', t."Seconds", 'leftTrials', t."LeftTrials", 'rightTrials', t."RightTrials")::text
        FROM "ScreeningTests" t JOIN import_tests i ON i.id = t."Id" JOIN "Screenings" s ON s."Id" = t."ScreeningId"
        WHERE NOT EXISTS (SELECT 1 FROM import_screenings n WHERE n.id = t."ScreeningId");
        """;

    /// <summary>SQLite: from the temp table of ids the writer created (kind = athlete, screening or test).</summary>
    public static readonly string Sqlite =
        $"""
        {Columns}
        SELECT $now, $user, $role, 'Athlete', lower(a."Id"), 'created', a."Id", NULL, '{Changed}', NULL,
            json_object('id', lower(a."Id"), 'name', '{Audit.AuditInterceptor.NotKept}', 'sex', a."Sex", 'birthDate', a."BirthDate",
                'bodyMassKg', a."BodyMassKg", 'heightCm', a."HeightCm", 'dominantLeg', a."DominantLeg", 'teamId', lower(a."TeamId"),
                'externalId', a."ExternalId", 'createdUtc', a."CreatedUtc")
        FROM "Athletes" a JOIN import_created c ON c.kind = 'athlete' AND c.id = a."Id";
        {Columns}
        SELECT $now, $user, $role, 'Screening', lower(s."Id"), 'created', s."AthleteId", NULL, '{Changed}', NULL,
            json_object('id', lower(s."Id"), 'athleteId', lower(s."AthleteId"), 'date', s."Date", 'bodyMassKg', s."BodyMassKg",
                'source', s."Source", 'createdByUserId', s."CreatedByUserId", 'createdUtc', s."CreatedUtc",
                'tests', (SELECT json_group_array(json_object('id', lower(t."Id"), 'testCode', t."TestCode", 'enteredUnit', t."EnteredUnit",
                    'leverArmM', t."LeverArmM", 'seconds', t."Seconds", 'leftTrials', json(t."LeftTrials"), 'rightTrials', json(t."RightTrials")))
                    FROM (SELECT * FROM "ScreeningTests" WHERE "ScreeningId" = s."Id" ORDER BY "TestCode") t))
        FROM "Screenings" s JOIN import_created c ON c.kind = 'screening' AND c.id = s."Id";
        {Columns}
        SELECT $now, $user, $role, 'ScreeningTest', lower(t."Id"), 'created', s."AthleteId", NULL, '{Changed}', NULL,
            json_object('id', lower(t."Id"), 'screeningId', lower(t."ScreeningId"), 'testCode', t."TestCode", 'enteredUnit', t."EnteredUnit",
                'leverArmM', t."LeverArmM", 'seconds', t."Seconds", 'leftTrials', json(t."LeftTrials"), 'rightTrials', json(t."RightTrials"))
        FROM "ScreeningTests" t JOIN import_created c ON c.kind = 'test' AND c.id = t."Id" JOIN "Screenings" s ON s."Id" = t."ScreeningId";
        """;
}
