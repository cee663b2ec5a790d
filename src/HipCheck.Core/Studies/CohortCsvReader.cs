using System.Globalization;
using System.Text;

namespace HipCheck.Core.Studies;

/// <summary>A row that failed validation: its physical line in the file (1 = the header) and the column at fault.</summary>
/// <param name="Line">Line number where the row starts, counting from 1 (the header).</param>
/// <param name="Column">Column name, or null when the row as a whole is malformed (e.g. wrong field count).</param>
/// <param name="Message">What is wrong, with the offending value.</param>
public sealed record CohortRowError(long Line, string? Column, string Message)
{
    public override string ToString() =>
        Column is null ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}

/// <summary>How to read a cohort CSV.</summary>
public sealed record CohortReadOptions
{
    /// <summary>Skip invalid rows and count them, instead of failing the whole read.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>How many errors are kept with their line and column; all are counted.</summary>
    public int MaxErrorsListed { get; init; } = 20;

    /// <summary>Called after each block read with the number of bytes read so far.</summary>
    public Action<long>? Progress { get; init; }
}

/// <summary>
/// The outcome of reading a cohort: the data when it may be analysed, and the errors found. Without
/// <see cref="CohortReadOptions.SkipInvalid"/> any invalid row (or a bad header) leaves <see cref="Data"/> null.
/// </summary>
public sealed record CohortReadResult(CohortData? Data, IReadOnlyList<CohortRowError> Errors, int InvalidRows, int SkippedRows)
{
    public bool Succeeded => Data is not null;
}

/// <summary>
/// Reads a cohort CSV (<see cref="CohortCodebook"/>) from a stream into columns. A hand-written UTF-8 parser:
/// the input is read in 1 MiB blocks, fields are sliced in place (no string per field), numbers are parsed
/// straight from bytes, and every row is validated against the codebook. The caller owns the stream.
/// </summary>
public static class CohortCsvReader
{
    /// <summary>Reads and validates a whole cohort.</summary>
    public static CohortReadResult Read(Stream input, CohortReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new CohortCsvParser(input, options ?? new CohortReadOptions()).Run();
    }

    /// <summary>Reads a cohort held in memory (tests, uploads already buffered).</summary>
    public static CohortReadResult Read(string csv, CohortReadOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return Read(stream, options);
    }

    /// <summary>
    /// Parses a plain decimal ("-12.5", "7", ".25") exactly as <see cref="double.Parse(string)"/> would. With at
    /// most 15 significant digits and 22 decimals, mantissa and power of ten are exact doubles and one IEEE
    /// division rounds correctly (Clinger's fast path, PLDI 1990); anything else (exponents, long digit strings)
    /// goes to the framework parser. Non-finite results are refused.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && (text[0] == (byte)'-' || text[0] == (byte)'+'))
        {
            negative = text[0] == (byte)'-';
            i = 1;
        }

        long mantissa = 0;
        var digits = 0;
        var significant = 0;
        var decimals = 0;
        var seenPoint = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            var d = (uint)(c - (byte)'0');
            if (d <= 9)
            {
                digits++;
                if (mantissa != 0 || d != 0)
                {
                    significant++;
                }

                mantissa = (mantissa * 10) + d;
                if (seenPoint)
                {
                    decimals++;
                }

                if (significant > 15)
                {
                    return SlowParse(text, out value);
                }
            }
            else if (c == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                return SlowParse(text, out value);
            }
        }

        if (digits == 0 || decimals > 22)
        {
            return SlowParse(text, out value);
        }

        value = decimals == 0 ? mantissa : mantissa / PowersOfTen[decimals];
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static bool SlowParse(ReadOnlySpan<byte> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ];
}
