// TEMPORARY: the HipCheck.Core.Training API as agreed with branch training-core, so this branch builds before that
// branch lands. Delete this file when merging training-core (the real types then come from HipCheck.Core).
#pragma warning disable CA1819, CA1034, CA1711, CA1720
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Training;

public enum DoseKind { Reps, Hold }
public enum ShapeRole { Body, WorkingLimb, SupportLimb, Ground, Equipment, Arrow }
public abstract record Shape(ShapeRole Role);
public sealed record LineShape(ShapeRole Role, double X1, double Y1, double X2, double Y2, double Width) : Shape(Role);
public sealed record CircleShape(ShapeRole Role, double Cx, double Cy, double R) : Shape(Role);
public sealed record PolylineShape(ShapeRole Role, IReadOnlyList<(double X, double Y)> Points, double Width, bool Closed) : Shape(Role);
public sealed record Illustration(double Width, double Height, IReadOnlyList<Shape> Shapes, string AltText);
public sealed record ExerciseVariant(string Name, string Description);
public sealed record ExerciseEvidence(string Citation, string Muscle, double? MeanPercentMvic, double? SdPercentMvic, string Note, string Verification);
public sealed record Exercise(string Id, string Name, IReadOnlyList<string> TargetMuscles, IReadOnlyList<string> TrainsTests, bool Unilateral, DoseKind Dose, IReadOnlyList<ExerciseEvidence> Evidence, IReadOnlyList<string> Instructions, IReadOnlyList<string> CommonMistakes, ExerciseVariant Regression, ExerciseVariant Progression, Illustration Illustration);
public sealed record Deficit(string TestCode, string TestName, Side? WeakerSide, double AsymmetryPercent, bool NeedsRetest, string Description);
public sealed record PrescribedExercise(string ExerciseId, string Level, int Sets, int? Reps, int? HoldSeconds, int ExtraSetsWeakerSide, Side? WeakerSide, string Note);
public sealed record ProgrammeWeek(int Week, string Focus, IReadOnlyList<PrescribedExercise> Exercises);
public sealed record Programme(DateOnly StartDate, int Weeks, int SessionsPerWeek, DateOnly RetestDate, IReadOnlyList<Deficit> Deficits, IReadOnlyList<ProgrammeWeek> Plan, IReadOnlyList<string> Explanation);

public static class ExerciseLibrary
{
    private static Illustration Figure(string alt) => new(200, 120,
    [
        new LineShape(ShapeRole.Ground, 0, 110, 200, 110, 2),
        new CircleShape(ShapeRole.Body, 40, 80, 10),
        new LineShape(ShapeRole.Body, 50, 85, 110, 95, 6),
        new PolylineShape(ShapeRole.SupportLimb, [(110, 95), (130, 70), (150, 108)], 5, false),
        new PolylineShape(ShapeRole.WorkingLimb, [(110, 95), (150, 60), (185, 40)], 5, false),
        new LineShape(ShapeRole.Arrow, 170, 80, 180, 50, 2),
        new PolylineShape(ShapeRole.Equipment, [(20, 100), (60, 100), (60, 108), (20, 108)], 1, true),
    ], alt);

    private static Exercise Make(string id, string name, string muscle, double? mean, double? sd) => new(
        id, name, [muscle], ["hip-extension"], true, DoseKind.Reps,
        [new ExerciseEvidence("Distefano et al., J Orthop Sports Phys Ther 2009;39(7):532-540", muscle, mean, sd, "21 healthy active people", "verified against the paper's table")],
        ["Lie on your back with one knee bent.", "Push through the heel and lift the hips until the body forms a straight line.", "Hold, then lower slowly."],
        ["Arching the lower back instead of using the hip.", "Letting the pelvis drop on the free side."],
        new ExerciseVariant("Double-leg bridge", "Both feet on the floor."),
        new ExerciseVariant("Single-leg bridge on a step", "Heel on a step raises the range."),
        Figure($"{name}: the working leg drives the hip up."));

    public static IReadOnlyList<Exercise> All { get; } =
    [
        Make("side-lying-abduction", "Side-lying hip abduction", "gluteus medius", 81, 42),
        Make("single-leg-squat", "Single-leg squat", "gluteus medius", 64, 25),
        Make("single-leg-deadlift", "Single-leg deadlift", "gluteus maximus", 59, 28),
        Make("single-leg-bridge", "Single-leg bridge", "gluteus maximus", null, null),
        Make("clam", "Clam", "gluteus medius", 40, 38),
    ];

    public static Exercise? Find(string id) => All.FirstOrDefault(e => e.Id == id);
}
