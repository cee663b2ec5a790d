using System.Globalization;
using System.Text;

namespace HipCheck.Web.Infrastructure;

/// <summary>
/// RFC 4180 CSV for R, SPSS, Stata and Excel: UTF-8 with a BOM (Excel needs it to read UTF-8), quoted fields
/// where needed, invariant numbers, ISO dates. Text that a spreadsheet would run as a formula (=, +, -, @ at
/// the start) is prefixed with an apostrophe (OWASP "CSV injection").
/// </summary>
public static class Csv
{
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Row(IEnumerable<string?> fields) => string.Join(",", fields.Select(Field));

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    public static string Number(double? value, string format = "0.###") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "";
}
