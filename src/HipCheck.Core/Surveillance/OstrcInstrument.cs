using System.Text.Json;
using System.Text.RegularExpressions;

namespace HipCheck.Core.Surveillance;

/// <summary>A body area the weekly questionnaire asks about, with the OSIICS region letter it maps to.</summary>
/// <param name="Code">Stable code used in data and exports (<c>hip-groin</c>); never translated.</param>
/// <param name="Osiics">OSIICS region letter (Orchard et al. 2020), so problems can be linked to recorded injuries.</param>
/// <param name="Name">Display name in the instrument's language.</param>
public sealed record OstrcArea(string Code, string Osiics, string Name);

/// <summary>One of the four questions, with its four ordered answers (index 0 = least affected).</summary>
/// <param name="Number">1 to 4, in the order the questionnaire asks them.</param>
/// <param name="Code">Stable code: participation, training-modified, performance-affected, pain.</param>
public sealed record OstrcItem(int Number, string Code, string Question, IReadOnlyList<string> Answers);

/// <summary>
/// The weekly overuse questionnaire (OSTRC-O2: Clarsen et al., Br J Sports Med 2020;54:390-396,
/// doi:10.1136/bjsports-2019-101337; first version Clarsen et al. 2013, doi:10.1136/bjsports-2012-091524) as data:
/// the areas asked about and the wording of the four items. The wording is ours (the published wording is not
/// copied); a study may load its own validated wording with <see cref="Parse"/>. Structure and scoring are fixed
/// here, not in the data: always the same four items in the same order, each with four ordered answers scored
/// 0, 8, 17 and 25 (<see cref="OstrcScoring"/>), so replacement wording can never change a score.
/// </summary>
public sealed partial record OstrcInstrument(
    string Version,
    string Language,
    string Instructions,
    IReadOnlyList<OstrcArea> Areas,
    IReadOnlyList<OstrcItem> Items)
{
    /// <summary>The manifest name of the embedded instrument.</summary>
    public const string ResourceName = "HipCheck.Core.Surveillance.ostrc-o2.json";

    /// <summary>The item codes, in the order the questionnaire asks them.</summary>
    public static IReadOnlyList<string> ItemCodes { get; } = ["participation", "training-modified", "performance-affected", "pain"];

    /// <summary>OSIICS region letters an area may map to (the ones DOMAIN.md lists as confirmed).</summary>
    public static IReadOnlyList<string> RegionLetters { get; } = ["L", "G", "T", "K", "Q", "A", "F", "Z", "X"];

    private static readonly Lazy<OstrcInstrument> Shipped = new(() => Parse(ReadEmbeddedJson()));

    /// <summary>The wording shipped with HipCheck, parsed and validated once per process.</summary>
    /// <exception cref="InvalidInstrumentException">The embedded resource is malformed (a build that must not ship).</exception>
    public static OstrcInstrument Default => Shipped.Value;

    /// <summary>Finds an area by its code (case-sensitive, as stored).</summary>
    public OstrcArea? FindArea(string code) => Areas.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.Ordinal));

    /// <summary>The embedded JSON text, for callers that show the raw wording or start a translation from it.</summary>
    public static string ReadEmbeddedJson()
    {
        using var stream = typeof(OstrcInstrument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidInstrumentException([$"The embedded resource {ResourceName} is missing."]);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Parses and validates an instrument: a version, a language, instructions, at least one area (unique
    /// lower-case codes, an OSIICS letter from <see cref="RegionLetters"/>, a name) and exactly the four items of
    /// <see cref="ItemCodes"/> in order, each with a question and four non-empty answers.
    /// </summary>
    /// <exception cref="InvalidInstrumentException">The JSON is malformed or breaks a rule; every problem is listed.</exception>
    public static OstrcInstrument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidInstrumentException([$"$: not valid JSON ({e.Message})"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInstrumentException(["$: must be a JSON object"]);
            }

            var version = Text(root, "version", "$", problems);
            var language = Text(root, "language", "$", problems);
            var instructions = Text(root, "instructions", "$", problems);
            var areas = ParseAreas(root, problems);
            var items = ParseItems(root, problems);
            if (problems.Count > 0)
            {
                throw new InvalidInstrumentException(problems);
            }

            return new OstrcInstrument(version!, language!, instructions!, areas, items);
        }
    }

    private static List<OstrcArea> ParseAreas(JsonElement root, List<string> problems)
    {
        var areas = new List<OstrcArea>();
        if (!root.TryGetProperty("areas", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            problems.Add("$.areas: must be a non-empty array");
            return areas;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var a in list.EnumerateArray())
        {
            var path = $"$.areas[{i++}]";
            var code = Text(a, "code", path, problems);
            var osiics = Text(a, "osiics", path, problems);
            var name = Text(a, "name", path, problems);
            if (code is not null && !AreaCodePattern().IsMatch(code))
            {
                problems.Add($"{path}.code: '{code}' must be lower-case words joined by hyphens (e.g. hip-groin)");
            }
            else if (code is not null && !seen.Add(code))
            {
                problems.Add($"{path}.code: '{code}' appears twice");
            }

            if (osiics is not null && !RegionLetters.Contains(osiics, StringComparer.Ordinal))
            {
                problems.Add($"{path}.osiics: '{osiics}' is not one of {string.Join(", ", RegionLetters)}");
            }

            if (code is not null && osiics is not null && name is not null)
            {
                areas.Add(new OstrcArea(code, osiics, name));
            }
        }

        return areas;
    }

    private static List<OstrcItem> ParseItems(JsonElement root, List<string> problems)
    {
        var items = new List<OstrcItem>();
        if (!root.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("$.items: must be an array of the four items");
            return items;
        }

        if (list.GetArrayLength() != ItemCodes.Count)
        {
            problems.Add($"$.items: must hold exactly {ItemCodes.Count} items ({string.Join(", ", ItemCodes)}), found {list.GetArrayLength()}");
            return items;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"$.items[{i}]";
            var code = Text(item, "code", path, problems);
            if (code is not null && !string.Equals(code, ItemCodes[i], StringComparison.Ordinal))
            {
                problems.Add($"{path}.code: must be '{ItemCodes[i]}' (the items have a fixed order), found '{code}'");
            }

            var question = Text(item, "question", path, problems);
            var answers = new List<string>();
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("answers", out var answerList)
                || answerList.ValueKind != JsonValueKind.Array || answerList.GetArrayLength() != OstrcScoring.AnswerScores.Count)
            {
                problems.Add($"{path}.answers: must be an array of exactly {OstrcScoring.AnswerScores.Count} answers, least affected first");
            }
            else
            {
                var j = 0;
                foreach (var answer in answerList.EnumerateArray())
                {
                    if (answer.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(answer.GetString()))
                    {
                        answers.Add(answer.GetString()!.Trim());
                    }
                    else
                    {
                        problems.Add($"{path}.answers[{j}]: must be non-empty text");
                    }

                    j++;
                }
            }

            if (question is not null && answers.Count == OstrcScoring.AnswerScores.Count)
            {
                items.Add(new OstrcItem(i + 1, ItemCodes[i], question, answers));
            }

            i++;
        }

        return items;
    }

    private static string? Text(JsonElement element, string field, string path, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var v)
            && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
        {
            return v.GetString()!.Trim();
        }

        problems.Add($"{path}.{field}: is required (non-empty text)");
        return null;
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex AreaCodePattern();
}

/// <summary>An instrument's JSON is malformed. <see cref="Problems"/> lists every problem with its JSON path.</summary>
public sealed class InvalidInstrumentException : Exception
{
    public InvalidInstrumentException()
        : this([])
    {
    }

    public InvalidInstrumentException(string message)
        : this([message])
    {
    }

    public InvalidInstrumentException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public InvalidInstrumentException(IReadOnlyList<string> problems)
        : base($"The questionnaire wording is invalid: {string.Join("; ", problems ?? [])}")
    {
        Problems = problems ?? [];
    }

    /// <summary>Each problem, with the JSON path it concerns.</summary>
    public IReadOnlyList<string> Problems { get; }
}
