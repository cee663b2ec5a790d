namespace HipCheck.Web.Audit;

/// <summary>
/// The raw SQL that makes the audit table append-only in the database itself, per provider. Migrations call these
/// (so the SQL survives a regenerated migration: re-add the two calls), and a test checks that an UPDATE or DELETE
/// issued behind the app's back is rejected on both engines.
/// </summary>
public static class AuditSql
{
    public const string Table = "AuditEntries";

    private const string Message = "AuditEntries is append-only: rows are never updated or deleted";

    public static string CreateSqlite() => $"""
        CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "{Table}"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "{Table}"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    public static string DropSqlite() => """
        DROP TRIGGER IF EXISTS audit_entries_no_update;
        DROP TRIGGER IF EXISTS audit_entries_no_delete;
        """;

    public static string CreatePostgres() => $"""
        CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
            RAISE EXCEPTION '{Message}';
        END;
        $fn$;
        CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON "{Table}"
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
        CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON "{Table}"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
        """;

    public static string DropPostgres() => $"""
        DROP TRIGGER IF EXISTS audit_entries_no_truncate ON "{Table}";
        DROP TRIGGER IF EXISTS audit_entries_no_update_delete ON "{Table}";
        DROP FUNCTION IF EXISTS audit_entries_append_only();
        """;
}
