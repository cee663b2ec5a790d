using HipCheck.Core.Athletes;
using HipCheck.Core.Injuries;
using HipCheck.Core.Parsing;

namespace HipCheck.Core.Surveillance;

/// <summary>One athlete's answers for one body area in one week.</summary>
/// <param name="WeekStart">The first day of the week the answers cover; weeks are told apart by this date.</param>
/// <param name="Area">The area code, one of the instrument's (<see cref="OstrcArea.Code"/>).</param>
public sealed record WeeklyCheckin(string AthleteId, Sex Sex, DateOnly WeekStart, string Area, OstrcAnswers Answers);

/// <summary>Running exposure on one date (one session or a day's total): hours and kilometres.</summary>
public sealed record ExposureEntry(string AthleteId, DateOnly Date, double Hours, double Km);

/// <summary>
/// Reads the three surveillance CSV layouts (UTF-8 text, comma-separated, header required, columns in any order,
/// names ignoring case, other columns ignored). Core does no I/O: the caller passes a reader it opened, or the text.
/// Every error is collected with its line and column, in line order; rows with an error are left out and make the
/// read fail.
/// </summary>
public static class SurveillanceCsv
{
    /// <summary>A single row above this is a typing error (minutes entered as hours, metres as kilometres).</summary>
    public const double MaxHoursPerRow = 24, MaxKmPerRow = 500;

    public static IReadOnlyList<string> CheckinColumns { get; } = ["athlete_id", "sex", "week_start", "area", "q1", "q2", "q3", "q4"];

    public static IReadOnlyList<string> ExposureColumns { get; } = ["athlete_id", "date", "hours", "km"];

    public static IReadOnlyList<string> InjuryColumns { get; } =
        ["athlete_id", "onset_date", "region", "tissue", "onset", "mechanism", "time_loss_days"];

    /// <summary>Optional injury column: rows of one athlete sharing an event id are one event (counted once).</summary>
    public const string EventIdColumn = "event_id";

    /// <summary>
    /// Weekly check-ins: athlete_id, sex (F or M), week_start (YYYY-MM-DD), area (an area code of the instrument),
    /// q1-q4 (answer index 0-3; empty = not answered). An athlete has one sex throughout and answers an area at most
    /// once a week.
    /// </summary>
    public static CsvRead<WeeklyCheckin> ReadCheckins(TextReader reader, OstrcInstrument? instrument = null)
    {
        instrument ??= OstrcInstrument.Default;
        var errors = new List<CsvError>();
        var table = CsvTable.Open(reader, CheckinColumns, [], errors);
        if (table is null)
        {
            return new([], errors);
        }

        var areas = instrument.Areas.Select(a => a.Code).ToList();
        var rows = new List<WeeklyCheckin>();
        var sexSeen = new Dictionary<string, (Sex Sex, long Line)>(StringComparer.Ordinal);
        var answered = new Dictionary<(string, DateOnly, string), long>();
        foreach (var record in table.Rows)
        {
            var row = table.Read(record);
            var athlete = row.Text("athlete_id");
            var sex = row.OneOf("sex", ["F", "M"]) is { } s ? (s == 0 ? Sex.Female : Sex.Male) : (Sex?)null;
            var week = row.Date("week_start");
            var area = row.OneOf("area", areas) is { } a ? areas[a] : null;
            int?[] q = [.. Enumerable.Range(1, 4).Select(i => row.Whole($"q{i}", 0, 3, emptyIsMissing: true, "an answer index 0, 1, 2 or 3, or empty"))];
            if (!row.Valid)
            {
                continue;
            }

            if (sexSeen.TryGetValue(athlete!, out var earlier) && earlier.Sex != sex)
            {
                row.Error("sex", $"{Code(sex!.Value)} contradicts {Code(earlier.Sex)} given for {CsvRecords.Quote(athlete!)} on line {earlier.Line}");
                continue;
            }

            if (answered.TryGetValue((athlete!, week!.Value, area!), out var firstLine))
            {
                row.Error("area", $"{CsvRecords.Quote(athlete!)} already answered {area} for the week of {week:yyyy-MM-dd} on line {firstLine}");
                continue;
            }

            sexSeen.TryAdd(athlete!, (sex!.Value, row.Line));
            answered.Add((athlete!, week.Value, area!), row.Line);
            rows.Add(new WeeklyCheckin(athlete!, sex.Value, week.Value, area!, new OstrcAnswers(q[0], q[1], q[2], q[3])));
        }

        return new(rows, InLineOrder(errors));
    }

    public static CsvRead<WeeklyCheckin> ReadCheckins(string csv, OstrcInstrument? instrument = null)
    {
        using var reader = new StringReader(csv);
        return ReadCheckins(reader, instrument);
    }

    /// <summary>Exposure: athlete_id, date (YYYY-MM-DD), hours (0-24), km (0-500); several rows per date are added up.</summary>
    public static CsvRead<ExposureEntry> ReadExposure(TextReader reader)
    {
        var errors = new List<CsvError>();
        var table = CsvTable.Open(reader, ExposureColumns, [], errors);
        if (table is null)
        {
            return new([], errors);
        }

        var rows = new List<ExposureEntry>();
        foreach (var record in table.Rows)
        {
            var row = table.Read(record);
            var athlete = row.Text("athlete_id");
            var date = row.Date("date");
            var hours = row.Number("hours", MaxHoursPerRow, "hours");
            var km = row.Number("km", MaxKmPerRow, "km");
            if (row.Valid)
            {
                rows.Add(new ExposureEntry(athlete!, date!.Value, hours!.Value, km!.Value));
            }
        }

        return new(rows, InLineOrder(errors));
    }

    public static CsvRead<ExposureEntry> ReadExposure(string csv)
    {
        using var reader = new StringReader(csv);
        return ReadExposure(reader);
    }

    /// <summary>
    /// Injuries: athlete_id, onset_date (YYYY-MM-DD), region and tissue (OSIICS letters, <see cref="OsiicsCodes"/>),
    /// onset (sudden or gradual), mechanism (acute or repetitive), time_loss_days (whole days 0-730, counted as
    /// <see cref="TimeLoss"/> does); optional event_id.
    /// </summary>
    public static CsvRead<SurveillanceInjury> ReadInjuries(TextReader reader)
    {
        var errors = new List<CsvError>();
        var table = CsvTable.Open(reader, InjuryColumns, [EventIdColumn], errors);
        if (table is null)
        {
            return new([], errors);
        }

        var regions = OsiicsCodes.Regions.Select(r => r.Letter).ToList();
        var tissues = OsiicsCodes.Tissues.Select(t => t.Letter).ToList();
        var rows = new List<SurveillanceInjury>();
        foreach (var record in table.Rows)
        {
            var row = table.Read(record);
            var athlete = row.Text("athlete_id");
            var onsetDate = row.Date("onset_date");
            var region = row.OneOf("region", regions);
            var tissue = row.OneOf("tissue", tissues);
            var onset = row.OneOf("onset", ["sudden", "gradual"]);
            var mechanism = row.OneOf("mechanism", ["acute", "repetitive"]);
            var days = row.Whole("time_loss_days", 0, InjuryCodes.MaxDaysLost, emptyIsMissing: false,
                $"whole days from 0 to {InjuryCodes.MaxDaysLost}");
            var eventId = row.Raw(EventIdColumn);
            if (row.Valid)
            {
                rows.Add(new SurveillanceInjury(athlete!, onsetDate!.Value, regions[region!.Value], tissues[tissue!.Value],
                    (InjuryOnset)onset!.Value, (InjuryMechanism)mechanism!.Value, days!.Value)
                {
                    EventId = string.IsNullOrEmpty(eventId) ? null : eventId,
                });
            }
        }

        return new(rows, InLineOrder(errors));
    }

    public static CsvRead<SurveillanceInjury> ReadInjuries(string csv)
    {
        using var reader = new StringReader(csv);
        return ReadInjuries(reader);
    }

    private static List<CsvError> InLineOrder(List<CsvError> errors) => [.. errors.OrderBy(e => e.Line)];

    private static string Code(Sex sex) => sex == Sex.Female ? "F" : "M";
}
