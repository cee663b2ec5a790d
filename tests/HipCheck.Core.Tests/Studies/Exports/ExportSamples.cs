using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;
using HipCheck.Core.Studies.Exports;

namespace HipCheck.Core.Tests.Studies.Exports;

/// <summary>
/// The small study behind docs/exports/sample (the files the R script is checked on):
/// <list type="bullet">
/// <item>S01 (F, 1995): 2025-09-01, 60 kg: hip extension 200, 210 / 250, 250 N, abduction 150, 150 / 160, 160 N, back hold 95 s;
/// 2025-12-01, 61 kg: hip extension 230, 230 / 240, 240 N. Event at day 44 of 180.</item>
/// <item>S02 (M, 1988): 2025-09-02, 72 kg: hip extension 180 / 200 N, single-leg bridge 40, 44 / 50, 50 s. No event in 180 days.</item>
/// <item>S03 (F, 2001): 2025-09-03, 55 kg: hip external rotation 100 / 100 N (equal, one trial each). Not in the analysed cohort.</item>
/// </list>
/// </summary>
public static class ExportSamples
{
    public static HipCheck.Core.Measurement.TestResult Force(string test, double[] left, double[] right, double mass) =>
        ScreeningEvaluator.Evaluate(new TestEntry(test, "N", left, right), mass);

    public static IReadOnlyList<ExportAthlete> Athletes { get; } =
    [
        new("S02", Sex.Male, 1988,
        [
            new(new DateOnly(2025, 9, 2), 72,
            [
                Force("hip-extension", [180], [200], 72),
                ScreeningEvaluator.Evaluate(new TestEntry("single-leg-bridge", null, [40, 44], [50, 50]), 72),
            ]),
        ], new ExportOutcome(false, 180, 180)),
        new("S01", Sex.Female, 1995,
        [
            new(new DateOnly(2025, 12, 1), 61, [Force("hip-extension", [230, 230], [240, 240], 61)]),
            new(new DateOnly(2025, 9, 1), 60,
            [
                ScreeningEvaluator.Evaluate(new TestEntry("back-extension-endurance", Seconds: 95), 60),
                Force("hip-extension", [200, 210], [250, 250], 60),
                Force("hip-abduction", [150, 150], [160, 160], 60),
            ]),
        ], new ExportOutcome(true, 180, 44)),
        new("S03", Sex.Female, 2001,
            [new(new DateOnly(2025, 9, 3), 55, [Force("hip-external-rotation", [100], [100], 55)])], null),
    ];
}
