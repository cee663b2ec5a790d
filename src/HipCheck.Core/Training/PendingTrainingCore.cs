// TEMPORARY stand-in for branch training-core (the exercise library and the generator), written against its
// announced API so the web side compiles; deleted when training-core is merged.
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Training;

public sealed record Exercise(
    string Id, string Name, IReadOnlyList<string> TargetMuscles, IReadOnlyList<string> TrainsTests, bool Unilateral,
    string Dose, string Evidence, IReadOnlyList<string> Instructions, IReadOnlyList<string> CommonMistakes,
    string Regression, string Progression, string Illustration);

public static class ExerciseLibrary
{
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new("single-leg-bridge", "Single-leg bridge", ["gluteus maximus", "hamstrings"], ["hip-extension"], true, "3 x 10", "Pending evidence.", ["Lie on your back."], ["Arching the back."], "Two-leg bridge", "Bridge with the foot raised", "bridge"),
        new("side-lying-abduction", "Side-lying hip abduction", ["gluteus medius"], ["hip-abduction"], true, "3 x 12", "Distefano 2009: 81 % MVIC.", ["Lie on your side."], ["Rolling back."], "Smaller range", "Ankle weight", "abduction"),
        new("single-leg-deadlift", "Single-leg deadlift", ["gluteus maximus", "gluteus medius"], ["hip-extension"], true, "3 x 8", "Distefano 2009: 59 % MVIC.", ["Stand on one leg."], ["Rounding the back."], "Hand on a wall", "Hold a weight", "deadlift"),
        new("clam", "Clam", ["gluteus medius", "external rotators"], ["hip-external-rotation"], true, "3 x 15", "Distefano 2009: 40 % MVIC.", ["Lie on your side, knees bent."], ["Rolling the pelvis."], "Smaller range", "Band round the knees", "clam"),
        new("side-plank-abduction", "Side plank with hip abduction", ["gluteus medius"], ["hip-abduction"], true, "3 x 20 s", "Boren 2011.", ["Side plank."], ["Hips sag."], "Knees bent", "Lift the top leg", "sideplank"),
    ];

    public static Exercise? Find(string? id) => All.FirstOrDefault(e => e.Id == id);
}

public static class IllustrationSvg
{
    public static string Render(string illustration) =>
        $"<svg viewBox=\"0 0 200 120\" role=\"img\" aria-label=\"{illustration}\" xmlns=\"http://www.w3.org/2000/svg\"><rect x=\"10\" y=\"90\" width=\"180\" height=\"4\"/></svg>";
}

public sealed record ProgrammeInput(IReadOnlyList<TestResult> Results, DateOnly StartDate, int SessionsPerWeek, int Weeks);

public sealed record Deficit(string TestCode, Side WeakerSide, double AsymmetryPercent);

public sealed record PrescribedExercise(string ExerciseId, int Level, int Sets, int? Reps, int? HoldSeconds, int ExtraSetsWeakerSide, Side? WeakerSide, string Note);

public sealed record ProgrammeWeek(int Week, IReadOnlyList<PrescribedExercise> Exercises);

public sealed record Programme(DateOnly StartDate, int Weeks, int SessionsPerWeek, DateOnly RetestDate, IReadOnlyList<Deficit> Deficits, IReadOnlyList<ProgrammeWeek> Plan, string Explanation);

public static class ProgrammeGenerator
{
    public static Programme Generate(ProgrammeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deficits = input.Results.Where(r => r.Asymmetry is { WeakerSide: not null, AsymmetryPercent: >= 10 })
            .Select(r => new Deficit(r.Test.Code, r.Asymmetry!.Value.WeakerSide!.Value, r.Asymmetry.Value.AsymmetryPercent)).ToList();
        var weeks = Enumerable.Range(1, input.Weeks).Select(w => new ProgrammeWeek(w, ExerciseLibrary.All.Select(e =>
        {
            var d = deficits.FirstOrDefault(x => e.TrainsTests.Contains(x.TestCode));
            return new PrescribedExercise(e.Id, 1 + (w - 1) / 3, 3, e.Id == "side-plank-abduction" ? null : 10 + w, e.Id == "side-plank-abduction" ? 20 + 5 * w : null,
                d is null ? 0 : 1, d?.WeakerSide, d is null ? "" : "One extra set on the weaker side.");
        }).ToList())).ToList();
        return new Programme(input.StartDate, input.Weeks, input.SessionsPerWeek, input.StartDate.AddDays(7 * input.Weeks), deficits, weeks,
            "A plan built from your screening.");
    }
}

public enum SessionStatus
{
    Done,
    Partly,
    Skipped,
}

public sealed record LoggedSession(DateOnly Date, SessionStatus Status);

public sealed record WeekAdherence(int Week, DateOnly From, DateOnly To, int Planned, int Done, int Partly, int Skipped, double? AdherencePercent);

public static class Adherence
{
    public static IReadOnlyList<WeekAdherence> Weekly(Programme programme, IEnumerable<LoggedSession> sessions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(programme);
        var list = sessions.ToList();
        var result = new List<WeekAdherence>();
        for (var w = 1; w <= programme.Weeks; w++)
        {
            var from = programme.StartDate.AddDays(7 * (w - 1));
            if (from > today)
            {
                break;
            }

            var to = from.AddDays(6);
            var inWeek = list.Where(s => s.Date >= from && s.Date <= to).ToList();
            int done = inWeek.Count(s => s.Status == SessionStatus.Done), partly = inWeek.Count(s => s.Status == SessionStatus.Partly);
            result.Add(new WeekAdherence(w, from, to, programme.SessionsPerWeek, done, partly, inWeek.Count(s => s.Status == SessionStatus.Skipped),
                100.0 * Math.Min(programme.SessionsPerWeek, done + 0.5 * partly) / programme.SessionsPerWeek));
        }

        return result;
    }
}
