using HipCheck.Core.Athletes;

namespace HipCheck.Core.Risk;

/// <summary>
/// The codes the catalogue JSON (and the API) uses for the risk enums. One table per enum, used both ways, so
/// parsing and rendering cannot disagree.
/// </summary>
public static class CatalogueCodes
{
    private static readonly (StudyDesign Value, string Code)[] Designs =
    [
        (StudyDesign.Prospective, "prospective"), (StudyDesign.Retrospective, "retrospective"),
        (StudyDesign.CaseControl, "case-control"), (StudyDesign.CrossSectional, "cross-sectional"),
        (StudyDesign.CaseSeries, "case-series"), (StudyDesign.Intervention, "intervention"),
        (StudyDesign.RandomisedTrial, "randomised-trial"),
    ];

    private static readonly (Verification Value, string Code)[] Verifications =
        [(Verification.Verified, "verified"), (Verification.AbstractOnly, "abstract-only"), (Verification.Secondary, "secondary")];

    private static readonly (NormUnit Value, string Code)[] Units =
        [(NormUnit.NewtonsPerKg, "N/kg"), (NormUnit.NewtonMetresPerKg, "Nm/kg"), (NormUnit.PercentBodyWeight, "%BW"), (NormUnit.Seconds, "s")];

    private static readonly (Contraction Value, string Code)[] Contractions =
        [(Contraction.Isometric, "isometric"), (Contraction.Eccentric, "eccentric"), (Contraction.Hold, "hold")];

    private static readonly (MetricKind Value, string Code)[] Metrics =
    [
        (MetricKind.AsymmetryPercent, "asymmetry-percent"), (MetricKind.HoldSeconds, "hold-seconds"),
        (MetricKind.Percentile, "percentile"), (MetricKind.NewtonsPerKg, "newtons-per-kg"),
    ];

    private static readonly (Comparator Value, string Code)[] Comparators =
        [(Comparator.GreaterOrEqual, ">="), (Comparator.Greater, ">"), (Comparator.Less, "<"), (Comparator.LessOrEqual, "<=")];

    private static readonly (EvidenceRole Value, string Code)[] Roles =
        [(EvidenceRole.Supports, "supports"), (EvidenceRole.Null, "null"), (EvidenceRole.Context, "context")];

    private static readonly (Sex Value, string Code)[] Sexes = [(Sex.Female, "female"), (Sex.Male, "male")];

    public static string Code(StudyDesign value) => CodeOf(Designs, value);

    public static string Code(Verification value) => CodeOf(Verifications, value);

    public static string Code(NormUnit value) => CodeOf(Units, value);

    public static string Code(Contraction value) => CodeOf(Contractions, value);

    public static string Code(MetricKind value) => CodeOf(Metrics, value);

    public static string Code(Comparator value) => CodeOf(Comparators, value);

    public static string Code(EvidenceRole value) => CodeOf(Roles, value);

    public static string Code(Sex value) => CodeOf(Sexes, value);

    public static bool TryParse(string code, out StudyDesign value) => TryParse(Designs, code, out value);

    public static bool TryParse(string code, out Verification value) => TryParse(Verifications, code, out value);

    public static bool TryParse(string code, out NormUnit value) => TryParse(Units, code, out value);

    public static bool TryParse(string code, out Contraction value) => TryParse(Contractions, code, out value);

    public static bool TryParse(string code, out MetricKind value) => TryParse(Metrics, code, out value);

    public static bool TryParse(string code, out Comparator value) => TryParse(Comparators, code, out value);

    public static bool TryParse(string code, out EvidenceRole value) => TryParse(Roles, code, out value);

    public static bool TryParse(string code, out Sex value) => TryParse(Sexes, code, out value);

    /// <summary>Every code of an enum, for error messages ("use one of ...").</summary>
    public static IReadOnlyList<string> CodesOf<T>()
        where T : struct, Enum => typeof(T) switch
        {
            var t when t == typeof(StudyDesign) => [.. Designs.Select(d => d.Code)],
            var t when t == typeof(Verification) => [.. Verifications.Select(d => d.Code)],
            var t when t == typeof(NormUnit) => [.. Units.Select(d => d.Code)],
            var t when t == typeof(Contraction) => [.. Contractions.Select(d => d.Code)],
            var t when t == typeof(MetricKind) => [.. Metrics.Select(d => d.Code)],
            var t when t == typeof(Comparator) => [.. Comparators.Select(d => d.Code)],
            var t when t == typeof(EvidenceRole) => [.. Roles.Select(d => d.Code)],
            var t when t == typeof(Sex) => [.. Sexes.Select(d => d.Code)],
            _ => throw new ArgumentException($"No catalogue codes for {typeof(T).Name}."),
        };

    private static string CodeOf<T>((T Value, string Code)[] table, T value)
        where T : struct, Enum
    {
        foreach (var (v, code) in table)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return code;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {typeof(T).Name}.");
    }

    private static bool TryParse<T>((T Value, string Code)[] table, string code, out T value)
        where T : struct, Enum
    {
        foreach (var (v, c) in table)
        {
            if (string.Equals(c, code, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
