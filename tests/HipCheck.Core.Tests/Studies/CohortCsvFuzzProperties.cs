using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipCheck.Core.Studies;

namespace HipCheck.Core.Tests.Studies;

/// <summary>Bytes a client might upload as a cohort: random, CSV-shaped with broken quoting, or a valid cohort.</summary>
public sealed record HostileCsv(byte[] Bytes)
{
    public override string ToString() => Bytes.Length > 400
        ? $"{Bytes.Length} bytes: {Encoding.UTF8.GetString(Bytes, 0, 400)}..."
        : Encoding.UTF8.GetString(Bytes);
}

/// <summary>A valid cohort (random rows, random RFC 4180 quoting) and the rows it was written from.</summary>
public sealed record QuotedCohort(string Csv, CohortRow[] Rows)
{
    public override string ToString() => Csv;
}

public static class CohortCsvArbitraries
{
    private static readonly string Header = string.Join(',', CohortCodebook.Columns.Select(c => c.Name));

    // Pieces that make CSV parsers go wrong: separators, quotes in odd places, line ends of every kind,
    // numbers at the edge of double, NaN and Infinity, a BOM mid-file, invalid UTF-8, control and wide characters.
    private static readonly string[] Tokens =
    [
        ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "F", "M", "0", "1", "-1", "72.5", "1e308", "1e309", "-0", "NaN",
        "Infinity", "-Infinity", "0x10", "1,5", "١٢٣", "\uFEFF", "\0", "\t", "é", "💥", "athlete_id", "sex", "lbp_event",
        "days_to_event", "99999999999999999999999999", ".", "..", "1.2.3", "+5", "e5", "\"a\"\"b\"", "x",
    ];

    private static readonly Gen<string> Fragment = Gen.OneOf(Gen.Elements(Tokens), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    private static Gen<string> Text(int maxPieces) => Gen.Choose(0, maxPieces).SelectMany(n => Fragment.ArrayOf(n)).Select(string.Concat);

    public static Arbitrary<HostileCsv> HostileCsvs()
    {
        var randomBytes = Gen.Choose(0, 2000).SelectMany(n => ArbMap.Default.GeneratorFor<byte>().ArrayOf(n));
        var withHeader = from lines in Gen.Choose(0, 30).SelectMany(n => Text(24).ArrayOf(n))
                         from bom in ArbMap.Default.GeneratorFor<bool>()
                         select Encoding.UTF8.GetBytes((bom ? "\uFEFF" : "") + Header + "\n" + string.Join('\n', lines));
        var noHeader = Text(200).Select(Encoding.UTF8.GetBytes);
        var invalidUtf8 = from prefix in withHeader
                          from junk in Gen.Elements<byte[]>([0xC3, 0x28], [0xFF, 0xFE], [0xE2, 0x82], [0xF0, 0x9F, 0x92], [0x80])
                          select prefix.Concat(junk).Concat("x,F,1,1,1,,,,1,0,1\n"u8.ToArray()).ToArray();
        return Arb.From(Gen.Frequency(
            (2, randomBytes), (4, withHeader), (1, noHeader), (1, invalidUtf8), (2, Mutated())).Select(b => new HostileCsv(b)));
    }

    /// <summary>A valid cohort with a few bytes deleted, duplicated or replaced by quotes and separators.</summary>
    private static Gen<byte[]> Mutated() =>
        from cohort in Cohorts()
        from edits in Gen.Choose(1, 4).SelectMany(n => Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Elements((byte)'"', (byte)',', (byte)'\n', (byte)'\r', (byte)0)).ArrayOf(n))
        select Mutate(Encoding.UTF8.GetBytes(cohort.Csv), edits);

    private static byte[] Mutate(byte[] bytes, (int Position, byte Value)[] edits)
    {
        var list = bytes.ToList();
        foreach (var (position, value) in edits)
        {
            if (list.Count == 0)
            {
                break;
            }

            list[position % list.Count] = value;
        }

        return [.. list];
    }

    private static readonly Gen<CohortRow> Row =
        from female in ArbMap.Default.GeneratorFor<bool>()
        from mass in Gen.Choose(400, 1200)
        from left in Gen.Choose(500, 4000)
        from right in Gen.Choose(500, 4000)
        from abd in Gen.Choose(0, 3000)
        from back in Gen.Choose(-1, 2400)
        from follow in Gen.Choose(30, 400)
        from lbp in ArbMap.Default.GeneratorFor<bool>()
        from days in Gen.Choose(0, 400)
        select new CohortRow(
            "",
            female, mass / 10.0, left / 10.0, right / 10.0,
            abd == 0 ? double.NaN : abd / 10.0, abd == 0 ? double.NaN : (abd + 5) / 10.0,
            back < 0 ? double.NaN : back / 10.0, follow, lbp, Math.Min(days, follow));

    public static Gen<QuotedCohort> Cohorts() =>
        from count in Gen.Choose(0, 40)
        from template in Row.ArrayOf(count)
        // Unique ids with a comma, quotes and a wide character: they must be quoted to survive.
        let rows = template.Select((r, i) => r with { AthleteId = $"id {i}, \"quoted\" é" }).ToArray()
        from quoteAll in ArbMap.Default.GeneratorFor<bool>()
        from crlf in ArbMap.Default.GeneratorFor<bool>()
        select new QuotedCohort(Write(rows, quoteAll, crlf ? "\r\n" : "\n"), rows);

    public static Arbitrary<QuotedCohort> QuotedCohorts() => Arb.From(Cohorts());

    private static string Write(CohortRow[] rows, bool quoteAll, string newline)
    {
        string Field(string value) => quoteAll || value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
        static string N(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
        var sb = new StringBuilder(Header).Append(newline);
        foreach (var r in rows)
        {
            sb.AppendJoin(',', new[]
            {
                r.AthleteId, r.Female ? "F" : "M", N(r.BodyMassKg), N(r.HipExtLeftN), N(r.HipExtRightN), N(r.HipAbdLeftN),
                N(r.HipAbdRightN), N(r.BackEnduranceS), N(r.FollowupDays), r.LbpEvent ? "1" : "0", N(r.DaysToEvent),
            }.Select(Field)).Append(newline);
        }

        return sb.ToString();
    }
}

/// <summary>
/// The cohort reader never throws on what a client sends, never hangs, and either parses correctly or names what is
/// wrong: its documented outcome is a <see cref="CohortReadResult"/> whose <c>Errors</c> say why <c>Data</c> is null.
/// </summary>
[Properties(Arbitrary = [typeof(CohortCsvArbitraries)], MaxTest = 1000)]
public class CohortCsvFuzzProperties
{
    /// <summary>Each read is bounded: a read still running after this is a hang, and fails the case.</summary>
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    private static CohortReadResult ReadBounded(byte[] bytes, CohortReadOptions? options = null)
    {
        var read = Task.Run(() =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return CohortCsvReader.Read(stream, options);
        });
        Assert.True(read.Wait(PerCase), $"the read of {bytes.Length} bytes did not finish within {PerCase.TotalSeconds} s");
        return read.Result; // an exception inside the read surfaces here and fails the case
    }

    [Property]
    public void Hostile_input_gives_data_or_named_errors_never_an_exception(HostileCsv input)
    {
        foreach (var skipInvalid in new[] { false, true })
        {
            var result = ReadBounded(input.Bytes, new CohortReadOptions { SkipInvalid = skipInvalid });

            if (result.Data is null)
            {
                Assert.NotEmpty(result.Errors);
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
                Assert.All(result.Errors, e => Assert.True(e.Line >= 1, $"line {e.Line}"));
            }
            else
            {
                if (!skipInvalid)
                {
                    Assert.Equal(0, result.InvalidRows);
                }

                for (var i = 0; i < result.Data.Count; i++)
                {
                    var row = result.Data[i];
                    Assert.True(double.IsFinite(row.BodyMassKg) && row.BodyMassKg > 0, $"row {i}: mass {row.BodyMassKg}");
                    Assert.True(row.DaysToEvent >= 0 && row.DaysToEvent <= row.FollowupDays, $"row {i}: days {row.DaysToEvent} of {row.FollowupDays}");
                }
            }
        }
    }

    [Property]
    public void A_valid_cohort_with_any_quoting_and_line_ends_reads_back_exactly(QuotedCohort cohort)
    {
        var result = ReadBounded(Encoding.UTF8.GetBytes(cohort.Csv));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(cohort.Rows.Length, result.Data!.Count);
        for (var i = 0; i < cohort.Rows.Length; i++)
        {
            Assert.Equal(cohort.Rows[i] with { AthleteId = "" }, result.Data[i]); // ids are checked for uniqueness, not kept
        }
    }
}

public class CohortCsvHugeInputTests
{
    [Fact]
    public void A_field_larger_than_the_record_limit_is_an_error_on_its_line_not_an_exception()
    {
        var header = string.Join(',', CohortCodebook.Columns.Select(c => c.Name));
        var huge = new StringBuilder(header).Append('\n').Append('"').Append('x', 17 << 20).Append("\",F,60,200,210,,,,180,0,180\n").ToString();

        var result = CohortCsvReader.Read(huge);

        Assert.Null(result.Data);
        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void An_unterminated_quote_running_to_the_end_of_a_large_file_is_an_error()
    {
        var header = string.Join(',', CohortCodebook.Columns.Select(c => c.Name));
        var csv = new StringBuilder(header).Append("\n\"never closed,F,60");
        for (var i = 0; i < 200_000; i++)
        {
            csv.Append("\nid").Append(i).Append(",F,60,200,210,,,,180,0,180");
        }

        var result = CohortCsvReader.Read(csv.ToString());

        Assert.Null(result.Data);
        Assert.NotEmpty(result.Errors);
    }
}
