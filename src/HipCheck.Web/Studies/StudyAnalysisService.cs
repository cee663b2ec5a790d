using HipCheck.Core.Studies;

namespace HipCheck.Web.Studies;

/// <summary>A study's analysis: the cohort, the issue-4 analysis of <c>hipcheck analyze</c> and the descriptive extras.</summary>
public sealed record StudyAnalysis(StudyCohortData Cohort, CohortAnalysisResult? Result, StudyDescription? Description, string? NotPossible);

/// <summary>Runs the same analysis as the CLI on the cohort the study's definition yields.</summary>
public sealed class StudyAnalysisService(StudyCohortBuilder cohorts)
{
    public async Task<StudyAnalysis> AnalyseAsync(Study study, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        var cohort = await cohorts.BuildAsync(study, ct);
        if (cohort.Rows.Count < 2)
        {
            return new StudyAnalysis(cohort, null, null,
                cohort.Rows.Count == 0 ? "No athlete can be analysed yet." : "One athlete cannot be analysed on their own.");
        }

        var data = CohortData.FromRows(cohort.Rows);
        return new StudyAnalysis(cohort, CohortAnalysis.Run(data, study.ExposureThresholdPercent),
            StudyDescriber.Describe(data, study.ExposureThresholdPercent), null);
    }
}
