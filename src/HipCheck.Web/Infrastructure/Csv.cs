using System.Globalization;
using System.Text;
using HipCheck.Core.Studies.Exports;

namespace HipCheck.Web.Infrastructure;

/// <summary>
/// RFC 4180 CSV for R, SPSS, Stata and Excel: UTF-8 with a BOM (Excel needs it to read UTF-8), quoted fields
/// where needed, invariant numbers, ISO dates. Text that a spreadsheet would run as a formula (=, +, -, @ at
/// the start) is prefixed with an apostrophe (OWASP "CSV injection").
/// </summary>
public static class Csv
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>One CSV line: Core's quoting and formula guard (<see cref="ExportTable.Field"/>), shared by every export.</summary>
    public static string Row(IEnumerable<string?> fields) => ExportTable.Line(fields);

    public static string Number(double? value, string format = "0.###") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
