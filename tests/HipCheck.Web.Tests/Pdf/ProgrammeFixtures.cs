using HipCheck.Core.Measurement;
using HipCheck.Core.Training;
using HipCheck.Web.Reports.Pdf;

namespace HipCheck.Web.Tests.Pdf;

/// <summary>Small, explicit programmes for the PDF tests, built from the real exercise library.</summary>
internal static class ProgrammeFixtures
{
    public static readonly DateOnly Screened = new(2026, 3, 2);

    public static IReadOnlyList<Deficit> Deficits { get; } =
    [
        new("hip-extension", "Hip extension", Side.Left, 18.4, false, "Your left hip extensors produced 18 % less force than your right."),
        new("hip-abduction", "Hip abduction", Side.Right, 9.1, true, "Your right side was 9 % weaker; the trials varied, so re-test to confirm."),
    ];

    /// <summary>A plan of <paramref name="weeks"/> weeks using every exercise of the library each week.</summary>
    public static Programme Programme(int weeks = 6)
    {
        var start = Screened.AddDays(5);
        var plan = Enumerable.Range(1, weeks).Select(week => new ProgrammeWeek(
            week,
            week <= 2 ? "learn the movements" : week <= 4 ? "build volume" : "add load",
            ExerciseLibrary.All.Select(e => new PrescribedExercise(
                e.Id,
                week <= 2 ? PrescribedExercise.Regression : week <= 4 ? PrescribedExercise.Standard : PrescribedExercise.Progression,
                Sets: 2 + Math.Min(2, (week - 1) / 2),
                Reps: e.Dose == DoseKind.HoldSeconds ? null : 8 + (2 * ((week - 1) % 2)),
                HoldSeconds: e.Dose == DoseKind.HoldSeconds ? 20 + (5 * ((week - 1) % 2)) : null,
                ExtraSetsWeakerSide: e.Unilateral ? 1 : 0,
                WeakerSide: e.Unilateral ? Side.Left : null,
                Note: week == 1 ? "Slow lowering, three seconds down." : "")).ToList())).ToList();
        return new Programme(
            start, weeks, 3, start.AddDays(7 * weeks), Deficits, plan,
            [
                "Your left hip extension was 18 % weaker than your right, so one-leg extension work gets an extra set on the left.",
                "Volume rises every two weeks; the exercises get harder once the easier version is comfortable.",
            ]);
    }

    public static IReadOnlyList<ProgressPoint> Progress { get; } =
    [
        new(Screened, "hip-extension", "Hip extension", 18.4),
        new(Screened, "hip-abduction", "Hip abduction", 9.1),
        new(Screened.AddDays(28), "hip-extension", "Hip extension", 12.9),
        new(Screened.AddDays(28), "hip-abduction", "Hip abduction", 7.5),
        new(Screened.AddDays(49), "hip-extension", "Hip extension", 6.2),
        new(Screened.AddDays(49), "hip-abduction", "Hip abduction", 5.0),
    ];

    /// <summary>
    /// A programme from the real generator: left hip extension about 18 % weaker, right hip abduction about 12 %
    /// weaker, external rotation even (trials in newtons, 62 kg runner).
    /// </summary>
    public static Programme Generated(int weeks = 8)
    {
        TestEntry[] entries =
        [
            new("hip-extension", "N", [198, 204, 201], [246, 244, 248]),
            new("hip-abduction", "N", [180, 184, 182], [160, 161, 159]),
            new("hip-external-rotation", "N", [120, 122, 121], [121, 120, 122]),
        ];
        var results = entries.Select(e => ScreeningEvaluator.Evaluate(e, 62)).ToList();
        return ProgrammeGenerator.Generate(new ProgrammeInput(results, Screened.AddDays(5), SessionsPerWeek: 3, Weeks: weeks));
    }

    public static ProgrammePdfModel GeneratedModel(string name = "Ada Lovelace")
    {
        var programme = Generated();
        return new(name, Screened, programme, programme.Deficits, Progress);
    }

    public static ProgrammePdfModel Model(string name = "Ada Lovelace", int weeks = 6, IReadOnlyList<ProgressPoint>? progress = null) =>
        new(name, Screened, Programme(weeks), Deficits, progress ?? Progress);
}
