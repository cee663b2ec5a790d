using HipCheck.Core.Risk;

namespace HipCheck.Core.Tests.Risk;

/// <summary>The rubric's worked examples (docs/research/evidence-verification.md, "Evidence grades").</summary>
public class EvidenceGradingTests
{
    private static RuleEvidence E(string id, StudyDesign design, EvidenceRole role, int? events, int? inPopulation = null) =>
        new(new Study(id, "Doe J", 2020, "T", "J", "J 2020;1:1", null, null, design, "runners", 100, events, "F",
            Verification.AbstractOnly, null), role, inPopulation);

    private static GradeResult Grade(params RuleEvidence[] evidence) => EvidenceGrading.Grade(evidence);

    [Fact]
    public void Two_adequate_prospective_studies_and_no_null_give_A()
    {
        var g = Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, 10), E("b", StudyDesign.Prospective, EvidenceRole.Supports, 40));
        Assert.Equal(EvidenceGrade.A, g.Grade);
        Assert.StartsWith("A: 2 prospective studies support the link (a: 10 events, b: 40 events)", g.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void One_adequate_prospective_study_gives_B()
    {
        var g = Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, 25), E("c", StudyDesign.CaseControl, EvidenceRole.Supports, null));
        Assert.Equal(EvidenceGrade.B, g.Grade);
        Assert.Equal("B: one prospective study supports the link (a: 25 events) with at least 10 events.", g.Reason);
    }

    [Fact]
    public void Two_consistent_prospective_studies_with_few_events_give_B()
    {
        var g = Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, 9), E("b", StudyDesign.Prospective, EvidenceRole.Supports, 30));
        Assert.Equal(EvidenceGrade.B, g.Grade);
        Assert.Contains("not all with 10 or more events", g.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_prospective_study_with_nine_events_gives_C()
    {
        var g = Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, 9));
        Assert.Equal(EvidenceGrade.C, g.Grade);
        Assert.Equal("C: small: one prospective study supports the link (a: 9 events) with fewer than 10 events in the rule's population.", g.Reason);
    }

    [Fact]
    public void Unknown_events_count_as_fewer_than_ten()
    {
        var g = Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, null));
        Assert.Equal(EvidenceGrade.C, g.Grade);
        Assert.Contains("a: events not reported", g.Reason, StringComparison.Ordinal);

        // Two consistent studies whose events are both unknown: "consistent prospective studies with fewer events".
        Assert.Equal(EvidenceGrade.B, Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, null), E("b", StudyDesign.Prospective, EvidenceRole.Supports, null)).Grade);
    }

    [Fact]
    public void Events_in_the_rules_population_replace_the_study_total()
    {
        // Nadler 2001: 13 events in all, 5 in women; a women-only rule is graded on the 5.
        Assert.Equal(EvidenceGrade.C, Grade(E("nadler", StudyDesign.Prospective, EvidenceRole.Supports, 13, inPopulation: 5)).Grade);
        Assert.Equal(EvidenceGrade.B, Grade(E("nadler", StudyDesign.Prospective, EvidenceRole.Supports, 13)).Grade);
    }

    [Fact]
    public void A_prospective_null_study_beside_adequate_positive_ones_gives_C()
    {
        var g = Grade(
            E("a", StudyDesign.Prospective, EvidenceRole.Supports, 50),
            E("b", StudyDesign.Prospective, EvidenceRole.Supports, 50),
            E("n", StudyDesign.Prospective, EvidenceRole.Null, 30));
        Assert.Equal(EvidenceGrade.C, g.Grade);
        Assert.Equal("C: mixed: 2 prospective studies support the link (a: 50 events, b: 50 events), but one prospective study found no link (n).", g.Reason);
    }

    [Fact]
    public void A_null_randomised_trial_counts_as_prospective_null()
    {
        var g = Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, 50), E("rct", StudyDesign.RandomisedTrial, EvidenceRole.Null, null));
        Assert.Equal(EvidenceGrade.C, g.Grade);
    }

    [Fact]
    public void A_supporting_randomised_trial_counts_as_prospective_support()
    {
        Assert.Equal(EvidenceGrade.B, Grade(E("rct", StudyDesign.RandomisedTrial, EvidenceRole.Supports, 12)).Grade);
    }

    [Fact]
    public void A_retrospective_null_study_does_not_lower_prospective_support()
    {
        var g = Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, 50), E("cc", StudyDesign.CaseControl, EvidenceRole.Null, null));
        Assert.Equal(EvidenceGrade.B, g.Grade);
    }

    [Theory]
    [InlineData(StudyDesign.Retrospective)]
    [InlineData(StudyDesign.CaseControl)]
    [InlineData(StudyDesign.CrossSectional)]
    [InlineData(StudyDesign.CaseSeries)]
    [InlineData(StudyDesign.Intervention)]
    public void Only_non_prospective_support_gives_D_however_large(StudyDesign design)
    {
        var g = Grade(E("big", design, EvidenceRole.Supports, 500), E("big2", design, EvidenceRole.Supports, 500));
        Assert.Equal(EvidenceGrade.D, g.Grade);
        Assert.StartsWith("D: no prospective study supports the link; the support is big (", g.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_studies_never_change_the_grade()
    {
        var without = Grade(E("a", StudyDesign.Prospective, EvidenceRole.Supports, 5));
        var with = Grade(
            E("a", StudyDesign.Prospective, EvidenceRole.Supports, 5),
            E("ctx1", StudyDesign.Prospective, EvidenceRole.Context, 900),
            E("ctx2", StudyDesign.RandomisedTrial, EvidenceRole.Context, 900));
        Assert.Equal(without, with);
    }

    [Fact]
    public void No_supporting_study_gives_D()
    {
        Assert.Equal(new GradeResult(EvidenceGrade.D, "D: no study supports the link."), Grade(E("n", StudyDesign.Prospective, EvidenceRole.Null, 50)));
        Assert.Equal(EvidenceGrade.D, Grade().Grade);
    }

    [Fact]
    public void Grading_is_deterministic_and_independent_of_order()
    {
        RuleEvidence[] evidence =
        [
            E("a", StudyDesign.Prospective, EvidenceRole.Supports, 12),
            E("b", StudyDesign.Prospective, EvidenceRole.Supports, 15),
            E("c", StudyDesign.CaseControl, EvidenceRole.Null, null),
        ];
        Assert.Equal(EvidenceGrade.A, Grade(evidence).Grade);
        Assert.Equal(Grade(evidence).Grade, Grade([.. evidence.Reverse()]).Grade);
        Assert.Equal(Grade(evidence), Grade(evidence));
    }

    [Theory]
    [InlineData("lbp-hip-extension-asymmetry-female", EvidenceGrade.C)] // Nadler 2001: 5 events in women
    [InlineData("lbp-back-extension-endurance-male", EvidenceGrade.C)] // Biering-Sørensen: events not read
    [InlineData("pfp-hip-abduction-asymmetry-female", EvidenceGrade.D)] // case-control / cross-sectional only
    [InlineData("pfp-hip-external-rotation-asymmetry-female", EvidenceGrade.D)]
    [InlineData("pfp-hip-abduction-low-percentile", EvidenceGrade.C)] // Ramskov 2015, Luedke vs Thijs, Toresdahl null
    [InlineData("itbs-hip-abduction-asymmetry", EvidenceGrade.D)] // Fredericson case series vs Grau null
    public void Shipped_rules_get_the_grades_the_rubric_gives(string ruleId, EvidenceGrade expected)
    {
        var rule = EvidenceCatalogue.Load().FindRule(ruleId)!;
        Assert.Equal(expected, rule.Grade);
        Assert.StartsWith($"{expected}: ", rule.Grading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pfp_percentile_rule_is_mixed_because_of_the_prospective_null_studies()
    {
        var reason = EvidenceCatalogue.Load().FindRule("pfp-hip-abduction-low-percentile")!.Grading.Reason;
        Assert.Equal(
            "C: mixed: 2 prospective studies support the link (ramskov-2015: events not reported, luedke-2015: 3 events), "
            + "but 2 prospective studies found no link (thijs-2011, toresdahl-2020).",
            reason);
    }
}
