using System.Globalization;
using HipCheck.Core.Validation;

namespace HipCheck.Core.Measurement;

/// <summary>Validates entered tests and turns them into results. Pure: no clock, no I/O.</summary>
public static class ScreeningEvaluator
{
    public const string InconsistentTrials = "inconsistent-trials";
    public const string SingleTrial = "single-trial";

    /// <summary>Lever arms outside this range (metres) are typing errors (cm entered as m).</summary>
    public const double MinLeverArmM = 0.05, MaxLeverArmM = 1.5;

    private static readonly string TestCodes = string.Join(", ", TestCatalogue.All.Select(t => t.Code));

    /// <summary>Checks every test of a screening; field names follow the API (<c>tests[i].left[j]</c>).</summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<TestEntry?>? tests)
    {
        var errors = new FieldErrors();
        if (tests is null || tests.Count == 0)
        {
            errors.Add("tests", "Add at least one test.");
            return errors.All;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tests.Count; i++)
        {
            var path = $"tests[{i}]";
            var entry = tests[i];
            if (entry is null)
            {
                errors.Add(path, "This test is empty.");
                continue;
            }

            var definition = TestCatalogue.Find(entry.Test);
            if (definition is null)
            {
                errors.Add($"{path}.test", string.IsNullOrWhiteSpace(entry.Test)
                    ? $"Name the test: one of {TestCodes}."
                    : $"Unknown test '{entry.Test}'. Use one of {TestCodes}.");
                continue;
            }

            if (!seen.Add(definition.Code))
            {
                errors.Add($"{path}.test", $"{definition.Name} appears more than once in this screening.");
                continue;
            }

            ValidateEntry(definition, entry, path, errors);
        }

        return errors.All;
    }

    /// <summary>
    /// Checks one test on its own (a row of an imported file) with the same rules as <see cref="Validate"/>. Field
    /// names are relative to the test: <c>unit</c>, <c>left</c>, <c>left[1]</c>, <c>seconds</c>, <c>leverArmM</c>.
    /// </summary>
    public static void ValidateTest(TestDefinition definition, TestEntry entry, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.All.Count;
        ValidateEntry(definition, entry, "", errors);
        errors.TrimLeadingDots(before);
    }

    /// <summary>Computes the result of one valid entry.</summary>
    /// <exception cref="ArgumentException">The entry is invalid (call <see cref="Validate"/> first).</exception>
    public static TestResult Evaluate(TestEntry entry, double bodyMassKg)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var definition = TestCatalogue.Find(entry.Test)
            ?? throw new ArgumentException($"Unknown test '{entry.Test}'.", nameof(entry));
        var problems = new FieldErrors();
        ValidateEntry(definition, entry, "test", problems);
        if (!problems.IsValid)
        {
            throw new ArgumentException(string.Join(" ", problems.All.Select(p => $"{p.Field}: {p.Message}")), nameof(entry));
        }

        if (!double.IsFinite(bodyMassKg) || bodyMassKg <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bodyMassKg), bodyMassKg, "Body mass must be positive.");
        }

        if (!definition.Sided)
        {
            return new TestResult(definition, null, null, null, null, null, entry.Seconds, []);
        }

        ForceUnit? unit = null;
        if (definition.Kind == MeasureKind.Force && ForceUnits.TryParse(entry.Unit, out var parsed))
        {
            unit = parsed;
        }

        var warnings = new List<ResultWarning>();
        var left = SideOf(definition, entry.Left!, unit, entry.LeverArmM, bodyMassKg, Side.Left, warnings);
        var right = SideOf(definition, entry.Right!, unit, entry.LeverArmM, bodyMassKg, Side.Right, warnings);
        var asymmetry = Asymmetry.Between(left.Score.Mean, right.Score.Mean);
        return new TestResult(definition, unit, entry.LeverArmM, left, right, asymmetry, null, warnings);
    }

    private static SideResult SideOf(
        TestDefinition definition, IReadOnlyList<double> entered, ForceUnit? unit, double? leverArmM, double bodyMassKg,
        Side side, List<ResultWarning> warnings)
    {
        var trials = unit is { } u ? entered.Select(v => ForceUnits.ToNewtons(v, u)).ToArray() : entered.ToArray();
        var score = SideScore.FromTrials(trials);
        var sideName = side == Side.Left ? "left" : "right";
        if (score.CvPercent is { } cv && cv > definition.CvLimitPercent)
        {
            warnings.Add(new ResultWarning(InconsistentTrials, side, string.Create(CultureInfo.InvariantCulture,
                $"The {sideName} trials vary by {cv:0.0} % (coefficient of variation), above this test's {definition.CvLimitPercent:0} % limit: re-test the {sideName} side.")));
        }
        else if (score.TrialCount == 1)
        {
            warnings.Add(new ResultWarning(SingleTrial, side,
                $"Only one {sideName} trial: its consistency cannot be checked. The protocol asks for 2-3 trials per side."));
        }

        double? perKg = null, torquePerKg = null;
        if (definition.Kind == MeasureKind.Force)
        {
            perKg = score.Mean / bodyMassKg;
            if (leverArmM is { } arm)
            {
                torquePerKg = score.Mean * arm / bodyMassKg;
            }
        }

        return new SideResult(trials, score, perKg, torquePerKg);
    }

    private static void ValidateEntry(TestDefinition definition, TestEntry entry, string path, FieldErrors errors)
    {
        if (!definition.Sided)
        {
            RejectPresent(entry.Left, $"{path}.left", definition, "takes one hold time in seconds, not left and right trials", errors);
            RejectPresent(entry.Right, $"{path}.right", definition, "takes one hold time in seconds, not left and right trials", errors);
            if (!string.IsNullOrWhiteSpace(entry.Unit) && !string.Equals(entry.Unit.Trim(), "s", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{path}.unit", $"{definition.Name} is timed in seconds: leave the unit out or use 's'.");
            }

            if (entry.LeverArmM is not null)
            {
                errors.Add($"{path}.leverArmM", $"{definition.Name} has no lever arm.");
            }

            if (entry.Seconds is not { } seconds)
            {
                errors.Add($"{path}.seconds", "Enter the hold time in seconds.");
            }
            else if (!double.IsFinite(seconds) || seconds <= 0)
            {
                errors.Add($"{path}.seconds", "The hold time must be a number of seconds greater than 0.");
            }
            else if (seconds > definition.MaxValue)
            {
                errors.Add($"{path}.seconds", $"A hold of more than {definition.MaxValue:0} s is not plausible: check the value.");
            }

            return;
        }

        if (entry.Seconds is not null)
        {
            errors.Add($"{path}.seconds", $"{definition.Name} takes left and right trials, not a single time.");
        }

        double factor = 1;
        string unitSymbol = definition.BaseUnit;
        if (definition.Kind == MeasureKind.Force)
        {
            if (string.IsNullOrWhiteSpace(entry.Unit))
            {
                errors.Add($"{path}.unit", "Choose the force unit: N, kgf or lbf.");
            }
            else if (!ForceUnits.TryParse(entry.Unit, out var unit))
            {
                errors.Add($"{path}.unit", $"Unknown unit '{entry.Unit}'. Use N, kgf or lbf.");
            }
            else
            {
                factor = ForceUnits.ToNewtons(1, unit);
                unitSymbol = ForceUnits.Symbol(unit);
            }

            if (entry.LeverArmM is { } arm && (!double.IsFinite(arm) || arm < MinLeverArmM || arm > MaxLeverArmM))
            {
                errors.Add($"{path}.leverArmM", string.Create(CultureInfo.InvariantCulture,
                    $"The lever arm must be between {MinLeverArmM} and {MaxLeverArmM} m."));
            }
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(entry.Unit) && !string.Equals(entry.Unit.Trim(), "s", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{path}.unit", $"{definition.Name} is timed in seconds: leave the unit out or use 's'.");
            }

            if (entry.LeverArmM is not null)
            {
                errors.Add($"{path}.leverArmM", $"{definition.Name} has no lever arm.");
            }
        }

        ValidateTrials(definition, entry.Left, $"{path}.left", "left", factor, unitSymbol, errors);
        ValidateTrials(definition, entry.Right, $"{path}.right", "right", factor, unitSymbol, errors);
    }

    private static void ValidateTrials(
        TestDefinition definition, IReadOnlyList<double>? trials, string path, string side, double factor, string unit,
        FieldErrors errors)
    {
        var what = definition.Kind == MeasureKind.Force ? "force" : "hold time";
        if (trials is null || trials.Count == 0)
        {
            errors.Add(path, $"Enter at least one {side} trial.");
            return;
        }

        if (trials.Count > TestCatalogue.MaxTrialsPerSide)
        {
            errors.Add(path, $"At most {TestCatalogue.MaxTrialsPerSide} trials per side.");
            return;
        }

        var max = definition.MaxValue / factor;
        for (var j = 0; j < trials.Count; j++)
        {
            var t = trials[j];
            if (!double.IsFinite(t) || t <= 0)
            {
                errors.Add($"{path}[{j}]", $"Each {side} {what} must be a number greater than 0.");
            }
            else if (t > max)
            {
                errors.Add($"{path}[{j}]", string.Create(CultureInfo.InvariantCulture,
                    $"{t} {unit} is above the plausible maximum of {max:0.#} {unit} for {definition.Name.ToLowerInvariant()}: check the value and the unit."));
            }
        }
    }

    private static void RejectPresent(IReadOnlyList<double>? trials, string path, TestDefinition definition, string why, FieldErrors errors)
    {
        if (trials is { Count: > 0 })
        {
            errors.Add(path, $"{definition.Name} {why}.");
        }
    }
}
