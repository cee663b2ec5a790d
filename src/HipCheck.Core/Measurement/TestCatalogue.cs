namespace HipCheck.Core.Measurement;

/// <summary>What a test measures: a force (per side, by dynamometer) or a hold time.</summary>
public enum MeasureKind
{
    /// <summary>Isometric force from a handheld dynamometer, stored in newtons.</summary>
    Force,

    /// <summary>Endurance hold, in seconds.</summary>
    HoldSeconds,
}

/// <summary>One test of the catalogue, with the protocol a tester follows.</summary>
/// <param name="Code">Stable identifier used by the API, CSV files and the database.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">What is measured.</param>
/// <param name="Sided">True when each side is tested separately.</param>
/// <param name="CvLimitPercent">
/// Trial-to-trial variation above which a re-test is suggested. DOMAIN.md: "about 10-15 %" is the range in
/// use; these limits are conventions, not evidence-based cut-offs.
/// </param>
/// <param name="MaxValue">Largest plausible value in the base unit (N or s): anything above is a typing error.</param>
/// <param name="Protocol">How to perform the test.</param>
public sealed record TestDefinition(
    string Code,
    string Name,
    MeasureKind Kind,
    bool Sided,
    double CvLimitPercent,
    double MaxValue,
    string Protocol)
{
    public string BaseUnit => Kind == MeasureKind.Force ? "N" : "s";
}

/// <summary>The tests HipCheck knows. Codes are a public contract (API, CSV, exports).</summary>
public static class TestCatalogue
{
    public const int MaxTrialsPerSide = 6;

    public static TestDefinition HipExtension { get; } = new(
        "hip-extension", "Hip extension", MeasureKind.Force, Sided: true, CvLimitPercent: 10, MaxValue: 2000,
        "Prone, knee bent to 90°, dynamometer on the back of the thigh just above the knee, pelvis strapped or held. "
        + "One practice trial, then 2-3 maximal 3-5 s isometric pushes per side with 30-60 s rest.");

    public static TestDefinition HipAbduction { get; } = new(
        "hip-abduction", "Hip abduction", MeasureKind.Force, Sided: true, CvLimitPercent: 10, MaxValue: 2000,
        "Side-lying (or supine), hip neutral, dynamometer on the outside of the thigh just above the knee. "
        + "One practice trial, then 2-3 maximal 3-5 s isometric pushes per side with 30-60 s rest.");

    public static TestDefinition HipExternalRotation { get; } = new(
        "hip-external-rotation", "Hip external rotation", MeasureKind.Force, Sided: true, CvLimitPercent: 10, MaxValue: 1500,
        "Seated, hip and knee at 90°, dynamometer on the inside of the lower leg just above the ankle. "
        + "One practice trial, then 2-3 maximal 3-5 s isometric pushes per side with 30-60 s rest.");

    public static TestDefinition BackExtensionEndurance { get; } = new(
        "back-extension-endurance", "Back-extension endurance (Biering-Sørensen)", MeasureKind.HoldSeconds, Sided: false,
        CvLimitPercent: 15, MaxValue: 600,
        "Prone with the trunk unsupported beyond the edge of the bench from the upper iliac crest, legs strapped, arms "
        + "crossed; hold the trunk horizontal as long as possible. Stop when the trunk drops or at 240 s "
        + "(Biering-Sørensen 1984).");

    public static TestDefinition SingleLegBridge { get; } = new(
        "single-leg-bridge", "Single-leg bridge hold", MeasureKind.HoldSeconds, Sided: true, CvLimitPercent: 15, MaxValue: 600,
        "Home field test. Supine, one knee bent with the foot flat, the other leg straight in line with the thigh; lift "
        + "the hips level and hold until the pelvis drops or tilts. Time each side.");

    public static IReadOnlyList<TestDefinition> All { get; } =
        [HipExtension, HipAbduction, HipExternalRotation, BackExtensionEndurance, SingleLegBridge];

    public static TestDefinition? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(t => string.Equals(t.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}
