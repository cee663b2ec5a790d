using System.Runtime.CompilerServices;
using System.Text.Json;
using Xunit;

namespace HipCheck.Cli.Tests;

/// <summary>`hipcheck surveillance` through the real executable, against the R fixtures (Core.Tests/Surveillance/fixtures).</summary>
public sealed class SurveillanceCommandTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private static readonly string Fixtures = FixturesDirectory();

    private static string[] Args(string dataset, params string[] more) =>
    [
        "surveillance",
        "--checkins", Fixture($"{dataset}-checkins.csv"),
        "--exposure", Fixture($"{dataset}-exposure.csv"),
        "--injuries", Fixture($"{dataset}-injuries.csv"),
        .. more,
    ];

    [Theory]
    [InlineData("season")]
    [InlineData("no-injuries")]
    [InlineData("one-week")]
    public async Task Json_has_the_contract_s_keys_and_R_s_numbers(string dataset)
    {
        var (exit, stdout, stderr) = await Cli.RunAsync(Args(dataset, "--format", "json"));

        Assert.True(exit == 0, stderr);
        var ours = JsonDocument.Parse(stdout).RootElement;
        var r = JsonDocument.Parse(File.ReadAllText(Fixture($"{dataset}.expected.json"))).RootElement;
        Assert.Equal(["athletes", "weeks", "prevalence", "meanSeverity", "exposure", "injuries", "bySex", "byRegion"], Keys(ours));
        Assert.Equal(["any", "substantial"], Keys(ours.GetProperty("prevalence")));
        Assert.Equal(["estimate", "lower", "upper"], Keys(ours.GetProperty("prevalence").GetProperty("any")));
        Assert.Equal(["hours", "km"], Keys(ours.GetProperty("exposure")));
        Assert.Equal(["count", "per1000h", "per1000km", "burdenDaysPer1000h"], Keys(ours.GetProperty("injuries")));
        Assert.Equal(["F", "M"], Keys(ours.GetProperty("bySex")));
        Assert.Equal(["prevalence", "meanSeverity", "exposure", "injuries"], Keys(ours.GetProperty("bySex").GetProperty("F")));
        Assert.All(ours.GetProperty("byRegion").EnumerateObject(), p => Assert.Equal(["count", "per1000h"], Keys(p.Value)));

        var expected = Flatten(r);
        var actual = Flatten(ours);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, e) in expected)
        {
            var a = actual[path];
            if (e is double x && a is double y)
            {
                Assert.True(Math.Abs(x - y) <= Math.Max(1e-12, 1e-6 * Math.Abs(x)), $"{path}: {y:R} vs R {x:R}");
            }
            else
            {
                Assert.Equal(e, a);
            }
        }
    }

    [Fact]
    public async Task One_week_writes_null_bounds_and_no_km_a_null_rate()
    {
        var (exit, stdout, _) = await Cli.RunAsync(Args("one-week"));

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(stdout).RootElement;
        var any = json.GetProperty("prevalence").GetProperty("any");
        Assert.Equal(50, any.GetProperty("estimate").GetDouble());
        Assert.Equal(JsonValueKind.Null, any.GetProperty("lower").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("injuries").GetProperty("per1000km").GetProperty("estimate").ValueKind);
    }

    [Fact]
    public async Task Text_is_a_readable_table_with_the_same_numbers()
    {
        var (exit, stdout, _) = await Cli.RunAsync(Args("one-week", "--format", "text"));

        Assert.Equal(0, exit);
        Assert.Contains("Surveillance: 4 athletes, 1 weeks with answers.", stdout, StringComparison.Ordinal);
        Assert.Contains("Women (F)", stdout, StringComparison.Ordinal);
        Assert.Matches(@"Weekly prevalence, any %\s+50\s", stdout);
        Assert.Matches(@"Mean severity \(0-100\)\s+33\s", stdout);
        Assert.Contains("G Hip and groin", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_2013_rule_can_be_chosen()
    {
        // Two athletes in one week: A has pain only (0,0,0,2), B nothing. The O2 gate: 0 %; any item: 50 %.
        var checkins = Write("athlete_id,sex,week_start,area,q1,q2,q3,q4\nA,F,2026-01-05,knee,0,0,0,2\nB,M,2026-01-05,knee,0,0,0,0\n");
        var exposure = Write("athlete_id,date,hours,km\nA,2026-01-06,1,10\n");
        var injuries = Write("athlete_id,onset_date,region,tissue,onset,mechanism,time_loss_days\n");
        string[] args = ["surveillance", "--checkins", checkins, "--exposure", exposure, "--injuries", injuries];

        var gate = await Cli.RunAsync(args);
        var anyItem = await Cli.RunAsync([.. args, "--problem-rule", "any-item"]);

        Assert.Equal(0, Prevalence(gate.Stdout));
        Assert.Equal(50, Prevalence(anyItem.Stdout));
    }

    [Fact]
    public async Task Bad_rows_fail_with_exit_2_naming_file_line_and_column()
    {
        var checkins = Write("athlete_id,sex,week_start,area,q1,q2,q3,q4\nA,F,2026-01-05,knee,0,0,0,0\nB,F,2026-01-05,knee,5,0,0,0\n");
        var exposure = Write("athlete_id,date,hours,km\nA,2026-13-06,1,10\n");
        var injuries = Write("athlete_id,onset_date,region,tissue,onset,mechanism\n");

        var (exit, stdout, stderr) = await Cli.RunAsync("surveillance", "--checkins", checkins, "--exposure", exposure, "--injuries", injuries);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"{Path.GetFileName(checkins)}: line 3, column q1: must be an answer index 0, 1, 2 or 3, or empty (found '5')", stderr, StringComparison.Ordinal);
        Assert.Contains($"{Path.GetFileName(exposure)}: line 2, column date: '2026-13-06' is not a date in the form YYYY-MM-DD", stderr, StringComparison.Ordinal);
        Assert.Contains($"{Path.GetFileName(injuries)}: line 1, column time_loss_days: the header lacks this required column", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_options_and_bad_wording_fail_with_exit_2()
    {
        var missing = await Cli.RunAsync("surveillance", "--checkins", "/nonexistent/c.csv", "--exposure", Fixture("season-exposure.csv"), "--injuries", Fixture("season-injuries.csv"));
        var noOption = await Cli.RunAsync("surveillance", "--checkins", Fixture("season-checkins.csv"));
        var wording = await Cli.RunAsync(Args("season", "--instrument", Write("{\"version\":\"x\"}")));

        Assert.Equal(2, missing.Exit);
        Assert.Contains("/nonexistent/c.csv does not exist", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noOption.Exit);
        Assert.Contains("--exposure", noOption.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, wording.Exit);
        Assert.Contains("$.areas: must be a non-empty array", wording.Stderr, StringComparison.Ordinal);
    }

    private static double Prevalence(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("prevalence").GetProperty("any").GetProperty("estimate").GetDouble();

    private static List<string> Keys(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    private string Write(string content) => files.Write(content);

    /// <summary>Every leaf of a JSON document by its path: numbers as double, null as null.</summary>
    private static Dictionary<string, object?> Flatten(JsonElement root)
    {
        var leaves = new Dictionary<string, object?>();
        void Walk(JsonElement x, string path)
        {
            if (x.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in x.EnumerateObject())
                {
                    Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}");
                }
            }
            else
            {
                leaves[path] = x.ValueKind == JsonValueKind.Number ? x.GetDouble() : null;
            }
        }

        Walk(root, "");
        return leaves;
    }

    private static string FixturesDirectory([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "HipCheck.Core.Tests", "Surveillance", "fixtures"));
}
