using System.Text.RegularExpressions;
using HipCheck.Core.Studies.Exports;

namespace HipCheck.Core.Tests.Studies.Exports;

/// <summary>
/// The REDCap data dictionary checked column by column against REDCap's layout rules: the 18 headers as REDCap
/// writes them; variable names of lower-case letters, digits and underscores starting with a letter (REDCap
/// recommends at most 26 characters); field types and validation names from REDCap's sets; choices as
/// "1, label | 2, label"; the record id first; the data file's header equal to the dictionary's variables.
/// </summary>
public partial class RedcapProjectTests
{
    private static readonly ExportTable Wide = WideLayout.Build(ExportSamples.Athletes);
    private static readonly IReadOnlyList<string[]> Dictionary = RedcapProject.Dictionary(Wide.Columns);

    private static readonly string[] FieldTypes =
        ["text", "notes", "dropdown", "radio", "checkbox", "file", "calc", "sql", "descriptive", "slider", "yesno", "truefalse"];

    private static readonly string[] Validations =
    [
        "date_ymd", "date_mdy", "date_dmy", "datetime_ymd", "datetime_mdy", "datetime_dmy", "datetime_seconds_ymd",
        "datetime_seconds_mdy", "datetime_seconds_dmy", "email", "integer", "alpha_only", "number", "number_1dp",
        "number_2dp", "number_3dp", "number_4dp", "phone", "postalcode_canada", "ssn", "time", "time_mm_ss", "vmrn", "zipcode",
    ];

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^-?\d+(\.\d+)?, [^|]+( \| -?\d+(\.\d+)?, [^|]+)*$")]
    private static partial Regex ChoicesSyntax();

    [Fact]
    public void Header_is_redcaps_18_columns_exactly()
    {
        var header = RedcapProject.DictionaryCsv(Wide.Columns).Split('\n')[0];
        Assert.Equal(
            "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\",Field Note,"
            + "Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,"
            + "Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),"
            + "Matrix Group Name,Matrix Ranking?,Field Annotation", header);
        Assert.Equal(18, RedcapProject.DictionaryHeader.Count);
    }

    [Fact]
    public void Every_row_follows_redcaps_rules()
    {
        Assert.Equal(Wide.Columns.Count, Dictionary.Count);
        Assert.Equal(Dictionary.Count, Dictionary.Select(r => r[0]).Distinct().Count());
        foreach (var row in Dictionary)
        {
            Assert.Equal(18, row.Length);
            Assert.Matches(VariableName(), row[0]);
            Assert.True(row[0].Length <= 26, $"{row[0]} is longer than REDCap's recommended 26 characters");
            Assert.Equal(RedcapProject.FormName, row[1]);
            Assert.Matches(VariableName(), row[1]);
            Assert.Contains(row[3], FieldTypes);
            Assert.False(string.IsNullOrWhiteSpace(row[4]), $"{row[0]} has no label");
            if (row[3] is "radio" or "dropdown" or "checkbox")
            {
                Assert.Matches(ChoicesSyntax(), row[5]);
            }
            else
            {
                Assert.Equal("", row[5]);
            }

            if (row[7].Length > 0)
            {
                Assert.Equal("text", row[3]);
                Assert.Contains(row[7], Validations);
            }

            foreach (var limit in new[] { row[8], row[9] }.Where(l => l.Length > 0))
            {
                Assert.True(row[7] is "number" or "integer", $"{row[0]} has a min or max without a numeric validation");
                Assert.True(double.TryParse(limit, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
            }

            Assert.True(row[12] is "" or "y");
        }
    }

    [Fact]
    public void The_record_id_is_first_and_types_choices_and_limits_are_exact()
    {
        Assert.Equal(["study_code", "hipcheck_screenings", "Athlete (pseudonymised)", "text", "Study code", "", "", "", "", "", "", "", "y", "", "", "", "", ""], Dictionary[0]);
        Row("sex", r => Assert.Equal(("radio", "1, female | 2, male"), (r[3], r[5])));
        Row("birth_year", r => Assert.Equal(("text", "integer", "1900", ""), (r[3], r[7], r[8], r[9])));
        Row("event", r => Assert.Equal("yesno", r[3]));
        Row("date_t1", r => Assert.Equal(("Time point 1", "text", "date_ymd"), (r[2], r[3], r[7])));
        Row("date_t2", r => Assert.Equal("Time point 2", r[2]));
        Row("hip_abd_left_n_t2", r => Assert.Equal(("number", "0", "2000", "Unit: N"), (r[7], r[8], r[9], r[6])));
        Row("hip_er_right_n_t1", r => Assert.Equal("1500", r[9]));
        Row("back_end_s_t1", r => Assert.Equal(("number", "0", "600"), (r[7], r[8], r[9])));
        Row("hip_ext_left_nkg_t1", r => Assert.Equal(("number", "0", "100", "Unit: N/kg"), (r[7], r[8], r[9], r[6])));
        Row("hip_ext_weaker_t1", r => Assert.Equal(("dropdown", "1, left | 2, right | 3, equal"), (r[3], r[5])));
        Row("body_mass_kg_t1", r => Assert.Equal(("20", "300"), (r[8], r[9])));
    }

    private static void Row(string name, Action<string[]> check) => check(Dictionary.Single(r => r[0] == name));

    [Fact]
    public void Data_columns_are_the_dictionary_variables_with_choice_codes()
    {
        var data = RedcapProject.Data(Wide);
        var variables = Dictionary.SelectMany(r => r[3] == "checkbox"
            ? r[5].Split(" | ").Select(c => $"{r[0]}___{c.Split(',')[0]}")
            : [r[0]]).ToArray();
        Assert.Equal(variables, data.Columns.Select(c => c.Name).ToArray());
        var s01 = data.Columns.Select((c, i) => (c.Name, data.Rows[0][i])).ToDictionary(x => x.Name, x => x.Item2);
        Assert.Equal("S01", s01["study_code"]);
        Assert.Equal("1", s01["sex"]);
        Assert.Equal("1", s01["event"]);
        Assert.Equal("1", s01["hip_ext_weaker_t1"]);
        Assert.Equal("205", s01["hip_ext_left_n_t1"]);
        Assert.Equal("2025-12-01", s01["date_t2"]);
        Assert.Equal("2", data.Columns.Select((c, i) => (c.Name, data.Rows[1][i])).Single(x => x.Name == "sex").Item2);
        Assert.Equal("3", data.Columns.Select((c, i) => (c.Name, data.Rows[2][i])).Single(x => x.Name == "hip_er_weaker_t1").Item2);
    }
}
