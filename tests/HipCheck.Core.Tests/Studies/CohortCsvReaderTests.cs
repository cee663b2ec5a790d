using System.Globalization;
using System.Text;
using HipCheck.Core.Studies;
using static HipCheck.Core.Tests.Studies.CohortFixtures;

namespace HipCheck.Core.Tests.Studies;

public class CohortCsvReaderTests
{
    private const string Valid = "A1,F,60.5,200,180.5,150,140,95,365,1,120";

    [Fact]
    public void Reads_every_column_of_a_valid_row()
    {
        var result = ReadCsv(Csv(Valid, "A2,M,72,250.25,260,,,,300,0,300"));

        Assert.True(result.Succeeded);
        var d = result.Data!;
        Assert.Equal(2, d.Count);
        Assert.Equal([true, false], d.Female.ToArray());
        Assert.Equal([60.5, 72], d.BodyMassKg.ToArray());
        Assert.Equal([200, 250.25], d.HipExtLeftN.ToArray());
        Assert.Equal([180.5, 260], d.HipExtRightN.ToArray());
        Assert.Equal(150, d.HipAbdLeftN[0]);
        Assert.Equal(140, d.HipAbdRightN[0]);
        Assert.Equal(95, d.BackEnduranceS[0]);
        Assert.True(double.IsNaN(d.HipAbdLeftN[1]) && double.IsNaN(d.HipAbdRightN[1]) && double.IsNaN(d.BackEnduranceS[1]));
        Assert.Equal([365, 300], d.FollowupDays.ToArray());
        Assert.Equal([true, false], d.LbpEvent.ToArray());
        Assert.Equal([120, 300], d.DaysToEvent.ToArray());
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Column_order_is_free_unknown_columns_are_ignored_and_optional_columns_may_be_absent()
    {
        var csv = "days_to_event,lbp_event,notes,followup_days,hip_ext_right_N,hip_ext_left_N,body_mass_kg,sex,athlete_id\n"
                  + "100,1,anything,365,180,200,60,M,X9\n";

        var d = ReadCsv(csv).Data!;

        Assert.Equal(1, d.Count);
        Assert.False(d.Female[0]);
        Assert.Equal(200, d.HipExtLeftN[0]);
        Assert.Equal(180, d.HipExtRightN[0]);
        Assert.Equal(100, d.DaysToEvent[0]);
        Assert.True(double.IsNaN(d.BackEnduranceS[0]));
    }

    [Fact]
    public void A_byte_order_mark_CRLF_line_ends_and_RFC_4180_quotes_are_accepted()
    {
        var csv = "\uFEFF" + Header.Replace("sex", "\"sex\"", StringComparison.Ordinal) + "\r\n"
                  + "\"A \"\"1\"\", second line\nof the id\",\"F\",\"60\",200,180,,,,365,0,365\r\n"
                  + "A2,M,70,210,200,,,,365,1,30\r\n";

        var result = ReadCsv(csv);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Data!.Count);
        Assert.True(result.Data.Female[0]);
        Assert.Equal(30, result.Data.DaysToEvent[1]);
    }

    [Theory]
    [InlineData("A1,F,60,abc,180,,,,365,0,365", "hip_ext_left_N", "'abc' is not a number")]
    [InlineData("A1,X,60,200,180,,,,365,0,365", "sex", "must be F or M (found 'X')")]
    [InlineData("A1,f,60,200,180,,,,365,0,365", "sex", "must be F or M (found 'f')")]
    [InlineData("A1,F,60,200,-180,,,,365,0,365", "hip_ext_right_N", "must be greater than 0 (found -180)")]
    [InlineData("A1,F,60,200,180,0,,,365,0,365", "hip_abd_left_N", "must be greater than 0 (found 0)")]
    [InlineData("A1,F,60,200,180,,,-5,365,0,365", "back_endurance_s", "must be 0 or more (found -5)")]
    [InlineData("A1,F,0,200,180,,,,365,0,365", "body_mass_kg", "must be greater than 0 (found 0)")]
    [InlineData("A1,F,60,200,180,,,,365,2,365", "lbp_event", "must be 0 or 1 (found '2')")]
    [InlineData("A1,F,60,200,180,,,,365,yes,365", "lbp_event", "must be 0 or 1 (found 'yes')")]
    [InlineData("A1,F,60,200,180,,,,365,1,400", "days_to_event", "400 is after the end of follow-up (followup_days 365)")]
    [InlineData("A1,F,60,,180,,,,365,0,365", "hip_ext_left_N", "a value is required")]
    [InlineData(",F,60,200,180,,,,365,0,365", "athlete_id", "a value is required")]
    [InlineData("A1,F,60,200,180,,,,NaN,0,365", "followup_days", "'NaN' is not a number")]
    [InlineData("A1,F,60,200,180,,,,1e999,0,365", "followup_days", "'1e999' is not a number")]
    public void An_invalid_value_is_reported_with_its_line_and_column(string row, string column, string message)
    {
        var result = ReadCsv(Csv(Valid, row));

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.InvalidRows);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal(message, error.Message);
        Assert.Equal($"line 3, column {column}: {message}", error.ToString());
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_reported_with_its_line()
    {
        var result = ReadCsv(Csv(Valid, "A2,F,60,200,180,,,,365,0,365,extra", "A3,F,60"));

        Assert.Equal(2, result.InvalidRows);
        Assert.Equal("line 3: expected 11 fields as in the header, found 12", result.Errors[0].ToString());
        Assert.Equal("line 4: expected 11 fields as in the header, found 3", result.Errors[1].ToString());
    }

    [Fact]
    public void A_repeated_athlete_id_names_the_line_where_it_first_appeared()
    {
        var result = ReadCsv(Csv(Valid, "A2,M,70,210,200,,,,365,1,30", Valid));

        var error = Assert.Single(result.Errors);
        Assert.Equal("line 4, column athlete_id: 'A1' already appears on line 2: one row per athlete", error.ToString());
    }

    [Fact]
    public void Repeated_ids_are_listed_in_line_order_among_the_other_errors_and_skipped_when_asked()
    {
        var csv = Csv("A1,F,60,200,180,,,,365,0,365", "A2,F,60,200,180,,,,365,0,365", "A1,M,70,200,180,,,,365,0,365",
            "A3,Q,60,200,180,,,,365,0,365", "A2,M,70,200,180,,,,365,1,20", "A1,M,70,200,180,,,,365,0,365");

        var failed = ReadCsv(csv);
        var skipped = ReadCsv(csv, new CohortReadOptions { SkipInvalid = true });

        Assert.Equal(
            ["line 4, column athlete_id: 'A1' already appears on line 2: one row per athlete",
             "line 5, column sex: must be F or M (found 'Q')",
             "line 6, column athlete_id: 'A2' already appears on line 3: one row per athlete",
             "line 7, column athlete_id: 'A1' already appears on line 2: one row per athlete"],
            failed.Errors.Select(e => e.ToString()));
        Assert.Equal(4, failed.InvalidRows);
        Assert.Equal(2, skipped.Data!.Count);
        Assert.Equal(4, skipped.SkippedRows);
        Assert.Equal([true, true], skipped.Data.Female.ToArray());
    }

    [Fact]
    public void Line_numbers_count_the_line_breaks_inside_quoted_fields_and_blank_lines()
    {
        var csv = Csv("\"A1\nA1b\",F,60,200,180,,,,365,0,365", "", "A2,F,60,200,180,,,,365,0,999");

        var error = Assert.Single(ReadCsv(csv).Errors);

        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Every_error_of_a_row_is_listed_and_the_listing_stops_at_the_limit_while_the_count_goes_on()
    {
        var rows = Enumerable.Range(0, 30).Select(i => $"B{i},Q,60,x,180,,,,365,0,365").ToArray();

        var result = ReadCsv(Csv(rows), new CohortReadOptions { MaxErrorsListed = 20 });

        Assert.False(result.Succeeded);
        Assert.Equal(30, result.InvalidRows);
        Assert.Equal(20, result.Errors.Count);
        Assert.Equal("sex", result.Errors[0].Column);
        Assert.Equal("hip_ext_left_N", result.Errors[1].Column);
        Assert.Equal(2, result.Errors[1].Line);
    }

    [Fact]
    public void Skip_invalid_keeps_the_valid_rows_and_counts_the_others()
    {
        var result = ReadCsv(Csv(Valid, "A2,F,60,200,180,,,,365,7,365", "A3,M,70,210,200,,,,365,1,30", "A4"),
            new CohortReadOptions { SkipInvalid = true });

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Data!.Count);
        Assert.Equal(2, result.SkippedRows);
        Assert.Equal([true, false], result.Data.Female.ToArray());
        Assert.Equal([120, 30], result.Data.DaysToEvent.ToArray());
    }

    [Fact]
    public void A_header_without_a_required_column_fails_on_line_1()
    {
        var result = ReadCsv("athlete_id,sex,body_mass_kg,hip_ext_left_N,followup_days,lbp_event,days_to_event\nA1,F,60,200,365,0,365\n");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("line 1, column hip_ext_right_N: the header lacks this required column", error.ToString());
    }

    [Fact]
    public void A_column_named_twice_is_refused()
    {
        var result = ReadCsv(Header + ",sex\n" + Valid + ",F\n");

        Assert.Equal("line 1, column sex: the column appears twice in the header", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var result = ReadCsv("");

        Assert.False(result.Succeeded);
        Assert.Equal("line 1: the file is empty: a header naming the columns is required", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_the_line_it_opens_on()
    {
        var result = ReadCsv(Csv(Valid, "\"A2,F,60,200,180,,,,365,0,365"));

        Assert.False(result.Succeeded);
        Assert.Equal("line 3: a quoted field is never closed", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_file_of_many_blocks_read_in_ragged_pieces_gives_every_row_and_reports_progress()
    {
        var sb = new StringBuilder(Header).Append('\n');
        const int rows = 80_000;
        for (var i = 0; i < rows; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\"id {i}\",{(i % 3 == 0 ? 'F' : 'M')},{50 + (i % 40)}.5,{100 + (i % 997)}.25,{150 + (i % 13)},,,{i % 200},365,{i % 11 % 2},{i % 365}\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(bytes.Length > 3 << 20, $"{bytes.Length} bytes");
        var progress = new List<long>();

        var result = CohortCsvReader.Read(new RaggedStream(bytes), new CohortReadOptions { Progress = progress.Add });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var d = result.Data!;
        Assert.Equal(rows, d.Count);
        for (var i = 0; i < rows; i += 997)
        {
            Assert.Equal(i % 3 == 0, d.Female[i]);
            Assert.Equal(50 + (i % 40) + 0.5, d.BodyMassKg[i]);
            Assert.Equal(100 + (i % 997) + 0.25, d.HipExtLeftN[i]);
            Assert.Equal(i % 200, d.BackEnduranceS[i]);
            Assert.Equal(i % 11 % 2 == 1, d.LbpEvent[i]);
            Assert.Equal(i % 365, d.DaysToEvent[i]);
        }

        Assert.Equal(bytes.Length, progress[^1]);
        Assert.True(progress.Count > 3);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("12")]
    [InlineData("-3.25")]
    [InlineData("+7.5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("0.1")]
    [InlineData("123456789012345.6")]
    [InlineData("1e3")]
    [InlineData("2.5E-3")]
    [InlineData("0.000000000000000000000001")]
    [InlineData("99999999999999999999")]
    public void Numbers_parse_exactly_as_the_framework_parses_them(string text)
    {
        Assert.True(CohortCsvReader.TryParseNumber(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Random_decimals_parse_to_the_same_double_as_the_framework()
    {
        var rng = new Random(4);
        for (var i = 0; i < 100_000; i++)
        {
            var text = (rng.NextDouble() * Math.Pow(10, rng.Next(-3, 8))).ToString("F" + rng.Next(0, 10), CultureInfo.InvariantCulture);
            Assert.True(CohortCsvReader.TryParseNumber(Encoding.UTF8.GetBytes(text), out var value));
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1,5")]
    [InlineData("Infinity")]
    [InlineData("12kg")]
    public void Text_that_is_not_a_finite_number_is_refused(string text)
    {
        Assert.False(CohortCsvReader.TryParseNumber(Encoding.UTF8.GetBytes(text), out _));
    }

    /// <summary>Hands out the bytes in pieces of varying size, as a network or pipe would.</summary>
    private sealed class RaggedStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int call;

        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, 1 + (call++ * 7919 % 300_000)));
    }
}
