using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Risk;
using static HipCheck.Core.Tests.Risk.RiskFixtures;

namespace HipCheck.Core.Tests.Risk;

/// <summary>Each shipped rule with worked examples: both sides of its threshold, each sex, missing inputs.</summary>
public class RiskAssessorTests
{
    private const string LbpHipExtension = "lbp-hip-extension-asymmetry-female";
    private const string LbpBackHold = "lbp-back-extension-endurance-male";
    private const string PfpAbduction = "pfp-hip-abduction-asymmetry-female";
    private const string PfpExternalRotation = "pfp-hip-external-rotation-asymmetry-female";
    private const string PfpPercentile = "pfp-hip-abduction-low-percentile";
    private const string Itbs = "itbs-hip-abduction-asymmetry";

    // ---- hip-extension asymmetry and low back pain (women) ----

    [Theory]
    [InlineData(15.0, RuleStatus.Flagged)] // exactly the threshold: ">="
    [InlineData(22.5, RuleStatus.Flagged)]
    [InlineData(14.5, RuleStatus.Clear)]
    [InlineData(0.0, RuleStatus.Clear)]
    public void Hip_extension_asymmetry_in_a_woman_flags_at_15_percent(double asymmetry, RuleStatus expected)
    {
        var outcome = AssessRule(LbpHipExtension, Facts(Sex.Female, 21, Asymmetric("hip-extension", asymmetry)));
        Assert.Equal(expected, outcome.Status);
        Assert.Equal(asymmetry, outcome.Observed!.Value, 9);
        Assert.Equal(15, outcome.Threshold);
        Assert.False(outcome.ThresholdOverridden);
    }

    [Fact]
    public void Hip_extension_reasons_give_the_value_and_the_threshold()
    {
        Assert.Equal("Hip extension asymmetry is 15 %, at or above the threshold of 15 %.",
            AssessRule(LbpHipExtension, Facts(Sex.Female, 21, Asymmetric("hip-extension", 15))).Reason);
        Assert.Equal("Hip extension asymmetry is 14.5 %, below the threshold of 15 %.",
            AssessRule(LbpHipExtension, Facts(Sex.Female, 21, Asymmetric("hip-extension", 14.5))).Reason);
    }

    [Theory]
    [InlineData(15.0)]
    [InlineData(60.0)]
    [InlineData(5.0)]
    public void Hip_extension_asymmetry_rule_does_not_apply_to_a_man(double asymmetry)
    {
        var outcome = AssessRule(LbpHipExtension, Facts(Sex.Male, 21, Asymmetric("hip-extension", asymmetry)));
        Assert.Equal(RuleStatus.NotApplicable, outcome.Status);
        Assert.Null(outcome.Observed);
        Assert.Equal("Does not apply: the evidence for this rule is in women only, so it is never used for men.", outcome.Reason);
    }

    [Fact]
    public void Hip_extension_asymmetry_is_not_assessed_without_the_test()
    {
        var outcome = AssessRule(LbpHipExtension, Facts(Sex.Female, 21, Asymmetric("hip-abduction", 40)));
        Assert.Equal(RuleStatus.NotAssessed, outcome.Status);
        Assert.Null(outcome.Observed);
        Assert.Equal("Not assessed: this screening has no hip extension test. Add it to check this rule.", outcome.Reason);
    }

    // ---- back-extension hold and low back pain (men 30-60) ----

    [Theory]
    [InlineData(175.9, RuleStatus.Flagged)]
    [InlineData(60, RuleStatus.Flagged)]
    [InlineData(176, RuleStatus.Clear)] // "<": exactly 176 s does not flag
    [InlineData(240, RuleStatus.Clear)]
    public void A_back_extension_hold_under_176_s_in_a_man_aged_30_to_60_flags(double seconds, RuleStatus expected)
    {
        var outcome = AssessRule(LbpBackHold, Facts(Sex.Male, 45, BackHold(seconds)));
        Assert.Equal(expected, outcome.Status);
        Assert.Equal(seconds, outcome.Observed);
    }

    [Theory]
    [InlineData(30, RuleStatus.Flagged)]
    [InlineData(60, RuleStatus.Flagged)]
    [InlineData(29, RuleStatus.NotApplicable)]
    [InlineData(61, RuleStatus.NotApplicable)]
    public void The_back_extension_rule_covers_the_ages_studied_inclusive(int age, RuleStatus expected)
    {
        Assert.Equal(expected, AssessRule(LbpBackHold, Facts(Sex.Male, age, BackHold(100))).Status);
    }

    [Fact]
    public void The_back_extension_rule_explains_an_age_outside_its_population()
    {
        Assert.Equal("Does not apply at age 25: the evidence for this rule covers men aged 30-60, the ages studied.",
            AssessRule(LbpBackHold, Facts(Sex.Male, 25, BackHold(100))).Reason);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(175)]
    [InlineData(300)]
    public void The_back_extension_rule_never_applies_to_a_woman(double seconds)
    {
        var outcome = AssessRule(LbpBackHold, Facts(Sex.Female, 45, BackHold(seconds)));
        Assert.Equal(RuleStatus.NotApplicable, outcome.Status);
        Assert.Equal("Does not apply: the evidence for this rule is in men aged 30-60 only, so it is never used for women.", outcome.Reason);
    }

    [Fact]
    public void The_back_extension_rule_is_not_assessed_without_the_hold()
    {
        var outcome = AssessRule(LbpBackHold, Facts(Sex.Male, 45, Asymmetric("hip-extension", 5)));
        Assert.Equal(RuleStatus.NotAssessed, outcome.Status);
        Assert.Equal("Not assessed: this screening has no back-extension endurance (Biering-Sørensen) test. Add it to check this rule.", outcome.Reason);
    }

    // ---- hip abduction / external rotation asymmetry and patellofemoral pain (women) ----

    [Theory]
    [InlineData(PfpAbduction, "hip-abduction", 15.0, RuleStatus.Flagged)]
    [InlineData(PfpAbduction, "hip-abduction", 14.5, RuleStatus.Clear)]
    [InlineData(PfpExternalRotation, "hip-external-rotation", 15.0, RuleStatus.Flagged)]
    [InlineData(PfpExternalRotation, "hip-external-rotation", 36.0, RuleStatus.Flagged)]
    [InlineData(PfpExternalRotation, "hip-external-rotation", 14.5, RuleStatus.Clear)]
    public void Patellofemoral_asymmetry_rules_flag_women_at_15_percent(string ruleId, string test, double asymmetry, RuleStatus expected)
    {
        Assert.Equal(expected, AssessRule(ruleId, Facts(Sex.Female, 17, Asymmetric(test, asymmetry))).Status);
    }

    [Theory]
    [InlineData(PfpAbduction, "hip-abduction")]
    [InlineData(PfpExternalRotation, "hip-external-rotation")]
    public void Patellofemoral_asymmetry_rules_do_not_apply_to_men(string ruleId, string test)
    {
        Assert.Equal(RuleStatus.NotApplicable, AssessRule(ruleId, Facts(Sex.Male, 17, Asymmetric(test, 40))).Status);
        Assert.Equal(RuleStatus.NotApplicable, AssessRule(ruleId, Facts(Sex.Male, 17, Asymmetric(test, 2))).Status);
    }

    [Theory]
    [InlineData(PfpAbduction, "hip abduction")]
    [InlineData(PfpExternalRotation, "hip external rotation")]
    public void Patellofemoral_asymmetry_rules_are_not_assessed_without_their_test(string ruleId, string name)
    {
        var outcome = AssessRule(ruleId, Facts(Sex.Female, 17, BackHold(100)));
        Assert.Equal(RuleStatus.NotAssessed, outcome.Status);
        Assert.Equal($"Not assessed: this screening has no {name} test. Add it to check this rule.", outcome.Reason);
    }

    // ---- hip abduction asymmetry and IT band syndrome (both sexes) ----

    [Theory]
    [InlineData(Sex.Female, 15.0, RuleStatus.Flagged)]
    [InlineData(Sex.Female, 14.5, RuleStatus.Clear)]
    [InlineData(Sex.Male, 15.0, RuleStatus.Flagged)]
    [InlineData(Sex.Male, 20.5, RuleStatus.Flagged)]
    [InlineData(Sex.Male, 14.5, RuleStatus.Clear)]
    public void It_band_rule_flags_either_sex_at_15_percent(Sex sex, double asymmetry, RuleStatus expected)
    {
        Assert.Equal(expected, AssessRule(Itbs, Facts(sex, 35, Asymmetric("hip-abduction", asymmetry))).Status);
    }

    [Theory]
    [InlineData(Sex.Female)]
    [InlineData(Sex.Male)]
    public void It_band_rule_is_not_assessed_without_hip_abduction(Sex sex)
    {
        Assert.Equal(RuleStatus.NotAssessed, AssessRule(Itbs, Facts(sex, 35, Asymmetric("hip-extension", 30))).Status);
    }

    // ---- hip abduction percentile and patellofemoral pain ----

    [Fact]
    public void The_percentile_rule_is_not_assessed_when_the_only_matching_norm_has_no_sd()
    {
        var outcome = AssessRule(PfpPercentile, Facts(Sex.Female, 25, Asymmetric("hip-abduction", 5)));
        Assert.Equal(RuleStatus.NotAssessed, outcome.Status);
        Assert.Equal(
            "Not assessed: the only matching norm (alvarenga-2019-iso-abduction-female-20-29) reports a mean but no standard deviation, so no percentile can be worked out.",
            outcome.Reason);
    }

    [Theory]
    [InlineData(Sex.Male, 25, "men aged 25")]
    [InlineData(Sex.Female, 40, "women aged 40")]
    public void The_percentile_rule_is_not_assessed_where_no_norm_matches(Sex sex, int age, string who)
    {
        var outcome = AssessRule(PfpPercentile, Facts(sex, age, Asymmetric("hip-abduction", 5)));
        Assert.Equal(RuleStatus.NotAssessed, outcome.Status);
        Assert.Equal($"Not assessed: no norm: HipCheck has no reference values for this hip abduction test (isometric) in {who}, so no percentile can be worked out.", outcome.Reason);
    }

    [Fact]
    public void The_percentile_rule_is_not_assessed_without_the_test()
    {
        Assert.Equal(RuleStatus.NotAssessed, AssessRule(PfpPercentile, Facts(Sex.Male, 25)).Status);
    }

    /// <summary>The shipped rules with an isometric N/kg abduction norm (mean 2.0, SD 0.5) that HipCheck does not have yet.</summary>
    private static EvidenceCatalogue WithIsometricAbductionNorm()
    {
        var json = ShippedJson();
        json["norms"]!.AsArray().Add(Norm("test-iso-abd", "hip-abduction", null, "N/kg", "isometric", 2.0, 0.5, "ramskov-2014"));
        return Parse(json);
    }

    [Theory]
    [InlineData(Sex.Female, 90.0, 15.8655253931457, RuleStatus.Flagged)] // 1.5 N/kg: z = -1
    [InlineData(Sex.Male, 90.0, 15.8655253931457, RuleStatus.Flagged)]
    [InlineData(Sex.Female, 120.0, 50.0, RuleStatus.Clear)] // 2.0 N/kg: z = 0
    [InlineData(Sex.Male, 150.0, 84.1344746068543, RuleStatus.Clear)] // 2.5 N/kg: z = 1
    public void With_a_matching_norm_the_percentile_rule_flags_below_the_33rd_percentile(Sex sex, double forceN, double percentile, RuleStatus expected)
    {
        var facts = Facts(sex, 40, Force("hip-abduction", forceN, forceN));
        var outcome = Outcome(RiskAssessor.Assess(WithIsometricAbductionNorm(), facts), PfpPercentile);
        Assert.Equal(expected, outcome.Status);
        Assert.Equal(percentile, outcome.Observed!.Value, 9);
    }

    [Fact]
    public void The_percentile_rule_uses_the_weaker_side()
    {
        // Left 2.5 N/kg (84th percentile), right 1.5 N/kg (16th): the weaker side decides.
        var facts = Facts(Sex.Female, 40, Force("hip-abduction", 150, 90));
        var assessment = RiskAssessor.Assess(WithIsometricAbductionNorm(), facts);
        var outcome = Outcome(assessment, PfpPercentile);
        Assert.Equal(RuleStatus.Flagged, outcome.Status);
        Assert.Equal(15.8655253931457, outcome.Observed!.Value, 9);
        Assert.Equal("Hip abduction percentile (weaker side) is 15.9, below the threshold of 33.", outcome.Reason);
        var norms = Assert.Single(assessment.Norms);
        Assert.Equal(84.1344746068543, norms.Comparisons.Single(c => c.Side == Side.Left).Percentile!.Value, 9);
    }

    [Fact]
    public void The_percentile_boundary_is_strict()
    {
        // 33rd percentile exactly does not flag ("<"); an override to 34 flags it.
        var json = ShippedJson();
        json["norms"]!.AsArray().Add(Norm("test-iso-abd", "hip-abduction", null, "N/kg", "isometric", 2.0, 0.5, "ramskov-2014"));
        var catalogue = Parse(json);
        var z33 = -0.43991316567630; // Φ(z) = 0.33
        var perKg = 2.0 + z33 * 0.5;
        var facts = Facts(Sex.Male, 40, Force("hip-abduction", perKg * BodyMassKg, perKg * BodyMassKg));
        var outcome = Outcome(RiskAssessor.Assess(catalogue, facts), PfpPercentile);
        Assert.Equal(33.0, outcome.Observed!.Value, 6);
        Assert.Equal(RuleStatus.Flagged, Outcome(RiskAssessor.Assess(catalogue, facts, new Dictionary<string, double> { [PfpPercentile] = 34 }), PfpPercentile).Status);
        Assert.Equal(RuleStatus.Clear, Outcome(RiskAssessor.Assess(catalogue, facts, new Dictionary<string, double> { [PfpPercentile] = 32 }), PfpPercentile).Status);
    }

    // ---- overrides ----

    [Fact]
    public void A_lower_override_flags_what_the_catalogue_threshold_clears_and_says_so()
    {
        var facts = Facts(Sex.Female, 21, Asymmetric("hip-extension", 12));
        Assert.Equal(RuleStatus.Clear, AssessRule(LbpHipExtension, facts).Status);

        var outcome = AssessRule(LbpHipExtension, facts, new Dictionary<string, double> { [LbpHipExtension] = 10 });
        Assert.Equal(RuleStatus.Flagged, outcome.Status);
        Assert.True(outcome.ThresholdOverridden);
        Assert.Equal(10, outcome.Threshold);
        Assert.Equal(15, outcome.Rule.Threshold);
        Assert.Equal("Hip extension asymmetry is 12 %, at or above the organisation's threshold of 10 %. The catalogue's threshold is 15 %.", outcome.Reason);
    }

    [Fact]
    public void A_higher_override_clears_what_the_catalogue_threshold_flags()
    {
        var facts = Facts(Sex.Male, 40, BackHold(150));
        Assert.Equal(RuleStatus.Flagged, AssessRule(LbpBackHold, facts).Status);

        var outcome = AssessRule(LbpBackHold, facts, new Dictionary<string, double> { [LbpBackHold] = 120 });
        Assert.Equal(RuleStatus.Clear, outcome.Status);
        Assert.True(outcome.ThresholdOverridden);
        Assert.Equal(120, outcome.Threshold);
    }

    [Fact]
    public void An_override_touches_only_its_own_rule()
    {
        var facts = Facts(Sex.Female, 21, Asymmetric("hip-abduction", 12));
        var assessment = RiskAssessor.Assess(EvidenceCatalogue.Load(), facts, new Dictionary<string, double> { [Itbs] = 10 });
        Assert.Equal(RuleStatus.Flagged, Outcome(assessment, Itbs).Status);
        Assert.Equal(RuleStatus.Clear, Outcome(assessment, PfpAbduction).Status);
        Assert.False(Outcome(assessment, PfpAbduction).ThresholdOverridden);
    }

    [Fact]
    public void Overrides_for_rules_not_in_the_catalogue_are_ignored()
    {
        var facts = Facts(Sex.Female, 21, Asymmetric("hip-extension", 12));
        var assessment = RiskAssessor.Assess(EvidenceCatalogue.Load(), facts, new Dictionary<string, double> { ["retired-rule"] = 1 });
        Assert.All(assessment.Outcomes, o => Assert.False(o.ThresholdOverridden));
    }

    [Fact]
    public void An_invalid_override_is_refused()
    {
        var facts = Facts(Sex.Female, 21, Asymmetric("hip-extension", 12));
        var ex = Assert.Throws<ArgumentException>(() =>
            RiskAssessor.Assess(EvidenceCatalogue.Load(), facts, new Dictionary<string, double> { [LbpHipExtension] = 150 }));
        Assert.Contains(LbpHipExtension, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MetricKind.AsymmetryPercent, 0.0, true)]
    [InlineData(MetricKind.AsymmetryPercent, 99.9, true)]
    [InlineData(MetricKind.AsymmetryPercent, 100.0, false)]
    [InlineData(MetricKind.AsymmetryPercent, -0.1, false)]
    [InlineData(MetricKind.HoldSeconds, 0.0, true)]
    [InlineData(MetricKind.HoldSeconds, 600.0, true)]
    [InlineData(MetricKind.HoldSeconds, 600.1, false)]
    [InlineData(MetricKind.HoldSeconds, -1.0, false)]
    [InlineData(MetricKind.Percentile, 0.0, true)]
    [InlineData(MetricKind.Percentile, 100.0, true)]
    [InlineData(MetricKind.Percentile, 100.5, false)]
    [InlineData(MetricKind.NewtonsPerKg, 20.0, true)]
    [InlineData(MetricKind.NewtonsPerKg, 20.01, false)]
    [InlineData(MetricKind.NewtonsPerKg, -2.0, false)]
    [InlineData(MetricKind.AsymmetryPercent, double.NaN, false)]
    [InlineData(MetricKind.HoldSeconds, double.PositiveInfinity, false)]
    public void ValidateOverride_checks_the_metrics_range(MetricKind kind, double value, bool valid)
    {
        var test = kind == MetricKind.HoldSeconds ? "back-extension-endurance" : "hip-abduction";
        var rule = EvidenceCatalogue.Load().Rules[0] with { Metric = new RuleMetric(kind, test) };
        var error = RiskAssessor.ValidateOverride(rule, value);
        if (valid)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.NotNull(error);
        }
    }

    [Fact]
    public void ValidateOverride_messages_name_the_measure_and_range()
    {
        var catalogue = EvidenceCatalogue.Load();
        Assert.Equal("The hip extension asymmetry threshold must be at least 0 % and below 100 %.",
            RiskAssessor.ValidateOverride(catalogue.FindRule(LbpHipExtension)!, 100));
        Assert.Equal("The back-extension endurance (Biering-Sørensen) hold time threshold must be between 0 and 600 s.",
            RiskAssessor.ValidateOverride(catalogue.FindRule(LbpBackHold)!, 601));
        Assert.Equal("The hip abduction percentile (weaker side) threshold must be between 0 and 100.",
            RiskAssessor.ValidateOverride(catalogue.FindRule(PfpPercentile)!, 101));
    }

    // ---- population, missing input, the whole assessment ----

    public static TheoryData<double, int, double> ManWhateverTheNumbers()
    {
        var data = new TheoryData<double, int, double>();
        foreach (var asymmetry in new[] { 0.0, 10, 15, 30, 50, 90 })
        {
            foreach (var age in new[] { 6, 17, 30, 45, 60, 90 })
            {
                foreach (var threshold in new[] { 0.0, 15 })
                {
                    data.Add(asymmetry, age, threshold);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManWhateverTheNumbers))]
    public void A_women_only_rule_never_fires_for_a_man_whatever_the_numbers(double asymmetry, int age, double threshold)
    {
        var facts = Facts(Sex.Male, age,
            Asymmetric("hip-extension", asymmetry), Asymmetric("hip-abduction", asymmetry), Asymmetric("hip-external-rotation", asymmetry),
            BackHold(10));
        var overrides = EvidenceCatalogue.Load().Rules.Where(r => r.Metric.Kind == MetricKind.AsymmetryPercent).ToDictionary(r => r.Id, _ => threshold);
        var assessment = RiskAssessor.Assess(EvidenceCatalogue.Load(), facts, overrides);
        foreach (var outcome in assessment.Outcomes.Where(o => o.Rule.Sex == Sex.Female))
        {
            Assert.Equal(RuleStatus.NotApplicable, outcome.Status);
        }
    }

    [Theory]
    [InlineData(Sex.Female, 25)]
    [InlineData(Sex.Male, 45)]
    public void With_no_tests_nothing_is_ever_clear(Sex sex, int age)
    {
        var assessment = RiskAssessor.Assess(EvidenceCatalogue.Load(), Facts(sex, age));
        Assert.All(assessment.Outcomes, o => Assert.Contains(o.Status, new[] { RuleStatus.NotAssessed, RuleStatus.NotApplicable }));
        Assert.All(assessment.Outcomes.Where(o => o.Status == RuleStatus.NotAssessed), o => Assert.StartsWith("Not assessed: ", o.Reason, StringComparison.Ordinal));
        Assert.Empty(assessment.Flags);
        Assert.Empty(assessment.Norms);
    }

    [Fact]
    public void A_full_screening_of_a_woman_gives_one_outcome_per_rule_in_catalogue_order()
    {
        var catalogue = EvidenceCatalogue.Load();
        var facts = Facts(Sex.Female, 24,
            Asymmetric("hip-extension", 20), Asymmetric("hip-abduction", 10), Asymmetric("hip-external-rotation", 16), BackHold(90));
        var assessment = RiskAssessor.Assess(catalogue, facts);

        Assert.Equal(catalogue.Version, assessment.CatalogueVersion);
        Assert.Equal(catalogue.Rules.Select(r => r.Id), assessment.Outcomes.Select(o => o.Rule.Id));
        Assert.Equal(
            [RuleStatus.Flagged, RuleStatus.NotApplicable, RuleStatus.Clear, RuleStatus.Flagged, RuleStatus.NotAssessed, RuleStatus.Clear],
            assessment.Outcomes.Select(o => o.Status));
        Assert.Equal([LbpHipExtension, PfpExternalRotation], assessment.Flags.Select(f => f.Rule.Id));

        // Norms: the three force tests match Alvarenga (women 20-29, %BW, no SD); the hold has none.
        Assert.Equal(["hip-extension", "hip-abduction", "hip-external-rotation", "back-extension-endurance"], assessment.Norms.Select(n => n.TestCode));
        Assert.Equal([true, true, true, false], assessment.Norms.Select(n => n.HasNorm));
        Assert.All(assessment.Norms.SelectMany(n => n.Comparisons), c => Assert.Null(c.Percentile));
    }

    [Fact]
    public void Inconsistent_trials_are_mentioned_in_the_reason()
    {
        var inconsistent = ScreeningEvaluator.Evaluate(new TestEntry("hip-extension", "N", [200, 300, 250], [150, 150, 150]), BodyMassKg);
        Assert.True(inconsistent.NeedsRetest);
        var outcome = AssessRule(LbpHipExtension, Facts(Sex.Female, 21, inconsistent));
        Assert.Equal(RuleStatus.Flagged, outcome.Status);
        Assert.EndsWith("The trials were inconsistent: re-test before relying on this.", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_test_twice_is_refused()
    {
        var facts = Facts(Sex.Female, 21, Asymmetric("hip-extension", 5), Asymmetric("hip-extension", 25));
        Assert.Throws<ArgumentException>(() => RiskAssessor.Assess(EvidenceCatalogue.Load(), facts));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-60.0)]
    [InlineData(double.NaN)]
    public void An_implausible_body_mass_is_refused(double mass)
    {
        var facts = new ScreeningFacts(Sex.Female, 21, mass, []);
        Assert.Throws<ArgumentException>(() => RiskAssessor.Assess(EvidenceCatalogue.Load(), facts));
    }

    [Fact]
    public void The_disclaimer_says_flags_inform_and_do_not_diagnose()
    {
        Assert.Contains("inform", RiskAssessment.Disclaimer, StringComparison.Ordinal);
        Assert.Contains("do not diagnose", RiskAssessment.Disclaimer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Comparator.GreaterOrEqual, 15, true)]
    [InlineData(Comparator.GreaterOrEqual, 14.99, false)]
    [InlineData(Comparator.Greater, 15, false)]
    [InlineData(Comparator.Greater, 15.01, true)]
    [InlineData(Comparator.Less, 15, false)]
    [InlineData(Comparator.Less, 14.99, true)]
    [InlineData(Comparator.LessOrEqual, 15, true)]
    [InlineData(Comparator.LessOrEqual, 15.01, false)]
    public void Comparators_hold_at_the_threshold_as_their_symbols_say(Comparator comparator, double observed, bool expected)
    {
        Assert.Equal(expected, RiskAssessor.Matches(comparator, observed, 15));
    }

    [Fact]
    public void A_newtons_per_kg_rule_uses_the_weaker_sides_force_per_kg()
    {
        var json = MinimalJson();
        json["rules"]!.AsArray().Add(Rule("weak-abductors", "newtons-per-kg", "hip-abduction", "<", 1.5, ("study-a", "supports")));
        var catalogue = Parse(json);
        var outcome = Outcome(RiskAssessor.Assess(catalogue, Facts(Sex.Male, 30, Force("hip-abduction", 120, 84))), "weak-abductors");
        Assert.Equal(RuleStatus.Flagged, outcome.Status);
        Assert.Equal(1.4, outcome.Observed!.Value, 12);
        Assert.Equal("Hip abduction strength (weaker side, N/kg) is 1.4 N/kg, below the threshold of 1.5 N/kg.", outcome.Reason);
    }

    [Fact]
    public void A_hold_seconds_rule_on_a_sided_hold_uses_the_weaker_side()
    {
        var json = MinimalJson();
        json["rules"]!.AsArray().Add(Rule("short-bridge", "hold-seconds", "single-leg-bridge", "<", 30, ("study-a", "supports")));
        var catalogue = Parse(json);
        var bridge = ScreeningEvaluator.Evaluate(new TestEntry("single-leg-bridge", Left: [45, 45], Right: [25, 25]), BodyMassKg);
        var outcome = Outcome(RiskAssessor.Assess(catalogue, Facts(Sex.Female, 30, bridge)), "short-bridge");
        Assert.Equal(RuleStatus.Flagged, outcome.Status);
        Assert.Equal(25.0, outcome.Observed);
    }
}
