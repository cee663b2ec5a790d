using System.Text.RegularExpressions;
using HipCheck.Core.Studies.Exports;

namespace HipCheck.Core.Tests.Studies.Exports;

public class ExportLayoutTests
{
    private static readonly ExportTable Long = LongLayout.Build(ExportSamples.Athletes);
    private static readonly ExportTable Wide = WideLayout.Build(ExportSamples.Athletes);

    private static Dictionary<string, string?> Named(ExportTable table, string?[] row) =>
        table.Columns.Select((c, i) => (c.Name, Value: row[i])).ToDictionary(x => x.Name, x => x.Value);

    [Fact]
    public void Long_has_one_row_per_athlete_time_point_test_and_side_in_a_stable_order()
    {
        var keys = Long.Rows.Select(r => $"{r[0]} t{r[3]} {r[7]} {r[8]}").ToArray();

        Assert.Equal(
        [
            "S01 t1 hip-extension left", "S01 t1 hip-extension right", "S01 t1 hip-abduction left", "S01 t1 hip-abduction right",
            "S01 t1 back-extension-endurance none", "S01 t2 hip-extension left", "S01 t2 hip-extension right",
            "S02 t1 hip-extension left", "S02 t1 hip-extension right", "S02 t1 single-leg-bridge left", "S02 t1 single-leg-bridge right",
            "S03 t1 hip-external-rotation left", "S03 t1 hip-external-rotation right",
        ], keys);
    }

    [Fact]
    public void Long_row_holds_the_side_score_normalised_force_and_the_test_level_asymmetry()
    {
        Assert.Equal(
            "study_code,sex,birth_year,time_point,date,day,body_mass_kg,test,side,value,unit,normalised_value,normalised_unit,n_trials,cv_pct,asymmetry_pct,lsi_pct,weaker_side",
            Long.Lines().First());
        var lines = Long.Lines().Skip(1).ToArray();
        Assert.Equal("S01,F,1995,1,2025-09-01,0,60,hip-extension,left,205,N,3.4166666666666665,N/kg,2,3.4493013716416954,18,82,left", lines[0]);
        Assert.Equal("S01,F,1995,1,2025-09-01,0,60,hip-extension,right,250,N,4.166666666666667,N/kg,2,0,18,82,left", lines[1]);
        Assert.Equal("S01,F,1995,1,2025-09-01,0,60,back-extension-endurance,none,95,s,,,,,,,", lines[4]);
        Assert.Equal("S01,F,1995,2,2025-12-01,91,61,hip-extension,left,230,N,3.7704918032786887,N/kg,2,0,4.166666666666667,95.83333333333333,left", lines[5]);
        Assert.Equal("S02,M,1988,1,2025-09-02,0,72,single-leg-bridge,left,42,s,,,2,6.734350297014738,16,84,left", lines[9]);
        Assert.Equal("S03,F,2001,1,2025-09-03,0,55,hip-external-rotation,right,100,N,1.8181818181818181,N/kg,1,,0,100,equal", lines[12]);
    }

    [Fact]
    public void Wide_has_one_row_per_athlete_with_time_point_suffixed_columns()
    {
        Assert.Equal(3, Wide.Rows.Count);
        var s01 = Named(Wide, Wide.Rows[0]);
        Assert.Equal("S01", s01["study_code"]);
        Assert.Equal("2", s01["n_time_points"]);
        Assert.Equal("1", s01["event"]);
        Assert.Equal("44", s01["days_to_event"]);
        Assert.Equal("205", s01["hip_ext_left_N_t1"]);
        Assert.Equal("250", s01["hip_ext_right_N_t1"]);
        Assert.Equal("3.4166666666666665", s01["hip_ext_left_Nkg_t1"]);
        Assert.Equal("18", s01["hip_ext_asym_pct_t1"]);
        Assert.Equal("82", s01["hip_ext_lsi_pct_t1"]);
        Assert.Equal("left", s01["hip_ext_weaker_t1"]);
        Assert.Equal("150", s01["hip_abd_left_N_t1"]);
        Assert.Equal("95", s01["back_end_s_t1"]);
        Assert.Equal("2025-12-01", s01["date_t2"]);
        Assert.Equal("91", s01["day_t2"]);
        Assert.Equal("230", s01["hip_ext_left_N_t2"]);
        Assert.Null(s01["hip_abd_left_N_t2"]);
        var s03 = Named(Wide, Wide.Rows[2]);
        Assert.Null(s03["event"]);
        Assert.Null(s03["date_t2"]);
        Assert.Equal("equal", s03["hip_er_weaker_t1"]);
        Assert.Equal("42", Named(Wide, Wide.Rows[1])["slb_left_s_t1"]);
    }

    [Fact]
    public void Wide_columns_repeat_per_time_point_and_are_unique()
    {
        var one = WideLayout.Columns(1).Count;
        var three = WideLayout.Columns(3);
        Assert.Equal(7 + 3 * (one - 7), three.Count);
        Assert.Equal(three.Count, three.Select(c => c.Name).Distinct().Count());
        Assert.Contains(three, c => c.Name == "hip_abd_left_N_t3" && c.Unit == "N" && c.Max == 2000);
        Assert.Contains(three, c => c.Name == "hip_abd_left_Nkg_t3" && c.Unit == "N/kg" && c.Max == 100);
    }

    [Fact]
    public void Codebook_has_a_row_per_column_with_type_unit_and_allowed_values()
    {
        var codebook = Long.Codebook();
        Assert.Equal(Long.Columns.Count, codebook.Rows.Count);
        Assert.Equal("column,type,unit,allowed_values,label,description", codebook.Lines().First());
        var sex = codebook.Rows.Single(r => r[0] == "sex");
        Assert.Equal(["sex", "code", null, "F = female; M = male", "Sex", "Sex of the athlete."], sex);
        var value = codebook.Rows.Single(r => r[0] == "normalised_value");
        Assert.Equal("number", value[1]);
        Assert.Equal("0 to 100", value[3]);
        var wideEvent = Wide.Codebook().Rows.Single(r => r[0] == "event");
        Assert.Equal("1 = yes; 0 = no", wideEvent[3]);
    }

    [Fact]
    public void Names_are_safe_for_r_and_stata()
    {
        foreach (var c in Long.Columns.Concat(Wide.Columns))
        {
            Assert.Matches(new Regex("^[A-Za-z][A-Za-z0-9_]*$"), c.Name);
        }
    }
}
