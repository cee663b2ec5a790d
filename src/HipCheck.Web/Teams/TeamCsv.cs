using HipCheck.Core.Measurement;
using HipCheck.Web.Infrastructure;

namespace HipCheck.Web.Teams;

/// <summary>The team view as CSV: one row per athlete, their latest screening, written row by row.</summary>
public static class TeamCsv
{
    private static readonly TestDefinition[] SidedTests = TestCatalogue.All.Where(t => t.Sided).ToArray();

    public static async Task WriteAsync(TeamOverviewDocument team, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(team);
        await using var writer = new StreamWriter(output, Csv.Utf8WithBom, bufferSize: 16 * 1024, leaveOpen: true);
        var header = new List<string> { "athlete_id", "name", "sex", "age_years", "screening_date" };
        foreach (var t in SidedTests)
        {
            var col = t.Code.Replace('-', '_');
            header.AddRange([$"{col}_asymmetry_pct", $"{col}_weaker_side", $"{col}_weaker_percentile"]);
        }

        header.AddRange(["back_extension_endurance_s", "flag_count", "flags"]);
        await writer.WriteLineAsync(Csv.Row(header).AsMemory(), ct);
        foreach (var row in team.Athletes)
        {
            var fields = new List<string?>
            {
                row.AthleteId.ToString(), row.Name, row.Sex, row.AgeYears.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.ScreeningDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var t in SidedTests)
            {
                row.Tests.TryGetValue(t.Code, out var cell);
                fields.AddRange([Csv.Number(cell?.AsymmetryPercent, "0.##"), cell?.WeakerSide, Csv.Number(cell?.WeakerSidePercentile, "0.#")]);
            }

            fields.AddRange([Csv.Number(row.BackExtensionSeconds), row.Flags.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(";", row.Flags.Select(f => f.RuleId))]);
            await writer.WriteLineAsync(Csv.Row(fields).AsMemory(), ct);
        }
    }
}
