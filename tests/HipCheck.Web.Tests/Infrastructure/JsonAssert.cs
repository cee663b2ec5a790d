using System.Text.Json;

namespace HipCheck.Web.Tests.Infrastructure;

public static class JsonAssert
{
    /// <summary>Hand-computed values are compared to 1e-6 (relative for large numbers).</summary>
    public static void Number(double expected, JsonElement parent, string property)
    {
        Assert.True(parent.TryGetProperty(property, out var value), $"no '{property}' in {parent}");
        Assert.True(value.ValueKind == JsonValueKind.Number, $"'{property}' is {value.ValueKind}, expected the number {expected}, in {parent}");
        var actual = value.GetDouble();
        var tolerance = Math.Max(1e-6, Math.Abs(expected) * 1e-9);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"'{property}': expected {expected}, got {actual}");
    }

    /// <summary>The contract names these fields with a null value, so they must be present and null.</summary>
    public static void Null(JsonElement parent, string property)
    {
        Assert.True(parent.TryGetProperty(property, out var value), $"no '{property}' in {parent} (the contract sends it as null)");
        Assert.True(value.ValueKind == JsonValueKind.Null, $"'{property}' should be null, got {value}");
    }

    public static void Text(string expected, JsonElement parent, string property)
    {
        Assert.True(parent.TryGetProperty(property, out var value), $"no '{property}' in {parent}");
        Assert.True(value.ValueKind == JsonValueKind.String, $"'{property}' is {value.ValueKind}, expected \"{expected}\"");
        Assert.Equal(expected, value.GetString());
    }

    public static double[] Numbers(JsonElement parent, string property) =>
        [.. parent.GetProperty(property).EnumerateArray().Select(e => e.GetDouble())];

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static JsonElement[] Items(this JsonElement array)
    {
        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        return [.. array.EnumerateArray()];
    }

    /// <summary>The result of one test in a screening document, found by its code.</summary>
    public static JsonElement Result(this JsonElement screening, string test)
    {
        var matches = screening.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("test").GetString() == test).ToList();
        Assert.True(matches.Count == 1, $"expected one '{test}' result in {screening}");
        return matches[0];
    }

    public static (string Code, string? Side)[] Warnings(this JsonElement result) =>
        [.. result.GetProperty("warnings").EnumerateArray()
            .Select(w => (w.GetProperty("code").GetString()!, w.TryGetProperty("side", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null))];
}
