namespace HipCheck.Core.Risk;

/// <summary>
/// The versioned evidence catalogue: the studies HipCheck cites, the norms it compares results with and the risk
/// rules it applies. The data lives in <c>Risk/evidence-catalogue.json</c>, embedded in this assembly; rules are
/// data, so a new study or threshold needs no code change.
/// </summary>
public sealed record EvidenceCatalogue(
    string Version,
    IReadOnlyList<Study> Studies,
    IReadOnlyList<Norm> Norms,
    IReadOnlyList<EvidenceRule> Rules)
{
    /// <summary>The manifest name of the embedded catalogue.</summary>
    public const string ResourceName = "HipCheck.Core.Risk.evidence-catalogue.json";

    private static readonly Lazy<EvidenceCatalogue> Shipped = new(LoadEmbedded);

    /// <summary>
    /// The catalogue shipped with HipCheck, parsed and validated once per process.
    /// </summary>
    /// <exception cref="InvalidCatalogueException">The shipped catalogue is malformed (a build that must not start).</exception>
    public static EvidenceCatalogue Load() => Shipped.Value;

    /// <summary>Parses and validates a catalogue, reporting every problem at once.</summary>
    /// <exception cref="InvalidCatalogueException">The JSON is malformed or breaks a rule; the message lists every problem.</exception>
    public static EvidenceCatalogue Parse(string json) => CatalogueParser.Parse(json);

    public Study? FindStudy(string id) => Studies.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    public EvidenceRule? FindRule(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    public Norm? FindNorm(string id) => Norms.FirstOrDefault(n => string.Equals(n.Id, id, StringComparison.Ordinal));

    /// <summary>The embedded JSON text, for callers that show or serve the raw catalogue.</summary>
    public static string ReadEmbeddedJson()
    {
        using var stream = typeof(EvidenceCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidCatalogueException([$"The embedded resource {ResourceName} is missing from {typeof(EvidenceCatalogue).Assembly.GetName().Name}."]);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static EvidenceCatalogue LoadEmbedded() => Parse(ReadEmbeddedJson());
}

/// <summary>The evidence catalogue is malformed. <see cref="Exception.Message"/> lists every problem found.</summary>
public sealed class InvalidCatalogueException : Exception
{
    public InvalidCatalogueException()
        : this([])
    {
    }

    public InvalidCatalogueException(string message)
        : this([message])
    {
    }

    public InvalidCatalogueException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public InvalidCatalogueException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem, with the JSON path it concerns.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        $"The evidence catalogue is invalid ({problems.Count} {(problems.Count == 1 ? "problem" : "problems")}):"
        + string.Concat(problems.Select(p => $"{Environment.NewLine}- {p}"));
}
