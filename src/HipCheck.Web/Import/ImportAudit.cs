namespace HipCheck.Web.Import;

/// <summary>
/// The audit trail of a bulk import. The bulk writers bypass EF Core (and so the audit interceptor), so they write
/// the trail themselves, in the import's own transaction: one "created" entry per athlete created, per
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

    /// <summary>PostgreSQL: the athletes this import created (their ids in the array @athletes).</summary>
    public static readonly string PostgresAthletes =
        $"""
        {Columns}
        SELECT @now, @user, @role, 'Athlete', a."Id"::text, 'created', a."Id", NULL, '{Changed}', NULL,
            json_build_object('id', a."Id", 'name', '{Audit.AuditInterceptor.NotKept}', 'sex', a."Sex", 'birthDate', a."BirthDate",
                'bodyMassKg', a."BodyMassKg", 'heightCm', a."HeightCm", 'dominantLeg', a."DominantLeg", 'teamId', a."TeamId",
                'externalId', a."ExternalId", 'createdUtc', a."CreatedUtc")::text
        FROM "Athletes" a WHERE a."Id" = ANY(@athletes);
        """;

    /// <summary>PostgreSQL: the created screenings' entries go in by binary COPY, their snapshots built in .NET.</summary>
    public const string PostgresScreeningsCopy =
        """
        COPY "AuditEntries" ("Utc", "ActorUserId", "ActorRole", "EntityType", "EntityId", "Action", "AthleteId", "StudyId", "Changed", "Before", "After") FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>PostgreSQL: the tests this import added through the staging table (to screenings an earlier import stored).</summary>
    public static readonly string PostgresTests =
        $"""
        {Columns}
        SELECT @now, @user, @role, 'ScreeningTest', t."Id"::text, 'created', s."AthleteId", NULL, '{Changed}', NULL,
            json_build_object('id', t."Id", 'screeningId', t."ScreeningId", 'testCode', t."TestCode", 'enteredUnit', t."EnteredUnit",
                'leverArmM', t."LeverArmM", 'seconds', t."Seconds", 'leftTrials', t."LeftTrials", 'rightTrials', t."RightTrials")::text
        FROM "ScreeningTests" t JOIN import_tests i ON i.id = t."Id" JOIN "Screenings" s ON s."Id" = t."ScreeningId";
        """;

    /// <summary>SQLite: the athletes this import created (from the temp table of ids the writer created, kind athlete).</summary>
    public static readonly string SqliteAthletes =
        $"""
        {Columns}
        SELECT $now, $user, $role, 'Athlete', lower(a."Id"), 'created', a."Id", NULL, '{Changed}', NULL,
            json_object('id', lower(a."Id"), 'name', '{Audit.AuditInterceptor.NotKept}', 'sex', a."Sex", 'birthDate', a."BirthDate",
                'bodyMassKg', a."BodyMassKg", 'heightCm', a."HeightCm", 'dominantLeg', a."DominantLeg", 'teamId', lower(a."TeamId"),
                'externalId', a."ExternalId", 'createdUtc', a."CreatedUtc")
        FROM "Athletes" a JOIN import_created c ON c.kind = 'athlete' AND c.id = a."Id";
        """;

    // A created screening's entry (its snapshot holding its tests) is built in .NET by ImportSnapshots and written
    // right after the screening's rows: the text this SQL made before, now built on another core.

    /// <summary>SQLite: the tests this import added to screenings an earlier import stored (kind test).</summary>
    public static readonly string SqliteTests =
        $"""
        {Columns}
        SELECT $now, $user, $role, 'ScreeningTest', lower(t."Id"), 'created', s."AthleteId", NULL, '{Changed}', NULL,
            json_object('id', lower(t."Id"), 'screeningId', lower(t."ScreeningId"), 'testCode', t."TestCode", 'enteredUnit', t."EnteredUnit",
                'leverArmM', t."LeverArmM", 'seconds', t."Seconds", 'leftTrials', json(t."LeftTrials"), 'rightTrials', json(t."RightTrials"))
        FROM "ScreeningTests" t JOIN import_created c ON c.kind = 'test' AND c.id = t."Id" JOIN "Screenings" s ON s."Id" = t."ScreeningId";
        """;
}
