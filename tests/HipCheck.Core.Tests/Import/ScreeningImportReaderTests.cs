using HipCheck.Core.Athletes;
using HipCheck.Core.Import;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Tests.Import;

public class ScreeningImportReaderTests
{
    private static readonly ImportReadOptions Options = new() { Today = new DateOnly(2026, 11, 20) };

    private const string Header =
        "athlete_id,name,sex,birth_date,body_mass_kg,height_cm,dominant_leg,date,test,unit,left_1,left_2,left_3,right_1,right_2,right_3,seconds\n";

    private static ScreeningImport Read(string rows) => ScreeningImportReader.Read(Header + rows, Options);

    [Fact]
    public void A_valid_file_gives_athletes_screenings_and_tests_in_base_units()
    {
        var import = Read(
            "R1,Ada Runner,F,1994-05-01,58,167,right,2026-11-01,hip-extension,N,200,210,205,250,245,255,\n"
            + "R1,,,,,,,2026-11-01,hip-abduction,kgf,20,21,,22,23,,\n"
            + "R1,,,,,,,2026-11-01,back-extension-endurance,s,,,,,,,142\n"
            + "R2,Bo Runner,male,1990-01-02,72.5,180,left,2026-10-30,hip-external-rotation,lbf,30,,,31,,,\n");

        Assert.True(import.Readable);
        Assert.Empty(import.Errors);
        Assert.Equal(4, import.Rows);
        Assert.Equal(0, import.RejectedRows);
        Assert.Equal(ImportLayout.ScreeningCsv, import.Layout);

        Assert.Equal(["R1", "R2"], import.Athletes.Select(a => a.ExternalId));
        Assert.Equal(new ImportAthleteDetails("Ada Runner", Sex.Female, new DateOnly(1994, 5, 1), 58, 167, Side.Right), import.Athletes[0].Details);
        Assert.Equal(new ImportAthleteDetails("Bo Runner", Sex.Male, new DateOnly(1990, 1, 2), 72.5, 180, Side.Left), import.Athletes[1].Details);

        Assert.Equal(2, import.Screenings.Count);
        Assert.Equal(new ImportScreening(0, new DateOnly(2026, 11, 1), 58, 2), import.Screenings[0]);
        Assert.Equal(new ImportScreening(1, new DateOnly(2026, 10, 30), 72.5, 5), import.Screenings[1]);

        Assert.Equal([2L, 3, 4, 5], import.Tests.Select(t => t.Line));
        Assert.Equal([0, 0, 0, 1], import.Tests.Select(t => t.Screening));
        Assert.Equal([200.0, 210, 205], import.Tests[0].LeftTrials);
        Assert.Equal("N", import.Tests[0].EnteredUnit);
        Assert.Equal([20 * 9.80665, 21 * 9.80665], import.Tests[1].LeftTrials);
        Assert.Equal([22 * 9.80665, 23 * 9.80665], import.Tests[1].RightTrials);
        Assert.Equal("kgf", import.Tests[1].EnteredUnit);
        Assert.Equal(142, import.Tests[2].Seconds);
        Assert.Empty(import.Tests[2].LeftTrials);
        Assert.Equal([30 * 4.4482216152605], import.Tests[3].LeftTrials);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_line_and_column()
    {
        var import = Read(
            "R1,Ada Runner,F,1994-05-01,58,167,right,2026-11-01,hip-extension,N,200,210,205,250,245,255,\n"
            + "R1,,,,,,,2026-13-01,hip-extension,N,200,,,250,,,\n"
            + "R1,,,,,,,2026-11-02,hip-flexion,N,200,,,250,,,\n"
            + "R1,,,,,,,2026-11-03,hip-extension,stone,200,,,250,,,\n"
            + "R1,,,,,,,2026-11-04,hip-extension,N,abc,,,-5,,,\n"
            + ",,,,,,,2026-11-04,hip-extension,N,200,,,250,,,\n"
            + "R1,,,,,,,2026-11-01,hip-extension,N,200,,,250,,,\n"
            + "R1,,,,,,,2026-11-25,hip-extension,N,200,,,250,,,\n"
            + "R3,Cy,X,1994-05-01,58,167,right,2026-11-01,hip-extension,N,200,,,250,,,\n"
            + "R1,,,,,,,2026-11-05,hip-extension,N,3000,,,250,,,\n"
            + "R1,too,few\n");

        Assert.Equal(11, import.Rows);
        Assert.Equal(10, import.RejectedRows);
        Assert.Single(import.Tests);
        Assert.Equal(
        [
            "line 3, column date: '2026-13-01' is not a date (YYYY-MM-DD)",
            "line 4, column test: unknown test 'hip-flexion': use one of hip-extension, hip-abduction, hip-external-rotation, back-extension-endurance, single-leg-bridge",
            "line 5, column unit: unknown unit 'stone'. Use N, kgf or lbf",
            "line 6, column left_1: 'abc' is not a number",
            "line 7, column athlete_id: a value is required",
            "line 8, column test: hip-extension of athlete 'R1' on 2026-11-01 is already on line 2",
            "line 9, column date: the screening date 2026-11-25 is in the future",
            "line 10, column sex: unknown sex 'X'. Use female or male",
            "line 11, column left_1: 3000 N is above the plausible maximum of 2000 N for hip extension: check the value and the unit",
            "line 12: expected 17 fields as in the header, found 3",
        ], import.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("R1,Ada Runner,F,1994-05-01,abc,167,right,2026-11-01,hip-extension,N,200,,,250,,,\n", "line 2, column body_mass_kg: 'abc' is not a number")]
    [InlineData("R1,Ada Runner,F,1994-05-01,58,tall,right,2026-11-01,hip-extension,N,200,,,250,,,\n", "line 2, column height_cm: 'tall' is not a number")]
    [InlineData("R1,Ada Runner,F,1994-05-01,,167,right,2026-11-01,hip-extension,N,200,,,250,,,\n", "line 2, column body_mass_kg: enter the body mass in kg")]
    public void A_details_row_with_an_unreadable_or_missing_number_is_rejected_with_one_error_for_it(string row, string error)
    {
        // The next row names the athlete only: it stands (the team may hold R1 already; the importer checks that).
        var import = Read(row + "R1,,,,,,,2026-11-02,hip-extension,N,200,,,250,,,\n");

        Assert.True(import.Readable);
        Assert.Equal(1, import.RejectedRows);
        Assert.Equal([3L], import.Tests.Select(t => t.Line));
        Assert.Null(import.Athletes.Single().Details);
        Assert.Equal([error], import.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_force_below_zero_is_refused_by_the_screening_rules()
    {
        var import = Read("R1,Ada,F,1994-05-01,58,167,right,2026-11-04,hip-extension,N,200,,,-5,,,\n");

        Assert.Equal(["line 2, column right_1: each right force must be a number greater than 0"], import.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Athlete_details_that_contradict_an_earlier_row_are_refused()
    {
        var import = Read(
            "R1,Ada Runner,F,1994-05-01,58,167,right,2026-11-01,hip-extension,N,200,,,250,,,\n"
            + "R1,Ada Runner,M,1994-05-01,58,167,right,2026-11-01,hip-abduction,N,200,,,250,,,\n"
            + "R1,,,,60,,,2026-11-01,single-leg-bridge,,30,,,31,,,\n");

        Assert.Equal(
        [
            "line 3, column sex: 'M' differs from what line 2 gives for athlete 'R1'",
            "line 4, column body_mass_kg: 60 kg differs from 58 kg given for the same athlete and date on line 2",
        ], import.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_missing_required_column_makes_the_file_unreadable()
    {
        var import = ScreeningImportReader.Read("athlete_id,test\nR1,hip-extension\n", Options);

        Assert.False(import.Readable);
        Assert.Equal(["line 1, column date: the header lacks this required column"], import.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Quoted_fields_and_a_byte_order_mark_are_read()
    {
        var import = ScreeningImportReader.Read("\uFEFF" + Header
            + "\"R,1\",\"Runner, \"\"Ada\"\"\",F,1994-05-01,58,167,right,2026-11-01,hip-extension,N,200,,,250,,,\r\n", Options);

        Assert.Empty(import.Errors);
        Assert.Equal("R,1", import.Athletes[0].ExternalId);
        Assert.Equal("Runner, \"Ada\"", import.Athletes[0].Details!.Name);
    }

    [Fact]
    public void A_dynamometer_export_is_recognised_and_maps_tests_and_directions()
    {
        const string csv =
            "Name,External Id,Date UTC,Time UTC,Device,Test,Direction,L Reps,R Reps,L Max Force (N),R Max Force (N),Max Imbalance (%)\n"
            + "Ada Runner,R1,2026-11-01,09:15,ForceFrame,Hip AD/AB,Pull,3,3,210.5,250,15.8\n"
            + "Ada Runner,R1,2026-11-01,09:20,ForceFrame,Hip AD/AB,Squeeze,3,3,300,310,3.2\n"
            + "Ada Runner,R1,2026-11-01,09:25,DynaMo,Hip Extension,,3,3,400,380,5\n"
            + "Ada Runner,R1,2026-11-01,09:30,DynaMo,Hip IR/ER,External Rotation,3,3,150,,\n";

        var import = ScreeningImportReader.Read(csv, Options);

        Assert.Equal(ImportLayout.DynamometerExport, import.Layout);
        Assert.Equal(
        [
            "line 3, column Test: hip adduction is not in HipCheck's test catalogue: leave these rows out",
            "line 5, column R Max Force (N): enter at least one right trial",
        ], import.Errors.Select(e => e.ToString()));
        Assert.Equal([TestCatalogue.HipAbduction, TestCatalogue.HipExtension], import.Tests.Select(t => t.Test));
        Assert.Equal([210.5], import.Tests[0].LeftTrials);
        Assert.Equal([250.0], import.Tests[0].RightTrials);
        Assert.Null(import.Athletes[0].Details);
    }

    [Fact]
    public void Rejecting_rows_later_removes_them_and_lists_the_errors_in_line_order()
    {
        var import = Read(
            "R1,,,,,,,2026-11-01,hip-extension,N,200,,,250,,,\n"
            + "R2,,,,,,,2026-11-01,hip-extension,N,abc,,,250,,,\n"
            + "R1,,,,,,,2026-11-02,hip-extension,N,200,,,250,,,\n");

        import.Reject([(1, "athlete_id", "unknown athlete 'R1'"), (0, "athlete_id", "unknown athlete 'R1'")]);

        Assert.Empty(import.Tests);
        Assert.Equal(3, import.RejectedRows);
        Assert.Equal([2L, 3, 4], import.Errors.Select(e => e.Line));
    }
}
