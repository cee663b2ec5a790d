using System.Globalization;
using System.Text;

namespace HipCheck.Core.Studies.Exports;

/// <summary>
/// A research export as columns and rows of text, ready to write as CSV: RFC 4180 quoting, '\n' line ends,
/// invariant numbers with round-trip precision ("R"), ISO dates, empty for a missing value. Text a spreadsheet
/// would run as a formula (=, +, -, @ first) gets an apostrophe (OWASP "CSV injection"), as the web app's CSVs do.
/// The caller writes the lines (the web app adds the UTF-8 byte-order mark Excel needs).
/// </summary>
public sealed record ExportTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<string?[]> Rows)
{
    /// <summary>The header line, then one line per row, without line ends.</summary>
    public IEnumerable<string> Lines()
    {
        yield return Line(Columns.Select(c => c.Name));
        foreach (var row in Rows)
        {
            yield return Line(row);
        }
    }

    /// <summary>The whole table as CSV text ('\n' after every line, no byte-order mark).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder();
        foreach (var line in Lines())
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The codebook of this table: one row per column (column, type, unit, allowed values, label, description).</summary>
    public ExportTable Codebook() => new(CodebookColumns,
        [.. Columns.Select(c => new string?[] { c.Name, c.TypeName, c.Unit, c.AllowedValues, c.Label, c.Description })]);

    private static readonly ExportColumn[] CodebookColumns =
    [
        new("column", ExportValueType.Text, "Column", "The column's header name, exactly as in the data file."),
        new("type", ExportValueType.Text, "Type", "text, integer, number, date (YYYY-MM-DD) or code (one of the allowed values)."),
        new("unit", ExportValueType.Text, "Unit", "UCUM unit of a measurement, empty otherwise."),
        new("allowed_values", ExportValueType.Text, "Allowed values", "The codes with their labels, or the plausible range of a number."),
        new("label", ExportValueType.Text, "Label", "A short label (R's label attribute, REDCap's field label)."),
        new("description", ExportValueType.Text, "Description", "What the value means and how it was computed."),
    ];

    public static string Line(IEnumerable<string?> fields) => string.Join(",", fields.Select(Field));

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

    /// <summary>Round-trip precision, empty when missing or not finite.</summary>
    public static string? Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : null;

    public static string? Whole(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
