namespace HipCheck.Core.Studies;

/// <summary>The value type of a cohort column, as a codebook states it.</summary>
public enum CohortColumnType
{
    /// <summary>Free text identifier.</summary>
    Text,

    /// <summary>One of a fixed set of codes.</summary>
    Code,

    /// <summary>A decimal number (invariant culture: '.' as the decimal separator, no thousands separator).</summary>
    Number,
}

/// <summary>
/// One row of the codebook: what a column holds. The same description serves the CSV reader's validation,
/// the CLI's documentation and the web export's codebook, in the manner of a REDCap data dictionary.
/// </summary>
/// <param name="Name">Header name, exactly as written in the CSV.</param>
/// <param name="Type">Value type.</param>
/// <param name="Unit">Unit (UCUM where one exists), or null.</param>
/// <param name="AllowedValues">The codes or the range a value must lie in.</param>
/// <param name="Required">Whether every row must have a value; an optional column may be left empty.</param>
/// <param name="Description">What the value means.</param>
public sealed record CohortColumn(string Name, CohortColumnType Type, string? Unit, string AllowedValues, bool Required, string Description);

/// <summary>
/// The cohort CSV: one row per athlete, header required, columns in any order, UTF-8 (a byte-order mark is
/// allowed), comma-separated, RFC 4180 quoting allowed. Columns not named here are ignored, so an export may
/// carry more. Numbers use '.' as the decimal separator. Hip abduction and back endurance are optional
/// because the analysis does not use them and many screenings skip them; everything the analysis needs is
/// required, so a missing value is an error on its line rather than a silently dropped athlete.
/// </summary>
public static class CohortCodebook
{
    public const string AthleteId = "athlete_id";
    public const string Sex = "sex";
    public const string BodyMassKg = "body_mass_kg";
    public const string HipExtLeftN = "hip_ext_left_N";
    public const string HipExtRightN = "hip_ext_right_N";
    public const string HipAbdLeftN = "hip_abd_left_N";
    public const string HipAbdRightN = "hip_abd_right_N";
    public const string BackEnduranceS = "back_endurance_s";
    public const string FollowupDays = "followup_days";
    public const string LbpEvent = "lbp_event";
    public const string DaysToEvent = "days_to_event";

    /// <summary>Every column, in the order an export writes them.</summary>
    public static IReadOnlyList<CohortColumn> Columns { get; } =
    [
        new(AthleteId, CohortColumnType.Text, null, "non-empty, unique in the file", true,
            "Pseudonymous athlete identifier; one row per athlete."),
        new(Sex, CohortColumnType.Code, null, "F = female, M = male", true,
            "Sex of the athlete; the analysis is reported for each sex and models a sex interaction."),
        new(BodyMassKg, CohortColumnType.Number, "kg", "> 0", true,
            "Body mass at the baseline screening."),
        new(HipExtLeftN, CohortColumnType.Number, "N", "> 0", true,
            "Left hip extension force at baseline (hand-held dynamometer, mean of the valid trials)."),
        new(HipExtRightN, CohortColumnType.Number, "N", "> 0", true,
            "Right hip extension force at baseline (hand-held dynamometer, mean of the valid trials)."),
        new(HipAbdLeftN, CohortColumnType.Number, "N", "> 0, or empty when not measured", false,
            "Left hip abduction force at baseline."),
        new(HipAbdRightN, CohortColumnType.Number, "N", "> 0, or empty when not measured", false,
            "Right hip abduction force at baseline."),
        new(BackEnduranceS, CohortColumnType.Number, "s", ">= 0, or empty when not measured", false,
            "Biering-Sorensen back extension hold time at baseline."),
        new(FollowupDays, CohortColumnType.Number, "d", "> 0", true,
            "Length of the follow-up period planned for this athlete, in days from baseline."),
        new(LbpEvent, CohortColumnType.Code, null, "1 = event, 0 = no event", true,
            "Whether the athlete had a low back pain event (as the study defines it) during follow-up."),
        new(DaysToEvent, CohortColumnType.Number, "d", ">= 0 and <= followup_days", true,
            "Days from baseline to the event, or to the end of observation (censoring) when there was no event."),
    ];

    /// <summary>The codebook as Markdown (a table with one row per column).</summary>
    public static string ToMarkdown()
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("| column | type | unit | allowed values | required | description |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var c in Columns)
        {
            sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"| `{c.Name}` | {c.Type.ToString().ToLowerInvariant()} | {c.Unit ?? ""} | {c.AllowedValues} | {(c.Required ? "yes" : "no")} | {c.Description} |");
        }

        return sb.ToString();
    }
}
