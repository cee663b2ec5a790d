using System.Globalization;
using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Risk;

/// <summary>What the risk assessment needs about one screening.</summary>
/// <param name="AgeYears">Age on the day of the screening.</param>
/// <param name="BodyMassKg">Body mass on the day of the screening.</param>
/// <param name="Results">The screening's results (<see cref="ScreeningEvaluator.Evaluate"/>), one per test.</param>
public sealed record ScreeningFacts(Sex Sex, int AgeYears, double BodyMassKg, IReadOnlyList<TestResult> Results);

/// <summary>What a rule made of a screening.</summary>
public enum RuleStatus
{
    /// <summary>The athlete is in the rule's population and the measure is beyond the threshold.</summary>
    Flagged,

    /// <summary>The athlete is in the rule's population and the measure is inside the threshold.</summary>
    Clear,

    /// <summary>The input is missing (test not done, no matching norm): never to be read as "no risk".</summary>
    NotAssessed,

    /// <summary>The athlete's sex or age is outside the population the evidence covers.</summary>
    NotApplicable,
}

/// <summary>One rule's outcome for one screening.</summary>
/// <param name="Observed">The measured value the rule compared (in the metric's unit), or null when not assessed or not applicable.</param>
/// <param name="Threshold">The threshold used: the organisation's override, else the catalogue's.</param>
/// <param name="ThresholdOverridden">True when <see cref="Threshold"/> came from an override.</param>
/// <param name="Reason">Plain language: why the rule flagged, cleared, could not be assessed or does not apply.</param>
public sealed record RuleOutcome(
    EvidenceRule Rule,
    RuleStatus Status,
    double? Observed,
    double Threshold,
    bool ThresholdOverridden,
    string Reason);

/// <summary>The risk assessment of one screening against one catalogue version.</summary>
public sealed record RiskAssessment(string CatalogueVersion, IReadOnlyList<RuleOutcome> Outcomes, IReadOnlyList<TestNorms> Norms)
{
    /// <summary>Shown with every report: what a flag is and is not.</summary>
    public const string Disclaimer =
        "Flags inform; they do not diagnose. A flag means a measurement from this screening matches a pattern "
        + "that some studies have linked to an injury; most of that evidence is small or looked back at injuries that "
        + "had already happened, and many runners with a flag never get hurt. If you are in pain now, see a doctor or "
        + "physiotherapist.";

    public IEnumerable<RuleOutcome> Flags => Outcomes.Where(o => o.Status == RuleStatus.Flagged);
}

/// <summary>
/// Applies the catalogue's rules to a screening. Pure: the catalogue, the facts and the organisation's threshold
/// overrides are passed in.
/// </summary>
public static class RiskAssessor
{
    /// <summary>
    /// Assesses every rule of the catalogue, in catalogue order, and compares every result with its norm.
    /// </summary>
    /// <param name="thresholdOverrides">Rule id to threshold; ids of rules not in this catalogue are ignored (a newer
    /// catalogue may have dropped them).</param>
    /// <exception cref="ArgumentException">The facts are implausible (a test twice, body mass not positive) or an
    /// override is out of range (check it with <see cref="ValidateOverride"/> when it is saved).</exception>
    public static RiskAssessment Assess(
        EvidenceCatalogue catalogue, ScreeningFacts facts, IReadOnlyDictionary<string, double>? thresholdOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(facts.Results);
        if (facts.AgeYears < 0)
        {
            throw new ArgumentException("Age must not be negative.", nameof(facts));
        }

        if (!double.IsFinite(facts.BodyMassKg) || facts.BodyMassKg <= 0)
        {
            throw new ArgumentException("Body mass must be a positive number of kg.", nameof(facts));
        }

        if (facts.Results.GroupBy(r => r.Test.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The screening has the test '{twice.Key}' more than once.", nameof(facts));
        }

        var norms = facts.Results.Select(r => NormLookup.Compare(catalogue.Norms, r, facts.Sex, facts.AgeYears)).ToList();
        var outcomes = catalogue.Rules.Select(rule => AssessRule(rule, facts, norms, thresholdOverrides)).ToList();
        return new RiskAssessment(catalogue.Version, outcomes, norms);
    }

    /// <summary>
    /// Checks an organisation's threshold for a rule: asymmetry 0 to under 100 %, hold 0-600 s, percentile 0-100,
    /// N/kg 0-20. Returns a message for the form, or null when the value is acceptable.
    /// </summary>
    public static string? ValidateOverride(EvidenceRule rule, double value)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ValidateThreshold(rule.Metric, value);
    }

    internal static string? ValidateThreshold(RuleMetric metric, double value)
    {
        var name = MetricName(metric);
        if (!double.IsFinite(value))
        {
            return $"The {name} threshold must be a finite number.";
        }

        return metric.Kind switch
        {
            MetricKind.AsymmetryPercent when value is < 0 or >= 100 => $"The {name} threshold must be at least 0 % and below 100 %.",
            MetricKind.HoldSeconds when value is < 0 or > 600 => $"The {name} threshold must be between 0 and 600 s.",
            MetricKind.Percentile when value is < 0 or > 100 => $"The {name} threshold must be between 0 and 100.",
            MetricKind.NewtonsPerKg when value is < 0 or > 20 => $"The {name} threshold must be between 0 and 20 N/kg.",
            _ => null,
        };
    }

    /// <summary>True when <paramref name="observed"/> is beyond the threshold in the rule's direction.</summary>
    public static bool Matches(Comparator comparator, double observed, double threshold) => comparator switch
    {
        Comparator.GreaterOrEqual => observed >= threshold,
        Comparator.Greater => observed > threshold,
        Comparator.Less => observed < threshold,
        Comparator.LessOrEqual => observed <= threshold,
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "Unknown comparator."),
    };

    /// <summary>Plain words for a metric, e.g. "hip extension asymmetry".</summary>
    public static string MetricName(RuleMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var test = TestCatalogue.Find(metric.TestCode) is { } t ? LowerFirst(t.Name) : metric.TestCode;
        return metric.Kind switch
        {
            MetricKind.AsymmetryPercent => $"{test} asymmetry",
            MetricKind.HoldSeconds => $"{test} hold time",
            MetricKind.Percentile => $"{test} percentile (weaker side)",
            MetricKind.NewtonsPerKg => $"{test} strength (weaker side, N/kg)",
            _ => test,
        };
    }

    /// <summary>A value with its metric's unit, e.g. "15 %", "176 s", "the 33rd percentile".</summary>
    public static string FormatValue(MetricKind kind, double value) => kind switch
    {
        MetricKind.AsymmetryPercent => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} %"),
        MetricKind.HoldSeconds => string.Create(CultureInfo.InvariantCulture, $"{value:0.#} s"),
        MetricKind.Percentile => string.Create(CultureInfo.InvariantCulture, $"{value:0.#}"),
        MetricKind.NewtonsPerKg => string.Create(CultureInfo.InvariantCulture, $"{value:0.##} N/kg"),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The comparator in words: "at or above", "above", "below", "at or below".</summary>
    public static string ComparatorWords(Comparator comparator) => comparator switch
    {
        Comparator.GreaterOrEqual => "at or above",
        Comparator.Greater => "above",
        Comparator.Less => "below",
        Comparator.LessOrEqual => "at or below",
        _ => throw new ArgumentOutOfRangeException(nameof(comparator), comparator, "Unknown comparator."),
    };

    /// <summary>Who a rule applies to, in words: "women", "men aged 30-60", "everyone".</summary>
    public static string PopulationWords(Sex? sex, int? ageMin, int? ageMax)
    {
        var who = sex switch { Sex.Female => "women", Sex.Male => "men", _ => "everyone" };
        var ages = (ageMin, ageMax) switch
        {
            (null, null) => "",
            ({ } min, null) => $" aged {min} and over",
            (null, { } max) => $" aged up to {max}",
            ({ } min, { } max) => $" aged {min}-{max}",
        };
        return who + ages;
    }

    private static RuleOutcome AssessRule(
        EvidenceRule rule, ScreeningFacts facts, IReadOnlyList<TestNorms> norms, IReadOnlyDictionary<string, double>? overrides)
    {
        var threshold = rule.Threshold;
        var overridden = false;
        if (overrides is not null && overrides.TryGetValue(rule.Id, out var custom))
        {
            if (ValidateOverride(rule, custom) is { } problem)
            {
                throw new ArgumentException($"Threshold override for rule '{rule.Id}': {problem}", nameof(overrides));
            }

            threshold = custom;
            overridden = true;
        }

        if (!rule.AppliesTo(facts.Sex, facts.AgeYears))
        {
            return new RuleOutcome(rule, RuleStatus.NotApplicable, null, threshold, overridden, NotApplicableReason(rule, facts));
        }

        var result = facts.Results.FirstOrDefault(r => string.Equals(r.Test.Code, rule.Metric.TestCode, StringComparison.Ordinal));
        var testName = TestCatalogue.Find(rule.Metric.TestCode)?.Name ?? rule.Metric.TestCode;
        if (result is null)
        {
            return new RuleOutcome(rule, RuleStatus.NotAssessed, null, threshold, overridden,
                $"Not assessed: this screening has no {LowerFirst(testName)} test. Add it to check this rule.");
        }

        var (observed, missing) = Observe(rule.Metric, result, norms, facts);
        if (observed is not { } value)
        {
            return new RuleOutcome(rule, RuleStatus.NotAssessed, null, threshold, overridden, $"Not assessed: {missing}");
        }

        var flagged = Matches(rule.Comparator, value, threshold);
        var name = MetricName(rule.Metric);
        var kind = rule.Metric.Kind;
        var relation = flagged ? ComparatorWords(rule.Comparator) : ComparatorWords(Opposite(rule.Comparator));
        var reason = char.ToUpperInvariant(name[0]) + name[1..]
            + $" is {FormatValue(kind, value)}, {relation} the {(overridden ? "organisation's " : "")}threshold of {FormatValue(kind, threshold)}.";
        if (overridden)
        {
            reason += $" The catalogue's threshold is {FormatValue(kind, rule.Threshold)}.";
        }

        if (result.NeedsRetest)
        {
            reason += " The trials were inconsistent: re-test before relying on this.";
        }

        return new RuleOutcome(rule, flagged ? RuleStatus.Flagged : RuleStatus.Clear, value, threshold, overridden, reason);
    }

    private static (double? Value, string Missing) Observe(
        RuleMetric metric, TestResult result, IReadOnlyList<TestNorms> norms, ScreeningFacts facts)
    {
        var test = LowerFirst(result.Test.Name);
        switch (metric.Kind)
        {
            case MetricKind.AsymmetryPercent:
                return result.Asymmetry is { } a
                    ? (a.AsymmetryPercent, "")
                    : (null, $"the {test} result has no left and right sides to compare.");
            case MetricKind.HoldSeconds:
                var seconds = result.Seconds ?? Weaker(result.Left?.Score.Mean, result.Right?.Score.Mean);
                return (seconds, $"the {test} result has no hold time.");
            case MetricKind.NewtonsPerKg:
                return (Weaker(result.Left?.NewtonsPerKg, result.Right?.NewtonsPerKg), $"the {test} result has no force per body mass.");
            case MetricKind.Percentile:
                var testNorms = norms.First(n => string.Equals(n.TestCode, result.Test.Code, StringComparison.Ordinal));
                if (testNorms.Norm is not { } norm)
                {
                    return (null, $"no norm: HipCheck has no reference values for this {test} test "
                        + $"({(NormLookup.ContractionOf(result.Test) == Contraction.Hold ? "hold" : "isometric")}) in "
                        + $"{(facts.Sex == Sex.Female ? "women" : "men")} aged {facts.AgeYears.ToString(CultureInfo.InvariantCulture)}, so no percentile can be worked out.");
                }

                return testNorms.WeakerSidePercentile is { } p
                    ? (p, "")
                    : (null, $"the only matching norm ({norm.Id}) reports a mean but no standard deviation, so no percentile can be worked out.");
            default:
                return (null, "the rule's measure is unknown.");
        }
    }

    /// <summary>"Hip extension" becomes "hip extension"; names inside stay as written ("Biering-Sørensen").</summary>
    internal static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static double? Weaker(double? left, double? right) => (left, right) switch
    {
        ({ } l, { } r) => Math.Min(l, r),
        ({ } l, null) => l,
        (null, { } r) => r,
        _ => null,
    };

    private static Comparator Opposite(Comparator comparator) => comparator switch
    {
        Comparator.GreaterOrEqual => Comparator.Less,
        Comparator.Greater => Comparator.LessOrEqual,
        Comparator.Less => Comparator.GreaterOrEqual,
        _ => Comparator.Greater,
    };

    private static string NotApplicableReason(EvidenceRule rule, ScreeningFacts facts)
    {
        var population = PopulationWords(rule.Sex, rule.AgeMin, rule.AgeMax);
        if (rule.Sex is { } sex && sex != facts.Sex)
        {
            return $"Does not apply: the evidence for this rule is in {population} only, so it is never used for "
                + $"{(facts.Sex == Sex.Female ? "women" : "men")}.";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Does not apply at age {facts.AgeYears}: the evidence for this rule covers {population}, the ages studied.");
    }
}
