using HipCheck.Core.Studies;

namespace HipCheck.Core.Tests.Studies;

public class CohortCodebookTests
{
    [Fact]
    public void The_codebook_describes_the_eleven_columns_of_the_cohort_csv_in_export_order()
    {
        Assert.Equal(
            ["athlete_id", "sex", "body_mass_kg", "hip_ext_left_N", "hip_ext_right_N", "hip_abd_left_N", "hip_abd_right_N", "back_endurance_s", "followup_days", "lbp_event", "days_to_event"],
            CohortCodebook.Columns.Select(c => c.Name));
        Assert.All(CohortCodebook.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
    }

    [Fact]
    public void Only_measurements_the_analysis_does_not_use_are_optional()
    {
        Assert.Equal(["hip_abd_left_N", "hip_abd_right_N", "back_endurance_s"], CohortCodebook.Columns.Where(c => !c.Required).Select(c => c.Name));
    }

    [Fact]
    public void The_markdown_codebook_has_a_row_per_column_with_units()
    {
        var markdown = CohortCodebook.ToMarkdown();

        Assert.Equal(CohortCodebook.Columns.Count + 2, markdown.TrimEnd().Split('\n').Length);
        Assert.Contains("| `hip_ext_left_N` | number | N | > 0 | yes |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `lbp_event` | code |  | 1 = event, 0 = no event | yes |", markdown, StringComparison.Ordinal);
    }
}
