using System.Globalization;
using System.Text.Json;

namespace HipCheck.Core.Tests.Statistics.A;

/// <summary>
/// The R reference values in Statistics/fixtures/stats-a.json, written by stats-a.R beside it (R 4.2, epitools,
/// pwr). Numbers carry 17 significant digits; NaN and ±∞ are the strings "NaN", "Infinity", "-Infinity".
/// </summary>
internal static class RReference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Statistics", "fixtures", "stats-a.json"))));

    public static IEnumerable<JsonElement> Cases(string section) => Document.Value.RootElement.GetProperty(section).EnumerateArray();

    public static double Number(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => double.Parse(element.GetString()!, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not a number: {element}"),
    };

    public static double Number(this JsonElement element, string property) => element.GetProperty(property).Number();

    public static double[] Numbers(this JsonElement element, string property) =>
        [.. element.GetProperty(property).EnumerateArray().Select(e => e.Number())];

    public static string Name(this JsonElement element) => element.GetProperty("name").GetString()!;
}

/// <summary>
/// Collects comparisons with R for one family of statistics, keeps the worst relative error per statistic, and
/// fails once at the end with every disagreement listed.
/// Tolerances (issue 4): statistics to 1e-6 relative; p-values to 1e-6 absolute or relative, whichever is larger.
/// NaN and ±∞ must match exactly. Statistics whose R value is rounding noise around zero (|x| &lt; 1e-12, such as
/// a Yates-corrected X² of 3e-31) are compared absolutely to 1e-12.
/// </summary>
internal sealed class Agreement
{
    private readonly List<string> _failures = [];
    private readonly SortedDictionary<string, (double Error, string Case)> _worst = new(StringComparer.Ordinal);

    public void Statistic(string statistic, string @case, double expected, double actual, double relative = 1e-6) =>
        Check(statistic, @case, expected, actual, Math.Max(relative * Math.Abs(expected), 1e-12));

    public void PValue(string statistic, string @case, double expected, double actual) =>
        Check(statistic, @case, expected, actual, Math.Max(1e-6, 1e-6 * Math.Abs(expected)));

    public void Check(string statistic, string @case, double expected, double actual, double tolerance)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            if (!expected.Equals(actual))
            {
                _failures.Add($"{statistic} [{@case}]: R gives {expected}, got {actual:R}");
            }

            return;
        }

        var error = Math.Abs(actual - expected);
        if (!(error <= tolerance))
        {
            _failures.Add($"{statistic} [{@case}]: R gives {expected:R}, got {actual:R} (difference {error:E2}, tolerance {tolerance:E2})");
        }

        var relative = expected == 0 ? error : error / Math.Abs(expected);
        if (!_worst.TryGetValue(statistic, out var worst) || !(relative <= worst.Error))
        {
            _worst[statistic] = (relative, @case);
        }
    }

    /// <summary>Writes the worst relative error per statistic to the test output, then asserts no disagreement.</summary>
    public void AssertAll()
    {
        var output = TestContext.Current.TestOutputHelper;
        foreach (var (statistic, (error, @case)) in _worst)
        {
            output?.WriteLine($"{statistic}: worst relative error {error:E2} ({@case})");
        }

        Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures));
    }
}
