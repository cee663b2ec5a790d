using System.Data.Common;
using HipCheck.Core.Athletes;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;

namespace HipCheck.Web.Reports;

/// <summary>
/// The report's <see cref="ReportInputs"/> for a screening the user may see, in one prepared statement: one row
/// per organisation threshold (or one row with none), every row carrying the screening, athlete and organisation.
/// The thresholds are ordered here, by rule id (ordinal), not by the database: no sort in the plan.
/// Values: screening id, user id.
/// </summary>
public sealed class ReportInputsStatement : ReadStatement<ReportInputs?>
{
    public static readonly ReportInputsStatement Instance = new();

    private ReportInputsStatement()
        : base($"""
            SELECT s."Id", s."AthleteId", s."Date", s."BodyMassKg",
                   (SELECT COUNT(*) FROM "ScreeningTests" c WHERE c."ScreeningId" = s."Id"),
                   a."Name", a."Sex", a."BirthDate", o."Name", r."RuleId", r."Threshold"
            FROM "Screenings" s
            JOIN "Athletes" a ON a."Id" = s."AthleteId"
            LEFT JOIN "Teams" t ON t."Id" = a."TeamId"
            LEFT JOIN "Organisations" o ON o."Id" = t."OrganisationId"
            LEFT JOIN "RuleThresholds" r ON r."OrganisationId" = t."OrganisationId"
            WHERE s."Id" = @screening AND {AthleteAccess.VisibleSql("a", "t")}
            """, "screening", "user")
    {
    }

    public override async Task<ReportInputs?> ReadAsync(DbDataReader reader, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var thresholds = new List<RuleThreshold>();
        var inputs = new ReportInputs
        {
            ScreeningId = reader.GetGuid(0),
            AthleteId = reader.GetGuid(1),
            Date = reader.GetFieldValue<DateOnly>(2),
            BodyMassKg = reader.GetDouble(3),
            TestCount = checked((int)reader.GetInt64(4)),
            AthleteName = reader.GetString(5),
            Sex = Enum.Parse<Sex>(reader.GetString(6)),
            BirthDate = reader.GetFieldValue<DateOnly>(7),
            OrganisationName = reader.IsDBNull(8) ? null : reader.GetString(8),
            Thresholds = thresholds,
        };
        do
        {
            if (!reader.IsDBNull(9))
            {
                thresholds.Add(new RuleThreshold(reader.GetString(9), reader.GetDouble(10)));
            }
        }
        while (await reader.ReadAsync(ct));

        thresholds.Sort((x, y) => string.CompareOrdinal(x.RuleId, y.RuleId));
        return inputs;
    }
}
