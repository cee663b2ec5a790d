using System.Text.Json;

namespace HipCheck.Core.Tests.Statistics.B;

/// <summary>
/// The R reference values of Statistics/fixtures/stats-b.json (made by stats-b.R beside it: R 4.2.2, survival 3.5-3),
/// with the data sets they came from, and the comparison rules of issue 4: 1e-6 relative, p-values 1e-6 absolute or
/// relative, whichever is larger.
/// </summary>
internal static class StatsBFixture
{
    public const double Relative = 1e-6;

    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Statistics", "fixtures", "stats-b.json"))));

    public static JsonElement Case(string section, string name) =>
        Document.Value.RootElement.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<string> CaseNames(string section) =>
        Document.Value.RootElement.GetProperty(section).EnumerateArray().Select(c => c.GetProperty("name").GetString()!);

    public static double[] Numbers(this JsonElement c, string property) =>
        c.GetProperty(property).EnumerateArray().Select(ToDouble).ToArray();

    public static double Number(this JsonElement c, string property) => ToDouble(c.GetProperty(property));

    public static bool[] Flags(this JsonElement c, string property) =>
        c.GetProperty(property).EnumerateArray().Select(e => e.GetDouble() != 0).ToArray();

    public static int[] Integers(this JsonElement c, string property) =>
        c.GetProperty(property).EnumerateArray().Select(e => (int)e.GetDouble()).ToArray();

    public static string[] Strings(this JsonElement c, string property) =>
        c.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static double[][] Columns(this JsonElement c) =>
        c.GetProperty("x").EnumerateArray().Select(col => col.EnumerateArray().Select(ToDouble).ToArray()).ToArray();

    private static double ToDouble(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String => double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        _ => e.GetDouble(),
    };

    /// <summary>|actual − expected| ≤ 1e-6 |expected|; NaN matches NaN (R's NA).</summary>
    public static void Close(double expected, double actual, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN (R's NA), got {actual:R}");
            return;
        }

        Assert.True(
            Math.Abs(actual - expected) <= Relative * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {RelativeError(expected, actual):E2})");
    }

    /// <summary>A p-value: within 1e-6 absolute or 1e-6 relative, whichever is larger.</summary>
    public static void CloseP(double expected, double actual, string what) =>
        Assert.True(
            Math.Abs(actual - expected) <= Math.Max(Relative, Relative * Math.Abs(expected)),
            $"{what}: expected p = {expected:R}, got {actual:R}");

    public static double RelativeError(double expected, double actual) =>
        expected == actual ? 0 : Math.Abs(actual - expected) / Math.Abs(expected);
}
