using System.Globalization;
using System.Text.Json;
using HipCheck.Core.Studies;
using HipCheck.Web.Infrastructure;

namespace HipCheck.Web.Studies;

/// <summary>
/// The study's data for R, SPSS and Stata: the cohort CSV in the layout <c>hipcheck analyze</c> reads (so an export
/// can be analysed anywhere), the same rows as JSON, and the codebook (one row per column, as a REDCap data
/// dictionary). Athletes appear only by their study code. Rows are written one at a time to the response.
/// </summary>
public static class StudyExports
{
    public static async Task WriteCsvAsync(StudyCohortData cohort, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        await using var writer = new StreamWriter(output, Csv.Utf8WithBom, 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(Csv.Row(CohortCodebook.Columns.Select(c => c.Name)).AsMemory(), ct);
        foreach (var row in cohort.Rows)
        {
            await writer.WriteLineAsync(Csv.Row(Fields(row)).AsMemory(), ct);
        }
    }

    public static async Task WriteCodebookCsvAsync(StudyCohortData cohort, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        await using var writer = new StreamWriter(output, Csv.Utf8WithBom, 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(Csv.Row(["column", "type", "unit", "allowed_values", "required", "description"]).AsMemory(), ct);
        foreach (var c in CohortCodebook.Columns)
        {
            var description = c.Name == CohortCodebook.LbpEvent
                ? $"{c.Description} This study's event: {cohort.Event.Name}. {cohort.Event.Description}"
                : c.Description;
            await writer.WriteLineAsync(Csv.Row([c.Name, c.Type.ToString().ToLowerInvariant(), c.Unit, c.AllowedValues, c.Required ? "yes" : "no", description]).AsMemory(), ct);
        }
    }

    public static async Task WriteJsonAsync(StudyCohortData cohort, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("studyId", cohort.Study.Id);
        json.WriteString("title", cohort.Study.Title);
        json.WriteString("event", cohort.Event.Code);
        json.WriteString("design", StudyService.DesignCode(cohort.Study.Design));
        json.WriteNumber("enrolled", cohort.Enrolled);
        json.WriteStartArray("excluded");
        foreach (var e in cohort.Excluded)
        {
            json.WriteStartObject();
            json.WriteString("code", e.Code);
            json.WriteString("reason", e.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("codebook");
        foreach (var c in CohortCodebook.Columns)
        {
            json.WriteStartObject();
            json.WriteString("column", c.Name);
            json.WriteString("type", c.Type.ToString().ToLowerInvariant());
            json.WriteString("unit", c.Unit);
            json.WriteString("allowedValues", c.AllowedValues);
            json.WriteBoolean("required", c.Required);
            json.WriteString("description", c.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in cohort.Rows)
        {
            var fields = Fields(row);
            json.WriteStartObject();
            for (var i = 0; i < CohortCodebook.Columns.Count; i++)
            {
                var column = CohortCodebook.Columns[i];
                if (string.IsNullOrEmpty(fields[i]))
                {
                    json.WriteNull(column.Name);
                }
                else if (column.Type == CohortColumnType.Number)
                {
                    json.WriteNumber(column.Name, double.Parse(fields[i]!, CultureInfo.InvariantCulture));
                }
                else
                {
                    json.WriteString(column.Name, fields[i]);
                }
            }

            json.WriteEndObject();
            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    /// <summary>A row's values in codebook column order.</summary>
    private static string?[] Fields(CohortRow r)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [CohortCodebook.AthleteId] = r.AthleteId,
            [CohortCodebook.Sex] = r.Female ? "F" : "M",
            [CohortCodebook.BodyMassKg] = Number(r.BodyMassKg),
            [CohortCodebook.HipExtLeftN] = Number(r.HipExtLeftN),
            [CohortCodebook.HipExtRightN] = Number(r.HipExtRightN),
            [CohortCodebook.HipAbdLeftN] = Number(r.HipAbdLeftN),
            [CohortCodebook.HipAbdRightN] = Number(r.HipAbdRightN),
            [CohortCodebook.BackEnduranceS] = Number(r.BackEnduranceS),
            [CohortCodebook.FollowupDays] = Number(r.FollowupDays),
            [CohortCodebook.LbpEvent] = r.LbpEvent ? "1" : "0",
            [CohortCodebook.DaysToEvent] = Number(r.DaysToEvent),
        };
        return CohortCodebook.Columns.Select(c => values[c.Name]).ToArray();
    }

    /// <summary>Round-trip precision ("R"), empty when not measured.</summary>
    private static string? Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : null;
}
