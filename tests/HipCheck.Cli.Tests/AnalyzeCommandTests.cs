using System.Runtime.CompilerServices;
using System.Text.Json;
using Xunit;

namespace HipCheck.Cli.Tests;

/// <summary>`hipcheck analyze` and `hipcheck power` through the real executable, against the R fixtures.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private static readonly string Fixtures = FixturesDirectory();

    [Fact]
    public async Task Analyze_prints_the_contract_json_with_R_s_numbers()
    {
        var (exit, stdout, stderr) = await Cli.RunAsync("analyze", "--input", Fixture("cohort-400.csv"));

        Assert.True(exit == 0, stderr);
        var ours = JsonDocument.Parse(stdout).RootElement;
        var r = JsonDocument.Parse(File.ReadAllText(Fixture("cohort-400.expected.json"))).RootElement;
        Assert.Equal(["n", "events", "threshold", "bySex", "logistic", "kaplanMeier", "logRank", "cox", "eventsPerVariable", "firth", "warnings", "skippedRows"],
            ours.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Flatten(r).Keys, Flatten(ours).Keys.Where(k => !k.StartsWith("warnings", StringComparison.Ordinal) && k != "skippedRows"));
        foreach (var (path, expected) in Flatten(r))
        {
            var actual = Flatten(ours)[path];
            if (expected is double e && actual is double a)
            {
                var tolerance = path.EndsWith(".p", StringComparison.Ordinal) || path.EndsWith("fisherP", StringComparison.Ordinal)
                    ? Math.Max(1e-6, 1e-6 * Math.Abs(e))
                    : Math.Max(1e-12, 1e-6 * Math.Abs(e));
                Assert.True(Math.Abs(a - e) <= tolerance, $"{path}: {a:R} vs R {e:R}");
            }
            else
            {
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public async Task Analyze_writes_a_zero_cell_s_undefined_limit_as_null()
    {
        var (exit, stdout, _) = await Cli.RunAsync("analyze", "--input", Fixture("cohort-60-zero-cell.csv"));

        Assert.Equal(0, exit);
        var men = JsonDocument.Parse(stdout).RootElement.GetProperty("bySex").GetProperty("M");
        Assert.Equal(JsonValueKind.Null, men.GetProperty("riskRatio").GetProperty("upper").ValueKind);
    }

    [Fact]
    public async Task Analyze_text_is_a_readable_report_with_the_same_numbers()
    {
        var (exit, stdout, _) = await Cli.RunAsync("analyze", "--input", Fixture("cohort-400.csv"), "--format", "text", "--threshold", "15");

        Assert.Equal(0, exit);
        Assert.Contains("Cohort: 400 athletes, 34 low back pain events", stdout, StringComparison.Ordinal);
        Assert.Contains("Women (F)", stdout, StringComparison.Ordinal);
        Assert.Contains("asymmetry_pct:female", stdout, StringComparison.Ordinal);
        Assert.Contains("Log-rank test", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_fails_with_exit_2_and_a_message_naming_its_line_and_column()
    {
        var file = WriteCohort(
            "A1,F,60,200,180,,,,365,1,120",
            "A2,F,60,200,180,,,,365,0,365",
            "A3,M,70,200,-180,,,,365,0,365",
            "A4,X,70,200,180,,,,365,0,365");

        var (exit, stdout, stderr) = await Cli.RunAsync("analyze", "--input", file);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("2 invalid rows", stderr, StringComparison.Ordinal);
        Assert.Contains("line 4, column hip_ext_right_N: must be greater than 0 (found -180)", stderr, StringComparison.Ordinal);
        Assert.Contains("line 5, column sex: must be F or M (found 'X')", stderr, StringComparison.Ordinal);
        Assert.Contains("--skip-invalid", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_analyses_the_valid_rows_and_counts_the_skipped()
    {
        var rows = File.ReadAllLines(Fixture("cohort-400.csv")).ToList();
        rows.Insert(3, "BAD1,F,60,abc,180,,,,365,0,365");
        rows.Insert(10, "BAD2,F,60,200,180,,,,365,0,999");
        var file = files.Write(string.Join("\n", rows) + "\n");

        var (exit, stdout, stderr) = await Cli.RunAsync("analyze", "--input", file, "--skip-invalid");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(400, json.GetProperty("n").GetInt32());
        Assert.Equal(2, json.GetProperty("skippedRows").GetInt32());
        Assert.Contains("skipped 2 invalid rows", stderr, StringComparison.Ordinal);
        Assert.Contains("line 4, column hip_ext_left_N", stderr, StringComparison.Ordinal);
        Assert.Contains("line 11, column days_to_event", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold", "100", "--threshold must be at least 0 and below 100")]
    [InlineData("--threshold", "-1", "--threshold must be at least 0 and below 100")]
    [InlineData("--format", "xml", "xml")]
    public async Task Analyze_refuses_bad_options_with_exit_2(string option, string value, string message)
    {
        var (exit, _, stderr) = await Cli.RunAsync("analyze", "--input", Fixture("cohort-400.csv"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_of_a_missing_file_fails_with_exit_2()
    {
        var (exit, _, stderr) = await Cli.RunAsync("analyze", "--input", "/nonexistent/cohort.csv");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/cohort.csv does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Power_gives_R_s_sample_size_for_12_vs_6_percent()
    {
        var (exit, stdout, stderr) = await Cli.RunAsync("power", "--p1", "0.12", "--p2", "0.06");

        Assert.True(exit == 0, stderr);
        var ours = JsonDocument.Parse(stdout).RootElement;
        var r = JsonDocument.Parse(File.ReadAllText(Fixture("power.expected.json"))).RootElement;
        Assert.Equal(r.GetProperty("nPerGroup").GetInt32(), ours.GetProperty("nPerGroup").GetInt32());
        Assert.Equal(r.GetProperty("total").GetInt32(), ours.GetProperty("total").GetInt32());
        Assert.Equal(348, ours.GetProperty("nPerGroup").GetInt32());
        Assert.Equal(r.GetProperty("h").GetDouble(), ours.GetProperty("h").GetDouble(), 1e-12);
        var exact = r.GetProperty("nPerGroupExact").GetDouble();
        Assert.True(Math.Abs(ours.GetProperty("nPerGroupExact").GetDouble() - exact) <= 1e-6 * exact);
    }

    [Fact]
    public async Task Power_text_states_the_groups_and_the_total()
    {
        var (exit, stdout, _) = await Cli.RunAsync("power", "--p1", "0.12", "--p2", "0.06", "--alpha", "0.05", "--power", "0.8", "--format", "text");

        Assert.Equal(0, exit);
        Assert.Contains("348 athletes per group", stdout, StringComparison.Ordinal);
        Assert.Contains("696 in all", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--p1", "1.2", "--p1 must be between 0 and 1 (exclusive); got 1.2.")]
    [InlineData("--p1", "0", "--p1 must be between 0 and 1 (exclusive); got 0.")]
    [InlineData("--p2", "0.12", "--p1 and --p2 are equal")]
    [InlineData("--alpha", "1", "--alpha must be between 0 and 1 (exclusive); got 1.")]
    public async Task Power_refuses_impossible_proportions_with_exit_2(string option, string value, string message)
    {
        var args = new List<string> { "power", "--p1", "0.12", "--p2", "0.06" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (exit, _, stderr) = await Cli.RunAsync([.. args]);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    private string WriteCohort(params string[] rows) =>
        files.Write("athlete_id,sex,body_mass_kg,hip_ext_left_N,hip_ext_right_N,hip_abd_left_N,hip_abd_right_N,back_endurance_s,followup_days,lbp_event,days_to_event\n" + string.Join("\n", rows) + "\n");

    /// <summary>Every leaf of a JSON document by its path: numbers as double, strings, null.</summary>
    private static Dictionary<string, object?> Flatten(JsonElement e)
    {
        var leaves = new Dictionary<string, object?>();
        void Walk(JsonElement x, string path)
        {
            switch (x.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in x.EnumerateObject())
                    {
                        Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
                    }

                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in x.EnumerateArray())
                    {
                        Walk(item, $"{path}[{i++}]");
                    }

                    break;
                case JsonValueKind.Number:
                    leaves[path] = x.GetDouble();
                    break;
                case JsonValueKind.String:
                    leaves[path] = x.GetString();
                    break;
                default:
                    leaves[path] = null;
                    break;
            }
        }

        Walk(e, "");
        return leaves;
    }

    private static string FixturesDirectory([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "HipCheck.Core.Tests", "Studies", "fixtures"));
}
