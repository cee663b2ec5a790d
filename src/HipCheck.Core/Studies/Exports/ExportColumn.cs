using System.Globalization;

namespace HipCheck.Core.Studies.Exports;

/// <summary>The value type of an export column, as its codebook states it.</summary>
public enum ExportValueType
{
    /// <summary>Text (the study code).</summary>
    Text,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A decimal number, '.' as the decimal separator, written with round-trip precision.</summary>
    Number,

    /// <summary>An ISO 8601 calendar date, YYYY-MM-DD.</summary>
    Date,

    /// <summary>One of a fixed set of codes (<see cref="ExportColumn.Choices"/>).</summary>
    Code,
}

/// <summary>One allowed code of a categorical column.</summary>
/// <param name="Value">The code as the CSV writes it (e.g. F).</param>
/// <param name="RedcapCode">The number REDCap stores for it (REDCap choices are "1, Female | 2, Male").</param>
/// <param name="Label">The label R's factor and REDCap show.</param>
public sealed record ExportChoice(string Value, int RedcapCode, string Label);

/// <summary>
/// One column of a research export: what the codebook, the REDCap data dictionary and the R script say about it.
/// </summary>
/// <param name="Name">Header name, exactly as written in the CSV.</param>
/// <param name="Label">A short human label (REDCap's field label, R's label attribute).</param>
/// <param name="Unit">UCUM unit (N, N/kg, s, kg, d, %), or null.</param>
/// <param name="Min">Smallest plausible value (numbers), from the test catalogue and the athlete profile's limits.</param>
/// <param name="Max">Largest plausible value (numbers).</param>
/// <param name="Choices">The codes of a <see cref="ExportValueType.Code"/> column.</param>
/// <param name="YesNo">A 0/1 column (REDCap's yesno field type).</param>
public sealed record ExportColumn(
    string Name,
    ExportValueType Type,
    string Label,
    string Description,
    string? Unit = null,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<ExportChoice>? Choices = null,
    bool YesNo = false)
{
    /// <summary>The allowed values in words, for the codebook.</summary>
    public string AllowedValues => Type switch
    {
        ExportValueType.Code => string.Join("; ", Choices!.Select(c => $"{c.Value} = {c.Label}")),
        ExportValueType.Date => "YYYY-MM-DD",
        ExportValueType.Text => "non-empty",
        _ when YesNo => "1 = yes; 0 = no",
        _ => (Min, Max) switch
        {
            ({ } min, { } max) => string.Create(CultureInfo.InvariantCulture, $"{min:0.###} to {max:0.###}"),
            ({ } min, null) => string.Create(CultureInfo.InvariantCulture, $">= {min:0.###}"),
            _ => "",
        },
    };

    /// <summary>The type's name in the codebook.</summary>
    public string TypeName => Type switch { ExportValueType.Code => "code", ExportValueType.WholeNumber => "integer", _ => Type.ToString().ToLowerInvariant() };
}
