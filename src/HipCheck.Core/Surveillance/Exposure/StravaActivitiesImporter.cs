using System.Globalization;

namespace HipCheck.Core.Surveillance.Exposure;

/// <summary>
/// Reads running exposure from <c>activities.csv</c> of a Strava bulk export (English-language account), one session per
/// row whose <c>Activity Type</c> is a run ("Run", "Trail Run", "Virtual Run").
/// </summary>
/// <remarks>
/// The layout, as real exports show it (docs/research/strava-activities-csv.md): the header repeats some names. The
/// first block is the summary as shown to the athlete: <c>Activity ID, Activity Date, Activity Name, Activity Type,
/// Activity Description, Elapsed Time, Distance, ...</c> where <c>Elapsed Time</c> is whole seconds and
/// <c>Distance</c> is in the account's display unit (km, or miles on an imperial account); a second block follows with
/// <c>Elapsed Time</c> again (seconds, "1234.0"), <c>Moving Time</c> (seconds) and <c>Distance</c> again, in metres.
/// <c>Activity Date</c> is the UTC start, e.g. "May 6, 2024, 4:02:34 AM".
/// <list type="bullet">
/// <item>duration = <c>Moving Time</c> (seconds) when present and positive, else the first <c>Elapsed Time</c> (with a
/// warning); moving time is what the platform counts as running, and the GPX importer's segment spans approximate it;</item>
/// <item>distance = the second <c>Distance</c> (metres) / 1000 when present, else the first <c>Distance</c> taken as km
/// (with a warning, since an imperial account writes miles there); NaN when both are empty (e.g. a treadmill run).</item>
/// </list>
/// Rows of other types are skipped with the reason; a row whose date or time cannot be read is an error and not kept.
/// </remarks>
public static class StravaActivitiesImporter
{
    private static readonly string[] DateFormats =
    [
        "MMM d, yyyy, h:mm:ss tt",
        "MMM d, yyyy h:mm:ss tt",
        "MMM d, yyyy, H:mm:ss",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ssZ",
    ];

    /// <summary>Reads activities.csv from a reader the caller opened; never throws for bad content.</summary>
    public static ExposureImportResult Read(TextReader input, ExposureImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= ExposureImportOptions.Default;
        return ExposureImport.Guard("Strava activities.csv", (records, issues) => ReadRows(new CsvRecords(input, options.MaxCharacters), records, issues));
    }

    /// <summary>Reads activities.csv from a stream the caller opened (UTF-8).</summary>
    public static ExposureImportResult Read(Stream input, ExposureImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var text = new StreamReader(input, leaveOpen: true);
        return Read(text, options);
    }

    private sealed record Columns(int Id, int Date, int Name, int Type, int Elapsed, int DisplayDistance, int Moving, int MetricDistance)
    {
        public static Columns? From(List<string> header)
        {
            int Nth(string name, int n) =>
                header.Select((h, i) => (h.Trim(), i)).Where(x => x.Item1 == name).Select(x => x.i).Skip(n).DefaultIfEmpty(-1).First();

            var c = new Columns(Nth("Activity ID", 0), Nth("Activity Date", 0), Nth("Activity Name", 0), Nth("Activity Type", 0),
                Nth("Elapsed Time", 0), Nth("Distance", 0), Nth("Moving Time", 0), Nth("Distance", 1));
            return c.Id < 0 || c.Date < 0 || c.Type < 0 || c.Elapsed < 0 ? null : c;
        }
    }

    private static string? ReadRows(CsvRecords csv, List<ExposureRecord> records, List<ImportIssue> issues)
    {
        var header = csv.Next();
        if (header is null)
        {
            return "The file is empty.";
        }

        if (header.Count > 0)
        {
            header[0] = header[0].TrimStart('\uFEFF');
        }

        var columns = Columns.From(header);
        if (columns is null)
        {
            return "The header lacks \"Activity ID\", \"Activity Date\", \"Activity Type\" or \"Elapsed Time\": this is not an activities.csv from an English-language Strava export.";
        }

        if (columns.DisplayDistance < 0 && columns.MetricDistance < 0)
        {
            issues.Add(new ImportIssue(ImportIssueKind.Warning, ExposureImport.FileLocation, "The file has no Distance column: distances are unknown."));
        }

        while (csv.Next() is { } row)
        {
            var location = string.Create(CultureInfo.InvariantCulture, $"row {csv.Line}");
            if (row.Count == 1 && row[0].Length == 0)
            {
                continue; // a blank line
            }

            if (csv.UnterminatedQuote)
            {
                issues.Add(new ImportIssue(ImportIssueKind.Error, location, "The row ends inside a quoted field: the file looks cut off; the row is not counted."));
                break;
            }

            var record = Row(row, columns, location, issues);
            if (record is not null)
            {
                records.Add(record);
            }
        }

        return null;
    }

    private static ExposureRecord? Row(List<string> row, Columns c, string location, List<ImportIssue> issues)
    {
        string Cell(int i) => i >= 0 && i < row.Count ? row[i].Trim() : "";
        var id = Cell(c.Id);
        var label = id.Length == 0 ? location : $"{location} (activity {id})";
        var type = Cell(c.Type);
        if (!ExposureImport.IsRunning(type))
        {
            issues.Add(new ImportIssue(ImportIssueKind.Skipped, label,
                type.Length == 0 ? "The row names no Activity Type." : $"Activity type \"{type}\" is not running."));
            return null;
        }

        if (!DateTime.TryParseExact(Cell(c.Date), DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            issues.Add(new ImportIssue(ImportIssueKind.Error, label, $"Activity Date \"{Cell(c.Date)}\" is not a date this importer reads (e.g. \"May 6, 2024, 4:02:34 AM\"); the row is not counted."));
            return null;
        }

        var moving = ExposureImport.ParseNumber(Cell(c.Moving));
        var elapsed = ExposureImport.ParseNumber(Cell(c.Elapsed));
        double seconds;
        if (moving is > 0)
        {
            seconds = moving.Value;
        }
        else if (elapsed is >= 0)
        {
            seconds = elapsed.Value;
            issues.Add(new ImportIssue(ImportIssueKind.Warning, label, "No Moving Time: the duration is the Elapsed Time, stops included."));
        }
        else
        {
            issues.Add(new ImportIssue(ImportIssueKind.Error, label, $"Neither Moving Time nor Elapsed Time (\"{Cell(c.Elapsed)}\") is a number of seconds; the row is not counted."));
            return null;
        }

        double km;
        if (ExposureImport.ParseNumber(Cell(c.MetricDistance)) is { } metres && metres >= 0)
        {
            km = metres / 1000;
        }
        else if (double.TryParse(Cell(c.DisplayDistance), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var shown)
                 && double.IsFinite(shown) && shown >= 0)
        {
            km = shown;
            issues.Add(new ImportIssue(ImportIssueKind.Warning, label,
                "Only the first Distance column is filled: it is taken as km (an account set to miles writes miles there)."));
        }
        else
        {
            km = double.NaN;
            issues.Add(new ImportIssue(ImportIssueKind.Warning, label, "The run has no distance (e.g. a treadmill without a footpod): only its hours count."));
        }

        return new ExposureRecord(start, seconds / 3600, km, type, ExposureSource.StravaCsv, id.Length == 0 ? null : id);
    }
}
