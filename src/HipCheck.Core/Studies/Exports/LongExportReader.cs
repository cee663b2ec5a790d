using System.Globalization;
using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Parsing;

namespace HipCheck.Core.Studies.Exports;

/// <summary>
/// One row of the long export, typed: one side of one test at one time point of a pseudonymised athlete.
/// </summary>
/// <param name="Side">Null for an unsided test (side "none").</param>
/// <param name="TrialCount">Null for an unsided test.</param>
/// <param name="WeakerSide">left, right or equal; null for an unsided test.</param>
public sealed record LongExportRow(
    long Line,
    string StudyCode,
    Sex Sex,
    int BirthYear,
    int TimePoint,
    DateOnly Date,
    int Day,
    double BodyMassKg,
    TestDefinition Test,
    Side? Side,
    double Value,
    double? NewtonsPerKg,
    int? TrialCount,
    double? CvPercent,
    double? AsymmetryPercent,
    double? LsiPercent,
    string? WeakerSide);

/// <summary>
/// Reads the long export exactly as <see cref="LongLayout"/> writes it (header required, columns in any order, other
/// columns ignored), from a reader the caller opened. Each row is checked against the codebook's limits and the test
/// catalogue (the unit is the test's base unit, side none only for an unsided test, N/kg only for forces), and the
/// file as a whole: an athlete keeps one sex and birth year, a time point one date and body mass, and a test's side
/// appears once per time point. Every error is collected with its line and column; any error fails the read.
/// </summary>
public static class LongExportReader
{
    private static readonly string[] SexCodes = [.. ExportVocabulary.SexChoices.Select(c => c.Value)];
    private static readonly string[] SideCodes = [.. ExportVocabulary.SideChoices.Select(c => c.Value)];
    private static readonly string[] WeakerCodes = [.. ExportVocabulary.WeakerSideChoices.Select(c => c.Value)];
    private static readonly string[] TestCodes = [.. TestCatalogue.All.Select(t => t.Code)];

    public static CsvRead<LongExportRow> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<CsvError>();
        var table = CsvTable.Open(reader, [.. LongLayout.Columns.Select(c => c.Name)], [], errors);
        if (table is null)
        {
            return new CsvRead<LongExportRow>([], errors);
        }

        var rows = new List<LongExportRow>();
        var athletes = new Dictionary<string, LongExportRow>(StringComparer.Ordinal);
        var visits = new Dictionary<(string, int), LongExportRow>();
        var seen = new Dictionary<(string, int, string, Side?), long>();
        foreach (var record in table.Rows)
        {
            var row = table.Read(record);
            if (ReadRow(row) is not { } read)
            {
                continue;
            }

            if (athletes.TryGetValue(read.StudyCode, out var first) && (first.Sex != read.Sex || first.BirthYear != read.BirthYear))
            {
                row.Error(first.Sex != read.Sex ? "sex" : "birth_year",
                    $"contradicts line {first.Line} for study code {CsvRecords.Quote(read.StudyCode)}");
            }

            if (visits.TryGetValue((read.StudyCode, read.TimePoint), out var visit) && (visit.Date != read.Date || visit.BodyMassKg != read.BodyMassKg))
            {
                row.Error(visit.Date != read.Date ? "date" : "body_mass_kg",
                    string.Create(CultureInfo.InvariantCulture, $"contradicts line {visit.Line} for time point {read.TimePoint} of {CsvRecords.Quote(read.StudyCode)}"));
            }

            if (seen.TryGetValue((read.StudyCode, read.TimePoint, read.Test.Code, read.Side), out var line))
            {
                row.Error("side", string.Create(CultureInfo.InvariantCulture, $"this test and side of time point {read.TimePoint} is already on line {line}"));
            }

            if (row.Valid)
            {
                athletes.TryAdd(read.StudyCode, read);
                visits.TryAdd((read.StudyCode, read.TimePoint), read);
                seen.Add((read.StudyCode, read.TimePoint, read.Test.Code, read.Side), read.Line);
                rows.Add(read);
            }
        }

        return new CsvRead<LongExportRow>(rows, [.. errors.OrderBy(e => e.Line)]);
    }

    private static LongExportRow? ReadRow(CsvTable.Row row)
    {
        var code = StudyCode(row);
        var sex = row.OneOf("sex", SexCodes);
        var birthYear = row.Whole("birth_year", 1900, 9999, false, "a year from 1900");
        var timePoint = row.Whole("time_point", 1, int.MaxValue, false, "a whole number from 1");
        var date = row.Date("date");
        var day = row.Whole("day", 0, int.MaxValue, false, "a whole number of days from 0");
        var bodyMass = row.Number("body_mass_kg", AthleteProfile.MaxBodyMassKg, "kg");
        if (bodyMass < AthleteProfile.MinBodyMassKg)
        {
            row.Error("body_mass_kg", string.Create(CultureInfo.InvariantCulture, $"must be at least {AthleteProfile.MinBodyMassKg} kg (found {bodyMass})"));
        }

        var test = row.OneOf("test", TestCodes) is { } t ? TestCatalogue.All[t] : null;
        var sideIndex = row.OneOf("side", SideCodes);
        Side? side = sideIndex switch { 0 => Side.Left, 1 => Side.Right, _ => null };
        if (test is null || sideIndex is null)
        {
            return null;
        }

        if (test.Sided == (side is null))
        {
            row.Error("side", test.Sided ? $"{test.Code} is sided: left or right" : $"{test.Code} is not sided: none");
        }

        var value = row.Number("value", test.MaxValue, test.BaseUnit);
        if (row.Text("unit") is { } unit && unit != test.BaseUnit)
        {
            row.Error("unit", $"must be {test.BaseUnit} for {test.Code} (found {CsvRecords.Quote(unit)})");
        }

        var perKg = Optional(row, "normalised_value", ExportVocabulary.MaxNewtonsPerKg(test), "N/kg");
        var perKgUnit = row.Raw("normalised_unit");
        if (perKg is not null && test.Kind != MeasureKind.Force)
        {
            row.Error("normalised_value", $"must be empty: {test.Code} is not a force");
        }
        else if ((perKg is null) != string.IsNullOrEmpty(perKgUnit) || (perKg is not null && perKgUnit != "N/kg"))
        {
            row.Error("normalised_unit", $"must be N/kg with a normalised value and empty without one (found {CsvRecords.Quote(perKgUnit ?? "")})");
        }

        var trials = row.Whole("n_trials", 1, TestCatalogue.MaxTrialsPerSide, emptyIsMissing: !test.Sided,
            string.Create(CultureInfo.InvariantCulture, $"a whole number from 1 to {TestCatalogue.MaxTrialsPerSide} for a sided test"));
        var cv = Optional(row, "cv_pct", double.MaxValue, "%");
        var asymmetry = Optional(row, "asymmetry_pct", 100, "%");
        var lsi = Optional(row, "lsi_pct", 100, "%");
        var weaker = string.IsNullOrEmpty(row.Raw("weaker_side")) ? null : row.OneOf("weaker_side", WeakerCodes) is { } w ? WeakerCodes[w] : null;
        if (!test.Sided && (trials is not null || cv is not null || asymmetry is not null || lsi is not null || weaker is not null))
        {
            row.Error("n_trials", "n_trials, cv_pct, asymmetry_pct, lsi_pct and weaker_side must be empty for an unsided test");
        }

        if (birthYear > date?.Year)
        {
            row.Error("birth_year", string.Create(CultureInfo.InvariantCulture, $"{birthYear} is after the screening date {date:yyyy-MM-dd}"));
        }

        return row.Valid
            ? new LongExportRow(row.Line, code!, sex == 0 ? Sex.Female : Sex.Male, birthYear!.Value, timePoint!.Value, date!.Value, day!.Value,
                bodyMass!.Value, test, side, value!.Value, perKg, trials, cv, asymmetry, lsi, weaker)
            : null;
    }

    /// <summary>The study code, without the apostrophe <see cref="ExportTable.Field"/> puts before a formula-like text.</summary>
    private static string? StudyCode(CsvTable.Row row)
    {
        var code = row.Text("study_code");
        return code is ['\'', '=' or '+' or '-' or '@', ..] ? code[1..] : code;
    }

    private static double? Optional(CsvTable.Row row, string column, double max, string unit) =>
        string.IsNullOrEmpty(row.Raw(column)) ? null : row.Number(column, max, unit);
}
