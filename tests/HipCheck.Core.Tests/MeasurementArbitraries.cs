using FsCheck;
using FsCheck.Fluent;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Tests;

/// <summary>A positive, finite force or time.</summary>
public readonly record struct PositiveValue(double Value);

/// <summary>One side's trials: 1 to 6 positive, finite values.</summary>
public sealed record TrialSet(double[] Values)
{
    public override string ToString() => $"[{string.Join(", ", Values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]";
}

/// <summary>A positive factor to scale trials by.</summary>
public readonly record struct ScaleFactor(double Value);

/// <summary>Trials in kilogram-force inside the plausible range of every force test (at most 150 kgf = 1471 N).</summary>
public sealed record KgfTrials(double[] Left, double[] Right)
{
    public override string ToString() => $"left [{string.Join(", ", Left)}], right [{string.Join(", ", Right)}]";
}

/// <summary>Any entry a client might send: good, bad and odd values mixed.</summary>
public sealed record AnyEntry(TestEntry Entry)
{
    public override string ToString() =>
        $"{Entry.Test} unit={Entry.Unit ?? "null"} left={Show(Entry.Left)} right={Show(Entry.Right)} arm={Entry.LeverArmM} s={Entry.Seconds}";

    private static string Show(IReadOnlyList<double>? v) => v is null ? "null" : $"[{string.Join(", ", v)}]";
}

/// <summary>
/// Generators for the measurement properties. Values are log-uniform from 1e-3 to 1e7: far wider than any real
/// force (validation caps at 2000 N) or hold (600 s), but away from the overflow and underflow limits of double,
/// where no formula of percentages can keep its guarantees.
/// </summary>
public static class MeasurementArbitraries
{
    private static readonly Gen<double> LogUniform =
        from exponent in Gen.Choose(-3, 6)
        from mantissa in Gen.Choose(1_000_000, 9_999_999)
        select mantissa / 1e6 * Math.Pow(10, exponent);

    /// <summary>Dynamometer-like readings, 0.1 N resolution, 1 to 2000 N.</summary>
    private static readonly Gen<double> Reading = Gen.Choose(10, 20_000).Select(i => i / 10.0);

    private static readonly Gen<double> Positive = Gen.Frequency((3, LogUniform), (2, Reading));

    private static readonly Gen<double[]> Trials =
        Gen.Frequency(
            (3, Gen.Choose(1, 6).SelectMany(n => Positive.ArrayOf(n))),
            // all trials equal: the case where rounding could push the mean past the maximum
            (1, from n in Gen.Choose(1, 6) from v in Positive select Enumerable.Repeat(v, n).ToArray()));

    public static Arbitrary<PositiveValue> PositiveValues() => Arb.From(Positive.Select(v => new PositiveValue(v)));

    public static Arbitrary<TrialSet> TrialSets() => Arb.From(Trials.Select(t => new TrialSet(t)));

    public static Arbitrary<ScaleFactor> ScaleFactors() => Arb.From(LogUniform.Select(v => new ScaleFactor(v)));

    public static Arbitrary<KgfTrials> KgfTrialSets()
    {
        var side = Gen.Choose(1, 6).SelectMany(n => Gen.Choose(10, 1500).Select(i => i / 10.0).ArrayOf(n));
        return Arb.From(from l in side from r in side select new KgfTrials(l, r));
    }

    public static Arbitrary<AnyEntry> AnyEntries()
    {
        // A well-formed entry for a random test of the catalogue, then up to two fields replaced by odd values,
        // so that valid and invalid entries both come up often (about half each).
        var good = Gen.Choose(10, 1500).Select(i => i / 10.0);
        var goodTrials = Gen.Choose(1, 6).SelectMany(n => good.ArrayOf(n));
        var wellFormed = Gen.Elements(TestCatalogue.All.ToArray()).SelectMany(t => t switch
        {
            { Kind: MeasureKind.Force } =>
                from unit in Gen.Elements("N", "kgf", "lbf")
                from l in goodTrials
                from r in goodTrials
                from arm in Gen.Elements<double?>(null, 0.35)
                select new TestEntry(t.Code, unit, l, r, arm),
            { Sided: true } =>
                from unit in Gen.Elements<string?>(null, "s")
                from l in goodTrials
                from r in goodTrials
                select new TestEntry(t.Code, unit, l, r),
            _ => Gen.Choose(1, 6000).Select(i => new TestEntry(t.Code, Seconds: i / 10.0)),
        });

        var bad = Gen.Elements(0.0, -1.0, double.NaN, double.PositiveInfinity, 250.0, 700.0, 1600.0, 2500.0);
        var oddTrials = Gen.OneOf(
            Gen.Constant<IReadOnlyList<double>?>(null),
            Gen.Constant<IReadOnlyList<double>?>(Array.Empty<double>()),
            good.ArrayOf(7).Select(a => (IReadOnlyList<double>?)a),
            from l in goodTrials from b in bad select (IReadOnlyList<double>?)[.. l, b]);
        var mutations = new[]
        {
            Gen.Elements<string?>("hip-flexion", null, " ", "HIP-EXTENSION").Select(v => (Func<TestEntry, TestEntry>)(e => e with { Test = v })),
            Gen.Elements<string?>("kg", "", null, "s", "N", "lbf").Select(v => (Func<TestEntry, TestEntry>)(e => e with { Unit = v })),
            oddTrials.Select(v => (Func<TestEntry, TestEntry>)(e => e with { Left = v })),
            oddTrials.Select(v => (Func<TestEntry, TestEntry>)(e => e with { Right = v })),
            Gen.Elements<double?>(0.04, 35.0, double.NaN, 0.35, null).Select(v => (Func<TestEntry, TestEntry>)(e => e with { LeverArmM = v })),
            Gen.Elements<double?>(null, 0.0, -5.0, double.NaN, 700.0, 95.0).Select(v => (Func<TestEntry, TestEntry>)(e => e with { Seconds = v })),
        };
        var mutation = Gen.OneOf(mutations);

        return Arb.From(
            from entry in wellFormed
            from count in Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)))
            from changes in mutation.ArrayOf(count)
            select new AnyEntry(changes.Aggregate(entry, (e, change) => change(e))));
    }
}
