using System.Globalization;

namespace HipCheck.Core.Parsing;

/// <summary>
/// The header and rows of one small CSV (the surveillance layouts, the long research export), with typed field access that records an error (line, column, what is
/// wrong) instead of throwing. Column names are matched ignoring case and surrounding spaces; columns not in the
/// layout are ignored; a missing required column or a repeated one is an error of line 1.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(Dictionary<string, int> columns, List<CsvRecords.Record> rows, List<CsvError> errors)
    {
        this.columns = columns;
        Rows = rows;
        Errors = errors;
    }

    public List<CsvRecords.Record> Rows { get; }

    public List<CsvError> Errors { get; }

    public static CsvTable? Open(TextReader reader, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<CsvError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (records, syntax) = CsvRecords.Parse(reader);
        if (syntax is not null)
        {
            errors.Add(syntax);
            return null;
        }

        if (records.Count == 0)
        {
            errors.Add(new CsvError(1, null, "the file is empty: a header naming the columns is required"));
            return null;
        }

        var header = records[0];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < header.Fields.Length; f++)
        {
            var name = header.Fields[f].Trim().ToLowerInvariant();
            if (!required.Contains(name) && !optional.Contains(name))
            {
                continue;
            }

            if (!map.TryAdd(name, f))
            {
                errors.Add(new CsvError(header.Line, name, "the column appears twice in the header"));
            }
        }

        foreach (var name in required.Where(n => !map.ContainsKey(n)))
        {
            errors.Add(new CsvError(header.Line, name, "the header lacks this required column"));
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var rows = new List<CsvRecords.Record>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Length != header.Fields.Length)
            {
                errors.Add(new CsvError(record.Line, null, string.Create(CultureInfo.InvariantCulture,
                    $"expected {header.Fields.Length} fields as in the header, found {record.Fields.Length}")));
            }
            else
            {
                rows.Add(record);
            }
        }

        return new CsvTable(map, rows, errors);
    }

    public Row Read(CsvRecords.Record record) => new(this, record);

    /// <summary>Field access for one row; <see cref="Valid"/> turns false at the first error recorded for it.</summary>
    public sealed class Row(CsvTable table, CsvRecords.Record record)
    {
        public long Line => record.Line;

        public bool Valid { get; private set; } = true;

        public void Error(string column, string message)
        {
            Valid = false;
            table.Errors.Add(new CsvError(record.Line, column, message));
        }

        /// <summary>The trimmed value; "" when empty; null when the column is optional and absent.</summary>
        public string? Raw(string column) =>
            table.columns.TryGetValue(column, out var f) ? record.Fields[f].Trim() : null;

        public string? Text(string column)
        {
            var value = Raw(column);
            if (string.IsNullOrEmpty(value))
            {
                Error(column, "a value is required");
                return null;
            }

            return value;
        }

        public DateOnly? Date(string column)
        {
            var value = Text(column);
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error(column, $"{CsvRecords.Quote(value)} is not a date in the form YYYY-MM-DD");
            return null;
        }

        /// <summary>A number at least 0 and at most <paramref name="max"/>.</summary>
        public double? Number(string column, double max, string unit)
        {
            var value = Text(column);
            if (value is null)
            {
                return null;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                Error(column, $"{CsvRecords.Quote(value)} is not a number");
                return null;
            }

            if (number < 0 || number > max)
            {
                Error(column, string.Create(CultureInfo.InvariantCulture, $"must be between 0 and {max} {unit} (found {value})"));
                return null;
            }

            return number;
        }

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; empty is null when allowed.</summary>
        public int? Whole(string column, int min, int max, bool emptyIsMissing, string meaning)
        {
            var value = Raw(column) ?? "";
            if (value.Length == 0)
            {
                if (!emptyIsMissing)
                {
                    Error(column, "a value is required");
                }

                return null;
            }

            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            Error(column, string.Create(CultureInfo.InvariantCulture, $"must be {meaning} (found {CsvRecords.Quote(value)})"));
            return null;
        }

        /// <summary>One of the allowed codes, ignoring case; returns the index in <paramref name="allowed"/>.</summary>
        public int? OneOf(string column, IReadOnlyList<string> allowed)
        {
            var value = Text(column);
            if (value is null)
            {
                return null;
            }

            for (var i = 0; i < allowed.Count; i++)
            {
                if (string.Equals(value, allowed[i], StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            Error(column, $"must be {Either(allowed)} (found {CsvRecords.Quote(value)})");
            return null;
        }

        private static string Either(IReadOnlyList<string> allowed) =>
            allowed.Count <= 2 ? string.Join(" or ", allowed) : string.Join(", ", allowed.Take(allowed.Count - 1)) + " or " + allowed[^1];
    }
}
