using System.Globalization;

namespace HipCheck.Core.Studies.Exports;

/// <summary>
/// The wide export as a REDCap project: a data dictionary in REDCap's own CSV layout (its 18 columns, one row per
/// field, the record id first) and the matching data file for REDCap's Data Import Tool in its simplest form: a
/// classic (non-longitudinal) project, one instrument, one row per record, wide columns, the header being the
/// dictionary's variable names. Variable names are the wide column names in lower case (REDCap allows only
/// a-z, 0-9 and _, starting with a letter); codes become REDCap's numbered choices ("1, female | 2, male"), a 0/1
/// column a yesno field, dates text with date_ymd validation, numbers text with number or integer validation and
/// the plausibility limits of the test catalogue as min and max. No calc fields: the values are HipCheck's own
/// computations, imported as numbers.
/// </summary>
public static class RedcapProject
{
    /// <summary>The instrument (REDCap "form") every field belongs to.</summary>
    public const string FormName = "hipcheck_screenings";

    /// <summary>REDCap's data dictionary header, exactly as REDCap writes it.</summary>
    public static IReadOnlyList<string> DictionaryHeader { get; } =
    [
        "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
        "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
        "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
        "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
        "Field Annotation",
    ];

    public static string VariableName(ExportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Name.ToLowerInvariant();
    }

    /// <summary>The dictionary: one row of 18 cells per wide column, in the wide file's order.</summary>
    public static IReadOnlyList<string[]> Dictionary(IReadOnlyList<ExportColumn> wideColumns)
    {
        ArgumentNullException.ThrowIfNull(wideColumns);
        var rows = new List<string[]>(wideColumns.Count);
        var lastSection = "";
        foreach (var c in wideColumns)
        {
            var section = c.Name.StartsWith("date_t", StringComparison.Ordinal) ? $"Time point {c.Name["date_t".Length..]}" : "";
            if (rows.Count == 0)
            {
                section = "Athlete (pseudonymised)";
            }

            var (type, choices, validation) = c switch
            {
                { YesNo: true } => ("yesno", "", ""),
                { Type: ExportValueType.Code } when c == ExportVocabulary.SexColumn => ("radio", Choices(c), ""),
                { Type: ExportValueType.Code } => ("dropdown", Choices(c), ""),
                { Type: ExportValueType.Date } => ("text", "", "date_ymd"),
                { Type: ExportValueType.WholeNumber } => ("text", "", "integer"),
                { Type: ExportValueType.Number } => ("text", "", "number"),
                _ => ("text", "", ""),
            };
            var numeric = validation is "integer" or "number";
            rows.Add([
                VariableName(c), FormName, section == lastSection ? "" : section, type, c.Label, choices,
                c.Unit is null ? "" : $"Unit: {c.Unit}", validation,
                numeric ? Limit(c.Min) : "", numeric ? Limit(c.Max) : "",
                "", "", rows.Count == 0 ? "y" : "", "", "", "", "", "",
            ]);
            if (section.Length > 0)
            {
                lastSection = section;
            }
        }

        return rows;
    }

    /// <summary>The dictionary as CSV text ('\n' line ends).</summary>
    public static string DictionaryCsv(IReadOnlyList<ExportColumn> wideColumns) =>
        string.Concat(new[] { DictionaryHeader }.Concat(Dictionary(wideColumns)).Select(r => ExportTable.Line(r) + "\n"));

    /// <summary>
    /// The data file: the wide table with REDCap's variable names as the header and REDCap's numbered codes in place
    /// of the export's codes (F becomes 1, left becomes 1, ...).
    /// </summary>
    public static ExportTable Data(ExportTable wide)
    {
        ArgumentNullException.ThrowIfNull(wide);
        var columns = wide.Columns.Select(c => c with { Name = VariableName(c) }).ToList();
        var rows = wide.Rows.Select(row => row.Select((value, i) =>
            value is not null && wide.Columns[i].Choices is { } choices
                ? choices.First(ch => ch.Value == value).RedcapCode.ToString(CultureInfo.InvariantCulture)
                : value).ToArray()).ToList();
        return new ExportTable(columns, rows);
    }

    private static string Choices(ExportColumn c) =>
        string.Join(" | ", c.Choices!.Select(ch => string.Create(CultureInfo.InvariantCulture, $"{ch.RedcapCode}, {ch.Label}")));

    private static string Limit(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";
}
