using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Studies.Exports;
using static HipCheck.Core.Studies.Exports.ExportTable;

namespace HipCheck.Core.Tests.Studies.Exports;

public class LongExportReaderTests
{
    private static readonly ExportTable Long = LongLayout.Build(ExportSamples.Athletes);

    private static readonly string Header = Long.Lines().First();

    private static string[] Errors(string csv) =>
        [.. LongExportReader.Read(new StringReader(csv)).Errors.Select(e => e.ToString())];

    /// <summary>A row in the writer's column order, as text, so a read row can be compared with the written one.</summary>
    private static string?[] Written(LongExportRow r) =>
    [
        r.StudyCode, ExportVocabulary.SexCode(r.Sex), Whole(r.BirthYear), Whole(r.TimePoint), Date(r.Date), Whole(r.Day),
        Number(r.BodyMassKg), r.Test.Code, r.Side is { } s ? Sides.Code(s) : "none", Number(r.Value), r.Test.BaseUnit,
        Number(r.NewtonsPerKg), r.NewtonsPerKg is null ? null : "N/kg", Whole(r.TrialCount), Number(r.CvPercent),
        Number(r.AsymmetryPercent), Number(r.LsiPercent), r.WeakerSide,
    ];

    [Fact]
    public void Reading_what_LongLayout_wrote_gives_back_every_row_and_value()
    {
        var read = LongExportReader.Read(new StringReader(Long.ToCsv()));

        Assert.Empty(read.Errors);
        Assert.Equal(Long.ToCsv(), new ExportTable(LongLayout.Columns, [.. read.Rows.Select(Written)]).ToCsv());
    }

    [Fact]
    public void A_read_row_carries_typed_values_and_its_line()
    {
        var rows = LongExportReader.Read(new StringReader(Long.ToCsv())).Rows;

        var first = rows[0];
        Assert.Equal((2L, "S01", Sex.Female, 1995, 1, new DateOnly(2025, 9, 1), 0, 60.0), (first.Line, first.StudyCode, first.Sex, first.BirthYear, first.TimePoint, first.Date, first.Day, first.BodyMassKg));
        Assert.Equal((TestCatalogue.HipExtension, Side.Left, 205.0, 2), (first.Test, first.Side, first.Value, first.TrialCount!.Value));
        Assert.Equal(205.0 / 60, first.NewtonsPerKg);
        Assert.Equal("left", first.WeakerSide);
        var hold = rows[4];
        Assert.Equal((TestCatalogue.BackExtensionEndurance, (Side?)null, 95.0, (double?)null, (int?)null), (hold.Test, hold.Side, hold.Value, hold.NewtonsPerKg, hold.TrialCount));
    }

    [Fact]
    public void Columns_may_come_in_any_order_with_a_byte_order_mark_and_CRLF()
    {
        var csv = "\uFEFF" + string.Join("\r\n", Long.Lines().Select(l => string.Join(",", l.Split(',').Reverse()))) + "\r\n";

        var read = LongExportReader.Read(new StringReader(csv));

        Assert.Empty(read.Errors);
        Assert.Equal(Long.Rows.Count, read.Rows.Count);
    }

    [Fact]
    public void A_missing_header_column_is_an_error_of_line_1_naming_it()
    {
        var csv = string.Join("\n", Long.Lines().Select(l => string.Join(",", l.Split(',')[..^1])));

        Assert.Equal(["line 1, column weaker_side: the header lacks this required column"], Errors(csv));
    }

    [Fact]
    public void An_empty_file_asks_for_a_header() =>
        Assert.Equal(["line 1: the file is empty: a header naming the columns is required"], Errors(""));

    [Fact]
    public void A_bad_number_names_line_and_column() =>
        Assert.Equal(["line 2, column value: 'abc' is not a number"],
            Errors($"{Header}\nS01,F,1995,1,2025-09-01,0,60,hip-extension,left,abc,N,3.4,N/kg,2,3.4,18,82,left\n"));

    [Fact]
    public void A_bad_date_names_line_and_column() =>
        Assert.Equal(["line 3, column date: '2025-13-01' is not a date in the form YYYY-MM-DD"],
            Errors($"{Header}\nS01,F,1995,1,2025-09-01,0,60,back-extension-endurance,none,95,s,,,,,,,\nS02,M,1988,1,2025-13-01,0,72,back-extension-endurance,none,95,s,,,,,,,\n"));

    [Fact]
    public void An_unknown_test_code_names_the_allowed_codes() =>
        Assert.Equal(["line 2, column test: must be hip-extension, hip-abduction, hip-external-rotation, back-extension-endurance or single-leg-bridge (found 'squat')"],
            Errors($"{Header}\nS01,F,1995,1,2025-09-01,0,60,squat,left,205,N,3.4,N/kg,2,3.4,18,82,left\n"));

    [Fact]
    public void Values_outside_the_codebook_and_catalogue_are_refused_each_with_its_column() =>
        Assert.Equal(
        [
            "line 2, column body_mass_kg: must be at least 20 kg (found 12)",
            "line 2, column side: hip-extension is sided: left or right",
            "line 2, column unit: must be N for hip-extension (found 's')",
            "line 3, column value: must be between 0 and 600 s (found 601)",
        ],
        Errors($"{Header}\nS01,F,1995,1,2025-09-01,0,12,hip-extension,none,205,s,3.4,N/kg,2,3.4,18,82,left\n"
            + "S01,F,1995,1,2025-09-01,0,60,back-extension-endurance,none,601,s,,,,,,,\n"));

    [Fact]
    public void An_athlete_keeps_one_sex_and_a_test_side_appears_once_per_time_point() =>
        Assert.Equal(
        [
            "line 3, column sex: contradicts line 2 for study code 'S01'",
            "line 4, column side: this test and side of time point 1 is already on line 2",
        ],
        Errors($"{Header}\nS01,F,1995,1,2025-09-01,0,60,back-extension-endurance,none,95,s,,,,,,,\n"
            + "S01,M,1995,2,2025-10-01,30,60,back-extension-endurance,none,95,s,,,,,,,\n"
            + "S01,F,1995,1,2025-09-01,0,60,back-extension-endurance,none,96,s,,,,,,,\n"));

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_an_error_of_its_line() =>
        Assert.Equal(["line 2: expected 18 fields as in the header, found 3"], Errors($"{Header}\nS01,F,1995\n"));
}
