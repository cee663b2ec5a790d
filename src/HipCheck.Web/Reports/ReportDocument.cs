using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;
using HipCheck.Web.Screenings;

namespace HipCheck.Web.Reports;

/// <summary>The risk report of one screening: the API's <c>GET /api/screenings/{id}/report</c> document.</summary>
public sealed record ReportDocument(
    Guid ScreeningId,
    Guid AthleteId,
    string AthleteName,
    DateOnly Date,
    string Sex,
    int AgeYears,
    string CatalogueVersion,
    string? ThresholdsFrom,
    string Disclaimer,
    IReadOnlyList<RuleOutcomeDocument> Rules,
    IReadOnlyList<TestNormsDocument> Norms,
    IReadOnlyList<TestResultDocument> Results)
{
    public int FlagCount => Rules.Count(r => r.Status == "flagged");
}

/// <param name="Status">flagged, clear, not-assessed or not-applicable.</param>
/// <param name="Threshold">The threshold used: the organisation's when it set one, else the catalogue's.</param>
/// <param name="CatalogueThreshold">The catalogue's threshold, for comparison.</param>
public sealed record RuleOutcomeDocument(
    string RuleId,
    string Outcome,
    string OutcomeName,
    string Status,
    string Metric,
    string MetricName,
    string Comparator,
    double? Observed,
    double Threshold,
    double CatalogueThreshold,
    bool ThresholdOverridden,
    bool ThresholdIsConvention,
    string ThresholdSource,
    string Population,
    string Reason,
    string Explanation,
    string Advice,
    string Grade,
    string GradeReason,
    IReadOnlyList<EvidenceDocument> Evidence);

public sealed record EvidenceDocument(
    string StudyId,
    string Role,
    string Authors,
    int Year,
    string Title,
    string Citation,
    string Design,
    int? SampleSize,
    int? Events,
    string Finding,
    string? Doi);

public sealed record TestNormsDocument(string Test, NormDocument? Norm, IReadOnlyList<NormSideDocument> Sides);

public sealed record NormDocument(string Id, string Unit, string Contraction, double Mean, double? Sd, int? N, string Population, string Source, string Protocol);

public sealed record NormSideDocument(string? Side, double Value, double? Percentile);

public static class ReportDocuments
{
    public static ReportDocument Create(Screening screening, int ageYears, RiskAssessment assessment, EvidenceCatalogue catalogue, string? thresholdsFrom)
    {
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(catalogue);
        var athlete = screening.Athlete ?? throw new ArgumentException("Load the screening with its athlete.", nameof(screening));
        return new ReportDocument(
            screening.Id,
            athlete.Id,
            athlete.Name,
            screening.Date,
            AthleteProfile.SexCode(athlete.Sex),
            ageYears,
            assessment.CatalogueVersion,
            thresholdsFrom,
            RiskAssessment.Disclaimer,
            assessment.Outcomes.Select(ToDocument).ToList(),
            assessment.Norms.Select(n => ToDocument(n, catalogue)).ToList(),
            ScreeningDocuments.Evaluate(screening).Select(ScreeningDocuments.ToDocument).ToList());
    }

    public static string StatusCode(RuleStatus status) => status switch
    {
        RuleStatus.Flagged => "flagged",
        RuleStatus.Clear => "clear",
        RuleStatus.NotAssessed => "not-assessed",
        _ => "not-applicable",
    };

    private static RuleOutcomeDocument ToDocument(RuleOutcome o) => new(
        o.Rule.Id,
        o.Rule.Outcome,
        o.Rule.OutcomeName,
        StatusCode(o.Status),
        $"{CatalogueCodes.Code(o.Rule.Metric.Kind)}:{o.Rule.Metric.TestCode}",
        RiskAssessor.MetricName(o.Rule.Metric),
        CatalogueCodes.Code(o.Rule.Comparator),
        o.Observed,
        o.Threshold,
        o.Rule.Threshold,
        o.ThresholdOverridden,
        o.Rule.ThresholdIsConvention,
        o.Rule.ThresholdSource,
        RiskAssessor.PopulationWords(o.Rule.Sex, o.Rule.AgeMin, o.Rule.AgeMax),
        o.Reason,
        o.Rule.Explanation,
        o.Rule.Advice,
        o.Rule.Grade.ToString(),
        o.Rule.Grading.Reason,
        o.Rule.Evidence.Select(e => new EvidenceDocument(
            e.StudyId,
            CatalogueCodes.Code(e.Role),
            e.Study.Authors,
            e.Study.Year,
            e.Study.Title,
            e.Study.Citation,
            CatalogueCodes.Code(e.Study.Design),
            e.Study.SampleSize,
            e.Events,
            e.Study.Finding,
            e.Study.Doi)).ToList());

    private static TestNormsDocument ToDocument(TestNorms n, EvidenceCatalogue catalogue) => new(
        n.TestCode,
        n.Norm is { } norm
            ? new NormDocument(
                norm.Id,
                CatalogueCodes.Code(norm.Unit),
                CatalogueCodes.Code(norm.Contraction),
                norm.Mean,
                norm.Sd,
                norm.N,
                RiskAssessor.PopulationWords(norm.Sex, norm.AgeMin, norm.AgeMax),
                catalogue.FindStudy(norm.StudyId)?.Citation ?? norm.StudyId,
                norm.Protocol)
            : null,
        n.Comparisons.Select(c => new NormSideDocument(c.Side is { } s ? Sides.Code(s) : null, c.Value, c.Percentile)).ToList());
}
