using System.Runtime.CompilerServices;
using System.Text;
using HipCheck.Core.Studies;

namespace HipCheck.Core.Tests.Studies;

/// <summary>The committed cohort CSVs and what R printed for them (fixtures/analyze.R), and small cohorts built in code.</summary>
internal static class CohortFixtures
{
    public const string Header =
        "athlete_id,sex,body_mass_kg,hip_ext_left_N,hip_ext_right_N,hip_abd_left_N,hip_abd_right_N,back_endurance_s,followup_days,lbp_event,days_to_event";

    public static readonly string[] Cohorts = ["cohort-400", "cohort-60-zero-cell", "cohort-300-ties"];

    public static string Directory { get; } = FixturesDirectory();

    public static string PathOf(string file) => Path.Combine(Directory, file);

    public static CohortData Read(string cohort)
    {
        using var stream = File.OpenRead(PathOf(cohort + ".csv"));
        var result = CohortCsvReader.Read(stream);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Data!;
    }

    /// <summary>A cohort file from rows written as CSV lines after the standard header.</summary>
    public static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static CohortReadResult ReadCsv(string csv, CohortReadOptions? options = null) => CohortCsvReader.Read(csv, options);

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string FixturesDirectory([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "fixtures");
}
