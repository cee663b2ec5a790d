using HipCheck.Core.Statistics;
using HipCheck.Core.Validation;

namespace HipCheck.Core.Studies;

/// <summary>What a researcher expects before a prospective study starts.</summary>
/// <param name="RiskUnexposed">Risk of the event over the follow-up among the unexposed (e.g. 0.06).</param>
/// <param name="RiskExposed">Risk among the exposed that the study should be able to detect (e.g. 0.12).</param>
/// <param name="ShareExposed">Expected share of athletes above the asymmetry threshold (e.g. 0.3).</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="Power">Wanted power.</param>
/// <param name="LossToFollowUp">Expected share lost before the end of follow-up (e.g. 0.1).</param>
public sealed record StudyPlanInput(double RiskUnexposed, double RiskExposed, double ShareExposed, double Alpha, double Power, double LossToFollowUp);

/// <param name="CohensH">Effect size h = 2 asin sqrt(p1) - 2 asin sqrt(p0).</param>
/// <param name="EqualGroupsPerGroup">n per group with equal groups, as pwr::pwr.2p.test (not rounded).</param>
/// <param name="Exposed">Exposed athletes needed (rounded up).</param>
/// <param name="Unexposed">Unexposed athletes needed (rounded up).</param>
/// <param name="Analysed">Athletes needed at the end of follow-up.</param>
/// <param name="ToRecruit">Athletes to recruit, allowing for loss to follow-up.</param>
/// <param name="ExpectedEvents">Events expected among the analysed athletes.</param>
public sealed record StudyPlanResult(double CohensH, double EqualGroupsPerGroup, int Exposed, int Unexposed, int Analysed, int ToRecruit, double ExpectedEvents);

/// <summary>
/// Sample size for comparing the event risk of exposed and unexposed athletes. With equal groups this is
/// pwr.2p.test (Cohen's h, normal approximation). Exposure is rarely half the cohort, so the groups are sized as
/// pwr.2p2n.test does: its power depends on h·sqrt(n1·n2/(n1 + n2)), and matching n/2 with n2 = k·n1 gives
/// n1 = n(1 + k)/(2k) exposed athletes, k = (1 − share)/share.
/// </summary>
public static class StudyPlanner
{
    public static IReadOnlyList<FieldError> Validate(StudyPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        static bool Open01(double v) => double.IsFinite(v) && v > 0 && v < 1;
        if (!Open01(input.RiskUnexposed))
        {
            errors.Add("riskUnexposed", "The risk among the unexposed is a proportion between 0 and 1 (e.g. 0.06).");
        }

        if (!Open01(input.RiskExposed))
        {
            errors.Add("riskExposed", "The risk among the exposed is a proportion between 0 and 1 (e.g. 0.12).");
        }
        else if (Open01(input.RiskUnexposed) && input.RiskExposed == input.RiskUnexposed)
        {
            errors.Add("riskExposed", "With equal risks there is no effect to detect: choose a different risk.");
        }

        if (!Open01(input.ShareExposed))
        {
            errors.Add("shareExposed", "The share exposed is a proportion between 0 and 1 (e.g. 0.3).");
        }

        if (!double.IsFinite(input.Alpha) || input.Alpha <= 0 || input.Alpha >= 0.5)
        {
            errors.Add("alpha", "The significance level must be above 0 and below 0.5 (usually 0.05).");
        }

        if (!double.IsFinite(input.Power) || input.Power <= input.Alpha || input.Power >= 1)
        {
            errors.Add("power", "Power must be above the significance level and below 1 (usually 0.8).");
        }

        if (!double.IsFinite(input.LossToFollowUp) || input.LossToFollowUp < 0 || input.LossToFollowUp >= 0.9)
        {
            errors.Add("lossToFollowUp", "Loss to follow-up is a proportion from 0 to below 0.9.");
        }

        return errors.All;
    }

    /// <exception cref="ArgumentException">The input is invalid (see <see cref="Validate"/>).</exception>
    public static StudyPlanResult Plan(StudyPlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input) is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => e.Message)), nameof(input));
        }

        var equal = Power.SampleSizeTwoProportions(input.RiskExposed, input.RiskUnexposed, input.Alpha, input.Power);
        var k = (1 - input.ShareExposed) / input.ShareExposed;
        var exposed = (int)Math.Ceiling(equal.NPerGroup * (1 + k) / (2 * k));
        var unexposed = (int)Math.Ceiling(exposed * k);
        var analysed = exposed + unexposed;
        var toRecruit = (int)Math.Ceiling(analysed / (1 - input.LossToFollowUp));
        var events = (exposed * input.RiskExposed) + (unexposed * input.RiskUnexposed);
        return new StudyPlanResult(equal.CohensH, equal.NPerGroup, exposed, unexposed, analysed, toRecruit, events);
    }
}
