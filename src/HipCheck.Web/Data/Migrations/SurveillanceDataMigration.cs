using Microsoft.EntityFrameworkCore.Migrations;

namespace HipCheck.Web.Data.Migrations;

/// <summary>
/// Data changes of the Surveillance migration, kept apart so they survive a regenerated migration (call from Up,
/// after the columns exist). The SQL quotes identifiers with double quotes, which SQLite and PostgreSQL both read.
/// </summary>
public static class SurveillanceDataMigration
{
    /// <summary>
    /// Injuries recorded before the IOC fields: the mode of onset follows the mechanism (acute trauma began suddenly,
    /// overuse gradually), and the absences list is empty (JSON []).
    /// </summary>
    public static void FillInjuryIocFields(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""UPDATE "Injuries" SET "Onset" = CASE WHEN "Mechanism" = 'AcuteTrauma' THEN 'Sudden' ELSE 'Gradual' END;""");
        migrationBuilder.Sql("""UPDATE "Injuries" SET "Absences" = '[]';""");
    }
}
