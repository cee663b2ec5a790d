using System.Globalization;
using System.Text.Json;
using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Risk;

/// <summary>
/// Reads the catalogue JSON with <see cref="JsonDocument"/> and checks everything a rule depends on, collecting
/// every problem (with its JSON path) before failing, so one run shows all that needs fixing.
/// </summary>
internal static class CatalogueParser
{
    private static readonly string[] RootFields = ["version", "notes", "studies", "norms", "rules"];

    private static readonly string[] StudyFields =
    [
        "id", "authors", "year", "title", "journal", "citation", "doi", "pmid", "design", "population", "sampleSize",
        "events", "finding", "verification", "sourceRead",
    ];

    private static readonly string[] NormFields =
    [
        "id", "testCode", "sex", "ageMin", "ageMax", "unit", "contraction", "mean", "sd", "n", "ci95Low", "ci95High",
        "protocol", "studyId",
    ];

    private static readonly string[] RuleFields =
    [
        "id", "outcome", "outcomeName", "sex", "ageMin", "ageMax", "metric", "comparator", "threshold",
        "thresholdIsConvention", "thresholdSource", "evidence", "explanation", "advice",
    ];

    private static readonly string[] MetricFields = ["kind", "testCode"];
    private static readonly string[] EvidenceFields = ["study", "role", "eventsInPopulation"];

    public static EvidenceCatalogue Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidCatalogueException([$"The catalogue is not valid JSON: {ex.Message}"]);
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidCatalogueException([$"The catalogue must be a JSON object with version, studies, norms and rules, not {Kind(root)}."]);
            }

            var fields = new Fields(root, "catalogue", problems, RootFields);
            var version = fields.Text("version");
            var studies = ReadAll(fields.Array("studies"), "studies", problems, ReadStudy);
            var studyById = Unique(studies, s => s.Id, "studies", "study", problems);
            var norms = ReadAll(fields.Array("norms"), "norms", problems, (e, p, pr) => ReadNorm(e, p, pr, studyById));
            Unique(norms, n => n.Id, "norms", "norm", problems);
            var rules = ReadAll(fields.Array("rules"), "rules", problems, (e, p, pr) => ReadRule(e, p, pr, studyById));
            Unique(rules, r => r.Id, "rules", "rule", problems);

            if (problems.Count > 0)
            {
                throw new InvalidCatalogueException(problems);
            }

            return new EvidenceCatalogue(version!, studies, norms, rules);
        }
    }

    private static List<T> ReadAll<T>(
        JsonElement? array, string path, List<string> problems, Func<JsonElement, string, List<string>, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (array is not { } a)
        {
            return items;
        }

        var i = 0;
        foreach (var element in a.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{itemPath}: must be an object, not {Kind(element)}.");
                continue;
            }

            if (element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                itemPath = $"{itemPath} '{id.GetString()}'";
            }

            var before = problems.Count;
            var item = read(element, itemPath, problems);
            if (item is not null && problems.Count == before)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static Dictionary<string, T> Unique<T>(List<T> items, Func<T, string> id, string path, string what, List<string> problems)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!byId.TryAdd(id(item), item))
            {
                problems.Add($"{path}: duplicate {what} id '{id(item)}'; ids must be unique.");
            }
        }

        return byId;
    }

    private static Study? ReadStudy(JsonElement element, string path, List<string> problems)
    {
        var f = new Fields(element, path, problems, StudyFields);
        var id = f.Id();
        var authors = f.Text("authors");
        var year = f.Integer("year", required: true);
        if (year is < 1900 or > 2100)
        {
            problems.Add($"{path}.year: {year} is not a plausible publication year.");
        }

        var title = f.Text("title");
        var journal = f.Text("journal");
        var citation = f.Text("citation");
        var doi = f.OptionalText("doi");
        var pmid = f.OptionalText("pmid");
        var design = f.Code<StudyDesign>("design", CatalogueCodes.TryParse, required: true);
        var population = f.Text("population");
        var sampleSize = f.Integer("sampleSize", required: false);
        var events = f.Integer("events", required: false);
        if (sampleSize is <= 0)
        {
            problems.Add($"{path}.sampleSize: must be greater than 0 (or null when not read).");
        }

        if (events is < 0)
        {
            problems.Add($"{path}.events: must not be negative.");
        }
        else if (events > sampleSize)
        {
            problems.Add($"{path}.events: {events} events cannot exceed the sample size of {sampleSize}.");
        }

        var finding = f.Text("finding");
        var verification = f.Code<Verification>("verification", CatalogueCodes.TryParse, required: true);
        var sourceRead = f.OptionalText("sourceRead");
        return id is null || authors is null || year is null || title is null || journal is null || citation is null
            || design is null || population is null || finding is null || verification is null
            ? null
            : new Study(id, authors, year.Value, title, journal, citation, doi, pmid, design.Value, population, sampleSize,
                events, finding, verification.Value, sourceRead);
    }

    private static Norm? ReadNorm(JsonElement element, string path, List<string> problems, Dictionary<string, Study> studies)
    {
        var f = new Fields(element, path, problems, NormFields);
        var id = f.Id();
        var test = f.TestCode("testCode");
        var sex = f.Code<Sex>("sex", CatalogueCodes.TryParse, required: false);
        var (ageMin, ageMax) = f.AgeRange();
        var unit = f.Code<NormUnit>("unit", CatalogueCodes.TryParse, required: true);
        var contraction = f.Code<Contraction>("contraction", CatalogueCodes.TryParse, required: true);
        var mean = f.Number("mean", required: true);
        if (mean is <= 0)
        {
            problems.Add($"{path}.mean: must be greater than 0.");
        }

        var sd = f.Number("sd", required: false);
        if (sd is <= 0)
        {
            problems.Add($"{path}.sd: a standard deviation must be greater than 0 (use null when the source gives none).");
        }

        var n = f.Integer("n", required: false);
        if (n is <= 0)
        {
            problems.Add($"{path}.n: must be greater than 0 (or null when not read).");
        }

        var ciLow = f.Number("ci95Low", required: false);
        var ciHigh = f.Number("ci95High", required: false);
        if (ciLow is null != ciHigh is null)
        {
            problems.Add($"{path}: give both ci95Low and ci95High, or neither.");
        }
        else if (ciLow > ciHigh)
        {
            problems.Add($"{path}: ci95Low {Num(ciLow!.Value)} is above ci95High {Num(ciHigh!.Value)}.");
        }
        else if (ciLow > mean || ciHigh < mean)
        {
            problems.Add($"{path}: the mean {Num(mean!.Value)} lies outside its 95 % CI {Num(ciLow!.Value)}-{Num(ciHigh!.Value)}.");
        }

        var protocol = f.Text("protocol");
        var studyId = f.Text("studyId");
        if (studyId is not null && !studies.ContainsKey(studyId))
        {
            problems.Add($"{path}.studyId: cites unknown study '{studyId}'.");
        }

        if (test is not null && unit is { } u && contraction is { } c)
        {
            var hold = test.Kind == MeasureKind.HoldSeconds;
            if (hold != (u == NormUnit.Seconds))
            {
                problems.Add($"{path}.unit: '{CatalogueCodes.Code(u)}' does not fit {test.Name}, which is measured in {(hold ? "seconds (s)" : "force (N/kg, Nm/kg or %BW)")}.");
            }

            if (hold != (c == Contraction.Hold))
            {
                problems.Add($"{path}.contraction: '{CatalogueCodes.Code(c)}' does not fit {test.Name}; use {(hold ? "hold" : "isometric or eccentric")}.");
            }
        }

        return id is null || test is null || unit is null || contraction is null || mean is null || protocol is null || studyId is null
            ? null
            : new Norm(id, test.Code, sex, ageMin, ageMax, unit.Value, contraction.Value, mean.Value, sd, n, ciLow, ciHigh,
                protocol, studyId);
    }

    private static EvidenceRule? ReadRule(JsonElement element, string path, List<string> problems, Dictionary<string, Study> studies)
    {
        var f = new Fields(element, path, problems, RuleFields);
        var id = f.Id();
        var outcome = f.Text("outcome");
        if (outcome is not null && !Outcomes.All.Contains(outcome, StringComparer.Ordinal))
        {
            problems.Add($"{path}.outcome: unknown outcome '{outcome}'; use one of {string.Join(", ", Outcomes.All)}.");
        }

        var outcomeName = f.Text("outcomeName");
        var sex = f.Code<Sex>("sex", CatalogueCodes.TryParse, required: false);
        var (ageMin, ageMax) = f.AgeRange();
        var metric = ReadMetric(f.Object("metric"), $"{path}.metric", problems);
        var comparator = f.Code<Comparator>("comparator", CatalogueCodes.TryParse, required: true);
        var threshold = f.Number("threshold", required: true);
        if (metric is not null && threshold is { } t && RiskAssessor.ValidateThreshold(metric, t) is { } thresholdProblem)
        {
            problems.Add($"{path}.threshold: {thresholdProblem}");
        }

        var isConvention = f.Boolean("thresholdIsConvention");
        var thresholdSource = f.Text("thresholdSource");
        var evidence = ReadEvidence(f.Array("evidence"), $"{path}.evidence", problems, studies);
        var explanation = f.Text("explanation");
        var advice = f.Text("advice");
        return id is null || outcome is null || outcomeName is null || metric is null || comparator is null || threshold is null
            || isConvention is null || thresholdSource is null || evidence is null || explanation is null || advice is null
            ? null
            : new EvidenceRule(id, outcome, outcomeName, sex, ageMin, ageMax, metric, comparator.Value, threshold.Value,
                isConvention.Value, thresholdSource, evidence, explanation, advice);
    }

    private static RuleMetric? ReadMetric(JsonElement? element, string path, List<string> problems)
    {
        if (element is not { } e)
        {
            return null;
        }

        var f = new Fields(e, path, problems, MetricFields);
        var kind = f.Code<MetricKind>("kind", CatalogueCodes.TryParse, required: true);
        var test = f.TestCode("testCode");
        if (kind is not { } k || test is null)
        {
            return null;
        }

        var fits = k switch
        {
            MetricKind.AsymmetryPercent => test.Sided,
            MetricKind.HoldSeconds => test.Kind == MeasureKind.HoldSeconds,
            MetricKind.NewtonsPerKg => test.Kind == MeasureKind.Force,
            _ => true,
        };
        if (!fits)
        {
            problems.Add($"{path}: '{CatalogueCodes.Code(k)}' cannot be measured by {test.Name} ({test.Code}).");
            return null;
        }

        return new RuleMetric(k, test.Code);
    }

    private static List<RuleEvidence>? ReadEvidence(
        JsonElement? array, string path, List<string> problems, Dictionary<string, Study> studies)
    {
        if (array is not { } a)
        {
            return null;
        }

        var evidence = new List<RuleEvidence>();
        var before = problems.Count;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var element in a.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{itemPath}: must be an object with study and role, not {Kind(element)}.");
                continue;
            }

            var f = new Fields(element, itemPath, problems, EvidenceFields);
            var studyId = f.Text("study");
            var role = f.Code<EvidenceRole>("role", CatalogueCodes.TryParse, required: true);
            var events = f.Integer("eventsInPopulation", required: false);
            Study? study = null;
            if (studyId is not null && !studies.TryGetValue(studyId, out study))
            {
                problems.Add($"{itemPath}.study: cites unknown study '{studyId}'.");
            }
            else if (studyId is not null && !seen.Add(studyId))
            {
                problems.Add($"{itemPath}.study: '{studyId}' is listed more than once.");
            }

            if (events is < 0)
            {
                problems.Add($"{itemPath}.eventsInPopulation: must not be negative.");
            }
            else if (events > study?.Events)
            {
                problems.Add($"{itemPath}.eventsInPopulation: {events} is more than the study's {study!.Events} events.");
            }

            if (study is not null && role is { } r)
            {
                evidence.Add(new RuleEvidence(study, r, events));
            }
        }

        if (problems.Count == before && !evidence.Any(e => e.Role == EvidenceRole.Supports))
        {
            problems.Add($"{path}: a rule needs at least one study with role 'supports'.");
        }

        return evidence;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private delegate bool TryParseCode<T>(string code, out T value);

    /// <summary>Reads the fields of one JSON object, adding a problem (with its path) for each bad or missing one.</summary>
    private readonly struct Fields
    {
        private readonly JsonElement _element;
        private readonly string _path;
        private readonly List<string> _problems;

        public Fields(JsonElement element, string path, List<string> problems, string[] known)
        {
            _element = element;
            _path = path;
            _problems = problems;
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    problems.Add($"{path}.{property.Name}: unknown field; expected one of {string.Join(", ", known)}.");
                }
            }
        }

        public string? Id()
        {
            var id = Text("id");
            if (id is not null && (id.Any(char.IsWhiteSpace) || id.Any(char.IsUpper)))
            {
                _problems.Add($"{_path}.id: '{id}' must be lower-case without spaces (e.g. nadler-2001).");
            }

            return id;
        }

        /// <summary>A required, non-empty string.</summary>
        public string? Text(string name)
        {
            if (!Present(name, out var value))
            {
                _problems.Add($"{_path}.{name}: missing; it is required.");
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                _problems.Add($"{_path}.{name}: must be text, not {Kind(value)}.");
                return null;
            }

            var text = value.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                _problems.Add($"{_path}.{name}: must not be empty.");
                return null;
            }

            return text;
        }

        /// <summary>An optional string: absent or null is null; present must be non-empty text.</summary>
        public string? OptionalText(string name) => Present(name, out _) ? Text(name) : null;

        public double? Number(string name, bool required)
        {
            if (!Present(name, out var value))
            {
                Missing(name, required);
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
            {
                _problems.Add($"{_path}.{name}: must be a number, not {Kind(value)}.");
                return null;
            }

            if (!double.IsFinite(number))
            {
                _problems.Add($"{_path}.{name}: {value.GetRawText()} is not a finite number.");
                return null;
            }

            return number;
        }

        public int? Integer(string name, bool required)
        {
            if (!Present(name, out var value))
            {
                Missing(name, required);
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                _problems.Add($"{_path}.{name}: must be a whole number, not {(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : Kind(value))}.");
                return null;
            }

            return number;
        }

        public bool? Boolean(string name)
        {
            if (!Present(name, out var value))
            {
                Missing(name, required: true);
                return null;
            }

            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                _problems.Add($"{_path}.{name}: must be true or false, not {Kind(value)}.");
                return null;
            }

            return value.GetBoolean();
        }

        public JsonElement? Array(string name) => Container(name, JsonValueKind.Array, "an array");

        public JsonElement? Object(string name) => Container(name, JsonValueKind.Object, "an object");

        public T? Code<T>(string name, TryParseCode<T> parse, bool required)
            where T : struct, Enum
        {
            if (!Present(name, out var value))
            {
                Missing(name, required);
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                _problems.Add($"{_path}.{name}: must be text, not {Kind(value)}.");
                return null;
            }

            if (!parse(value.GetString()!, out var parsed))
            {
                _problems.Add($"{_path}.{name}: unknown {name} '{value.GetString()}'; use one of {string.Join(", ", CatalogueCodes.CodesOf<T>())}{(required ? "" : " (or null)")}.");
                return null;
            }

            return parsed;
        }

        public TestDefinition? TestCode(string name)
        {
            var code = Text(name);
            if (code is null)
            {
                return null;
            }

            var test = TestCatalogue.All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));
            if (test is null)
            {
                _problems.Add($"{_path}.{name}: unknown test code '{code}'; use one of {string.Join(", ", TestCatalogue.All.Select(t => t.Code))}.");
            }

            return test;
        }

        public (int? Min, int? Max) AgeRange()
        {
            var min = Integer("ageMin", required: false);
            var max = Integer("ageMax", required: false);
            if (min is < 0 || max is < 0)
            {
                _problems.Add($"{_path}: ages must not be negative.");
            }
            else if (min > max)
            {
                _problems.Add($"{_path}: ageMin {min} is above ageMax {max}.");
            }

            return (min, max);
        }

        private JsonElement? Container(string name, JsonValueKind kind, string what)
        {
            if (!Present(name, out var value))
            {
                _problems.Add($"{_path}.{name}: missing; it is required.");
                return null;
            }

            if (value.ValueKind != kind)
            {
                _problems.Add($"{_path}.{name}: must be {what}, not {Kind(value)}.");
                return null;
            }

            return value;
        }

        private bool Present(string name, out JsonElement value) =>
            _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

        private void Missing(string name, bool required)
        {
            if (required)
            {
                _problems.Add($"{_path}.{name}: missing; it is required.");
            }
        }
    }
}
