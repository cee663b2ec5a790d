using HipCheck.Core.Athletes;
using HipCheck.Core.Parsing;
using HipCheck.Core.Surveillance;

namespace HipCheck.Core.Tests.Surveillance;

public class SurveillanceCsvTests
{
    private const string CheckinHeader = "athlete_id,sex,week_start,area,q1,q2,q3,q4";

    private static List<string> Errors<T>(CsvRead<T> read) => [.. read.Errors.Select(e => e.ToString())];

    [Fact]
    public void Check_ins_are_read_in_any_column_order_with_empty_answers_as_missing()
    {
        var read = SurveillanceCsv.ReadCheckins("\uFEFFQ4, Area ,sex,athlete_id,week_start,q1,q2,q3,notes\r\n2,knee,F,A1,2026-03-02,1,,0,\"sore, after hills\"\r\n");

        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        var row = Assert.Single(read.Rows);
        Assert.Equal(new WeeklyCheckin("A1", Sex.Female, new DateOnly(2026, 3, 2), "knee", new OstrcAnswers(1, null, 0, 2)), row);
    }

    [Fact]
    public void Bad_check_in_values_are_reported_with_line_and_column()
    {
        var read = SurveillanceCsv.ReadCheckins(CheckinHeader + "\n"
            + "A1,F,2026-03-02,knee,0,0,0,0\n"
            + "A2,X,2026-03-02,knee,0,0,0,0\n"
            + "A3,M,02/03/2026,shoulder,4,1.5,,\n"
            + "A1,M,2026-03-09,knee,0,0,0,0\n"
            + "A1,F,2026-03-02,knee,1,0,0,0\n"
            + "A4,M,2026-03-02,knee,0,0\n");

        Assert.False(read.Succeeded);
        Assert.Equal(
        [
            "line 3, column sex: must be F or M (found 'X')",
            "line 4, column week_start: '02/03/2026' is not a date in the form YYYY-MM-DD",
            "line 4, column area: must be lower-back, hip-groin, thigh, knee, lower-leg, ankle or foot (found 'shoulder')",
            "line 4, column q1: must be an answer index 0, 1, 2 or 3, or empty (found '4')",
            "line 4, column q2: must be an answer index 0, 1, 2 or 3, or empty (found '1.5')",
            "line 5, column sex: M contradicts F given for 'A1' on line 2",
            "line 6, column area: 'A1' already answered knee for the week of 2026-03-02 on line 2",
            "line 7: expected 8 fields as in the header, found 6",
        ], Errors(read));
    }

    [Fact]
    public void A_study_s_own_areas_are_the_ones_accepted()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(OstrcInstrument.ReadEmbeddedJson())!;
        json["areas"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["code"] = "groin", ["osiics"] = "G", ["name"] = "Groin" });
        var instrument = OstrcInstrument.Parse(json.ToJsonString());

        Assert.True(SurveillanceCsv.ReadCheckins(CheckinHeader + "\nA1,F,2026-03-02,groin,0,0,0,0\n", instrument).Succeeded);
        Assert.Equal("line 2, column area: must be groin (found 'knee')",
            Assert.Single(SurveillanceCsv.ReadCheckins(CheckinHeader + "\nA1,F,2026-03-02,knee,0,0,0,0\n", instrument).Errors).ToString());
    }

    [Theory]
    [InlineData("", "line 1: the file is empty: a header naming the columns is required")]
    [InlineData("athlete_id,sex,week_start,area,q1,q2,q3\n", "line 1, column q4: the header lacks this required column")]
    [InlineData("athlete_id,sex,week_start,area,q1,q2,q3,q4,Q1\n", "line 1, column q1: the column appears twice in the header")]
    [InlineData("athlete_id,sex,week_start,area,q1,q2,q3,q4\nA1,F,2026-03-02,\"knee,0,0,0,0\n", "line 2: a quoted field is never closed")]
    [InlineData("athlete_id,sex,week_start,area,q1,q2,q3,q4\nA1,F,2026-03-02,\"knee\"x,0,0,0,0\n", "line 2: unexpected text after a closing quote")]
    public void Malformed_files_are_refused_with_the_line(string csv, string error) =>
        Assert.Equal(error, Assert.Single(SurveillanceCsv.ReadCheckins(csv).Errors).ToString());

    [Fact]
    public void Line_numbers_count_physical_lines_inside_quoted_fields_and_skip_blank_lines()
    {
        var read = SurveillanceCsv.ReadExposure("athlete_id,date,hours,km\n\"A\n1\",2026-03-02,1,10\n\nA2,2026-03-02,x,10\n");

        Assert.Equal("line 5, column hours: 'x' is not a number", Assert.Single(read.Errors).ToString());
    }

    [Fact]
    public void Exposure_rows_are_numbers_within_plausible_limits()
    {
        var read = SurveillanceCsv.ReadExposure("km,hours,date,athlete_id\n10.5,1.25,2026-03-02,A1\n0,0,2026-03-03,A1\n5,45,2026-03-04,A1\n-1,1,2026-03-05,A1\n,1,2026-03-06,A1\n");

        Assert.Equal([new ExposureEntry("A1", new DateOnly(2026, 3, 2), 1.25, 10.5), new ExposureEntry("A1", new DateOnly(2026, 3, 3), 0, 0)], read.Rows);
        Assert.Equal(
        [
            "line 4, column hours: must be between 0 and 24 hours (found 45)",
            "line 5, column km: must be between 0 and 500 km (found -1)",
            "line 6, column km: a value is required",
        ], Errors(read));
    }

    [Fact]
    public void Injuries_are_read_with_an_optional_event_id()
    {
        const string Header = "athlete_id,onset_date,region,tissue,onset,mechanism,time_loss_days";
        var plain = SurveillanceCsv.ReadInjuries(Header + "\nA1,2026-03-10,g,M,Sudden,acute,12\n");
        var withEvents = SurveillanceCsv.ReadInjuries(Header + ",event_id\nA1,2026-03-10,K,L,sudden,acute,3,fall\nA1,2026-03-10,A,L,sudden,acute,5,fall\nA1,2026-04-10,A,L,sudden,acute,5,\n");

        var injury = Assert.Single(plain.Rows);
        Assert.Equal(("G", "M", InjuryOnset.Sudden, InjuryMechanism.Acute, 12, (string?)null),
            (injury.Region, injury.Tissue, injury.Onset, injury.Mechanism, injury.TimeLossDays, injury.EventId));
        Assert.Equal(["fall", "fall", null], withEvents.Rows.Select(i => i.EventId));
    }

    [Fact]
    public void Bad_injury_values_are_reported_with_line_and_column()
    {
        var read = SurveillanceCsv.ReadInjuries("athlete_id,onset_date,region,tissue,onset,mechanism,time_loss_days\n"
            + ",2026-02-30,Y,Q,sometimes,overuse,-1\nA2,2026-03-01,K,M,gradual,repetitive,731\nA3,2026-03-01,K,M,gradual,repetitive,\n");

        Assert.Equal(
        [
            "line 2, column athlete_id: a value is required",
            "line 2, column onset_date: '2026-02-30' is not a date in the form YYYY-MM-DD",
            "line 2, column region: must be L, G, T, K, Q, A, F, Z or X (found 'Y')",
            "line 2, column tissue: must be M, T, R, S, F, C, L, D or B (found 'Q')",
            "line 2, column onset: must be sudden or gradual (found 'sometimes')",
            "line 2, column mechanism: must be acute or repetitive (found 'overuse')",
            "line 2, column time_loss_days: must be whole days from 0 to 730 (found '-1')",
            "line 3, column time_loss_days: must be whole days from 0 to 730 (found '731')",
            "line 4, column time_loss_days: a value is required",
        ], Errors(read));
    }
}
