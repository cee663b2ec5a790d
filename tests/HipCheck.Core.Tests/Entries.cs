using HipCheck.Core.Measurement;
using HipCheck.Core.Validation;

namespace HipCheck.Core.Tests;

/// <summary>Small, valid entries for each test of the catalogue; tests change one thing with <c>with</c>.</summary>
internal static class Entries
{
    public static TestEntry HipExtensionN => new("hip-extension", "N", [200, 210, 205], [250, 245, 255]);

    public static TestEntry HipAbductionKgf => new("hip-abduction", "kgf", [20, 22, 21], [18, 18, 18]);

    public static TestEntry HipExternalRotationLbf => new("hip-external-rotation", "lbf", [30, 30], [25, 27], LeverArmM: 0.35);

    public static TestEntry BackExtension => new("back-extension-endurance", Seconds: 95.5);

    public static TestEntry SingleLegBridge => new("single-leg-bridge", Left: [40, 44], Right: [30, 30]);

    public static TestEntry[] All => [HipExtensionN, HipAbductionKgf, HipExternalRotationLbf, BackExtension, SingleLegBridge];

    public static string[] Fields(IReadOnlyList<FieldError> errors) => [.. errors.Select(e => e.Field)];

    public static IReadOnlyList<FieldError> Validate(params TestEntry?[] tests) => ScreeningEvaluator.Validate(tests);
}
