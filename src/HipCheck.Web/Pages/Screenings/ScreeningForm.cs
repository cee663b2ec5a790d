using System.Globalization;
using HipCheck.Core.Measurement;
using HipCheck.Core.Validation;
using HipCheck.Web.Screenings;

namespace HipCheck.Web.Pages.Screenings;

/// <summary>
/// The screening form: one block per catalogue test, three trial boxes per side. Values arrive as text so
/// each box gets its own message; blank tests are skipped. <see cref="ToRequest"/> builds the same
/// <see cref="ScreeningRequest"/> the API takes, and <see cref="FormKey"/> maps the API's field paths back to
/// the boxes, so the form shows exactly the API's validation messages.
/// </summary>
public sealed class ScreeningForm
{
    public const int TrialBoxes = 3;

    public DateOnly? Date { get; set; }

    public double? BodyMassKg { get; set; }

    public List<TestBlock> Tests { get; set; } = [];

    public static ScreeningForm Blank(DateOnly today, double bodyMassKg) => new()
    {
        Date = today,
        BodyMassKg = bodyMassKg,
        Tests = TestCatalogue.All.Select(t => new TestBlock { Code = t.Code, Unit = t.Kind == MeasureKind.Force ? "N" : null }).ToList(),
    };

    /// <summary>Makes sure there is one block per catalogue test in catalogue order, whatever was posted.</summary>
    public void Normalise()
    {
        Tests = TestCatalogue.All.Select(t =>
        {
            var posted = Tests.FirstOrDefault(b => string.Equals(b.Code, t.Code, StringComparison.Ordinal)) ?? new TestBlock { Code = t.Code };
            posted.Left = Pad(posted.Left);
            posted.Right = Pad(posted.Right);
            return posted;
        }).ToList();
    }

    /// <summary>Parses the boxes; a box that is not a number is reported here, the rest by the shared rules.</summary>
    public (ScreeningRequest Request, Dictionary<string, string> KeyMap, List<FieldError> ParseErrors) ToRequest()
    {
        var entries = new List<TestEntry?>();
        var keyMap = new Dictionary<string, string>(StringComparer.Ordinal);
        var parseErrors = new List<FieldError>();
        for (var b = 0; b < Tests.Count; b++)
        {
            var block = Tests[b];
            var definition = TestCatalogue.Find(block.Code);
            if (definition is null || block.IsBlank(definition))
            {
                continue;
            }

            var i = entries.Count;
            var formPrefix = $"Tests[{b}]";
            var apiPrefix = $"tests[{i}]";
            keyMap[apiPrefix] = formPrefix;
            keyMap[$"{apiPrefix}.test"] = formPrefix;
            keyMap[$"{apiPrefix}.unit"] = $"{formPrefix}.Unit";
            keyMap[$"{apiPrefix}.leverArmM"] = $"{formPrefix}.LeverArmM";
            keyMap[$"{apiPrefix}.seconds"] = $"{formPrefix}.Seconds";
            var left = ParseSide(block.Left, $"{apiPrefix}.left", $"{formPrefix}.Left", keyMap, parseErrors);
            var right = ParseSide(block.Right, $"{apiPrefix}.right", $"{formPrefix}.Right", keyMap, parseErrors);
            var lever = ParseOptional(block.LeverArmM, $"{formPrefix}.LeverArmM", parseErrors);
            var seconds = ParseOptional(block.Seconds, $"{formPrefix}.Seconds", parseErrors);
            entries.Add(definition.Sided
                ? new TestEntry(definition.Code, definition.Kind == MeasureKind.Force ? block.Unit : null, left, right, lever)
                : new TestEntry(definition.Code, Seconds: seconds));
        }

        keyMap["tests"] = "Tests";
        keyMap["date"] = "Date";
        keyMap["bodyMassKg"] = "BodyMassKg";
        return (new ScreeningRequest(Date, BodyMassKg, entries), keyMap, parseErrors);
    }

    public static string FormKey(Dictionary<string, string> keyMap, string apiField) =>
        keyMap.TryGetValue(apiField, out var key) ? key : apiField;

    private static List<double> ParseSide(string?[] boxes, string apiPath, string formPath, Dictionary<string, string> keyMap, List<FieldError> errors)
    {
        keyMap[apiPath] = formPath;
        var values = new List<double>();
        for (var j = 0; j < boxes.Length; j++)
        {
            if (string.IsNullOrWhiteSpace(boxes[j]))
            {
                continue;
            }

            keyMap[$"{apiPath}[{values.Count}]"] = $"{formPath}[{j}]";
            if (TryParse(boxes[j], out var v))
            {
                values.Add(v);
            }
            else
            {
                errors.Add(new FieldError($"{formPath}[{j}]", $"'{boxes[j]}' is not a number."));
            }
        }

        return values;
    }

    private static double? ParseOptional(string? box, string formPath, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(box))
        {
            return null;
        }

        if (TryParse(box, out var v))
        {
            return v;
        }

        errors.Add(new FieldError(formPath, $"'{box}' is not a number."));
        return null;
    }

    /// <summary>Accepts a decimal point or a decimal comma, as typed on phones in many countries.</summary>
    private static bool TryParse(string? text, out double value) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static string?[] Pad(string?[]? values)
    {
        var padded = new string?[TrialBoxes];
        if (values is not null)
        {
            Array.Copy(values, padded, Math.Min(values.Length, TrialBoxes));
        }

        return padded;
    }
}

public sealed class TestBlock
{
    public string Code { get; set; } = "";

    public string? Unit { get; set; }

    public string?[] Left { get; set; } = new string?[ScreeningForm.TrialBoxes];

    public string?[] Right { get; set; } = new string?[ScreeningForm.TrialBoxes];

    public string? LeverArmM { get; set; }

    public string? Seconds { get; set; }

    public bool IsBlank(TestDefinition definition) => definition.Sided
        ? Left.All(string.IsNullOrWhiteSpace) && Right.All(string.IsNullOrWhiteSpace)
        : string.IsNullOrWhiteSpace(Seconds);
}
