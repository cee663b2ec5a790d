using System.Globalization;
using System.Text.Json;

namespace HipCheck.Core.Training;

/// <summary>Field access on one JSON object that records a problem (with its path) instead of throwing.</summary>
internal sealed class ExerciseJsonReader(JsonElement element, string path, List<string> problems)
{
    private readonly int problemsAtStart = problems.Count;

    public bool HasProblems => problems.Count > problemsAtStart;

    public void Problem(string field, string message) => problems.Add($"{path}.{field}: {message}.");

    public T? Problem<T>(string field, string message)
    {
        Problem(field, message);
        return default;
    }

    private JsonElement? Get(string field) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var v) && v.ValueKind != JsonValueKind.Null
            ? v
            : null;

    public string? Text(string field)
    {
        var v = Get(field);
        if (v is { ValueKind: JsonValueKind.String } s && !string.IsNullOrWhiteSpace(s.GetString()))
        {
            return s.GetString()!.Trim();
        }

        return Problem<string>(field, "is required (non-empty text)");
    }

    public string? OptionalText(string field) =>
        Get(field) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    public double? OptionalNumber(string field)
    {
        var v = Get(field);
        if (v is null)
        {
            return null;
        }

        if (v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetDouble(out var d) && double.IsFinite(d) && d >= 0)
        {
            return d;
        }

        return Problem<double?>(field, "must be a finite number >= 0");
    }

    public double? Coordinate(string field, double max)
    {
        var v = OptionalNumber(field);
        if (v is null)
        {
            return Problem<double?>(field, "is required");
        }

        return v <= max ? v : Problem<double?>(field, string.Create(CultureInfo.InvariantCulture, $"{v} lies outside the canvas (0-{max})"));
    }

    public int? Int(string field, int min, int max)
    {
        var v = Get(field);
        if (v is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var i) && i >= min && i <= max)
        {
            return i;
        }

        return Problem<int?>(field, $"must be a whole number from {min} to {max}");
    }

    public bool? Bool(string field)
    {
        var v = Get(field);
        if (v is { ValueKind: JsonValueKind.True or JsonValueKind.False } b)
        {
            return b.GetBoolean();
        }

        return Problem<bool?>(field, "must be true or false");
    }

    public List<string> Texts(string field)
    {
        var v = Get(field);
        if (v is not { ValueKind: JsonValueKind.Array } a || a.GetArrayLength() == 0)
        {
            Problem(field, "must be a non-empty array of text");
            return [];
        }

        var list = new List<string>();
        foreach (var item in a.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                list.Add(item.GetString()!.Trim());
            }
            else
            {
                Problem(field, "holds an empty or non-text item");
            }
        }

        return list;
    }

    public IEnumerable<ExerciseJsonReader> Objects(string field)
    {
        var v = Get(field);
        if (v is not { ValueKind: JsonValueKind.Array } a || a.GetArrayLength() == 0)
        {
            Problem(field, "must be a non-empty array");
            yield break;
        }

        var i = 0;
        foreach (var item in a.EnumerateArray())
        {
            yield return new ExerciseJsonReader(item, $"{path}.{field}[{i++}]", problems);
        }
    }

    public ExerciseJsonReader? Child(string field)
    {
        var v = Get(field);
        return v is { ValueKind: JsonValueKind.Object } o
            ? new ExerciseJsonReader(o, $"{path}.{field}", problems)
            : Problem<ExerciseJsonReader>(field, "must be an object");
    }

    public IReadOnlyList<(double X, double Y)>? Points(string field, double width, double height)
    {
        var v = Get(field);
        if (v is not { ValueKind: JsonValueKind.Array } a || a.GetArrayLength() < 2)
        {
            return Problem<IReadOnlyList<(double X, double Y)>>(field, "must hold at least two [x, y] points");
        }

        var list = new List<(double X, double Y)>();
        foreach (var p in a.EnumerateArray())
        {
            if (p.ValueKind == JsonValueKind.Array && p.GetArrayLength() == 2
                && p[0].TryGetDouble(out var x) && p[1].TryGetDouble(out var y)
                && x >= 0 && x <= width && y >= 0 && y <= height)
            {
                list.Add((x, y));
            }
            else
            {
                return Problem<IReadOnlyList<(double X, double Y)>>(field, "holds a point that is not [x, y] on the canvas");
            }
        }

        return list;
    }
}
