using System.Text.Json;

namespace HipCheck.Core.Tests.Studies;

/// <summary>
/// Compares two JSON documents key by key: the same keys in the same order, the same strings, nulls in the same
/// places, and numbers within tolerance: 1e-6 relative (with a 1e-12 absolute floor for values at zero), and for
/// p-values (keys "p", "fisherP") 1e-6 absolute or relative, whichever is larger (issue 4).
/// </summary>
internal static class JsonAgreement
{
    public const double Relative = 1e-6;

    /// <summary>The differences found, each as "path: ours vs theirs"; empty when the documents agree.</summary>
    public static List<string> Differences(JsonElement ours, JsonElement theirs, IReadOnlySet<string>? ignoredKeys = null)
    {
        var found = new List<string>();
        Compare(ours, theirs, "$", "", found, ignoredKeys ?? new HashSet<string>());
        return found;
    }

    private static void Compare(JsonElement ours, JsonElement theirs, string path, string key, List<string> found, IReadOnlySet<string> ignored)
    {
        if (ours.ValueKind != theirs.ValueKind && !(IsNumber(ours) && IsNumber(theirs)))
        {
            found.Add($"{path}: {ours} vs {theirs}");
            return;
        }

        switch (ours.ValueKind)
        {
            case JsonValueKind.Object:
                var mine = ours.EnumerateObject().Where(p => !ignored.Contains(p.Name)).ToList();
                var other = theirs.EnumerateObject().Where(p => !ignored.Contains(p.Name)).ToList();
                var names = mine.Select(p => p.Name).ToList();
                var otherNames = other.Select(p => p.Name).ToList();
                if (!names.SequenceEqual(otherNames))
                {
                    found.Add($"{path}: keys [{string.Join(", ", names)}] vs [{string.Join(", ", otherNames)}]");
                    return;
                }

                for (var i = 0; i < mine.Count; i++)
                {
                    Compare(mine[i].Value, other[i].Value, $"{path}.{mine[i].Name}", mine[i].Name, found, ignored);
                }

                break;
            case JsonValueKind.Array:
                var a = ours.EnumerateArray().ToList();
                var b = theirs.EnumerateArray().ToList();
                if (a.Count != b.Count)
                {
                    found.Add($"{path}: {a.Count} items vs {b.Count}");
                    return;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    Compare(a[i], b[i], $"{path}[{i}]", key, found, ignored);
                }

                break;
            case JsonValueKind.Number:
                var x = ours.GetDouble();
                var y = theirs.GetDouble();
                var scale = Math.Max(Math.Abs(x), Math.Abs(y));
                var tolerance = key is "p" or "fisherP" ? Math.Max(Relative, Relative * scale) : Math.Max(1e-12, Relative * scale);
                if (!(Math.Abs(x - y) <= tolerance))
                {
                    found.Add($"{path}: {x:R} vs {y:R} (difference {Math.Abs(x - y):G3}, tolerance {tolerance:G3})");
                }

                break;
            case JsonValueKind.String:
                if (ours.GetString() != theirs.GetString())
                {
                    found.Add($"{path}: \"{ours.GetString()}\" vs \"{theirs.GetString()}\"");
                }

                break;
            default:
                break;
        }
    }

    private static bool IsNumber(JsonElement e) => e.ValueKind == JsonValueKind.Number;
}
