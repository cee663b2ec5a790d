using HipCheck.Core.Athletes;
using HipCheck.Core.Measurement;

namespace HipCheck.Core.Studies.Exports;

/// <summary>
/// The names and codes every research export shares (long and wide CSV, REDCap, R script): short test prefixes,
/// sex and side codes. One place, so a new test or code is added once.
/// </summary>
public static class ExportVocabulary
{
    private static readonly (string TestCode, string Prefix)[] Prefixes =
    [
        (TestCatalogue.HipExtension.Code, "hip_ext"),
        (TestCatalogue.HipAbduction.Code, "hip_abd"),
        (TestCatalogue.HipExternalRotation.Code, "hip_er"),
        (TestCatalogue.BackExtensionEndurance.Code, "back_end"),
        (TestCatalogue.SingleLegBridge.Code, "slb"),
    ];

    /// <summary>The short prefix of a test's wide columns (REDCap limits names, so they stay short).</summary>
    /// <exception cref="ArgumentException">A test without a prefix: add it here.</exception>
    public static string Prefix(TestDefinition test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Prefixes.FirstOrDefault(p => p.TestCode == test.Code).Prefix
            ?? throw new ArgumentException($"Test '{test.Code}' has no export prefix.", nameof(test));
    }

    public static IReadOnlyList<ExportChoice> SexChoices { get; } = [new("F", 1, "female"), new("M", 2, "male")];

    public static IReadOnlyList<ExportChoice> WeakerSideChoices { get; } =
        [new("left", 1, "left"), new("right", 2, "right"), new("equal", 3, "equal")];

    public static IReadOnlyList<ExportChoice> SideChoices { get; } =
        [new("left", 1, "left"), new("right", 2, "right"), new("none", 3, "not sided")];

    public static IReadOnlyList<ExportChoice> TestChoices { get; } =
        [.. TestCatalogue.All.Select((t, i) => new ExportChoice(t.Code, i + 1, t.Name))];

    public static string SexCode(Sex sex) => sex == Sex.Female ? "F" : "M";

    public static string WeakerSideCode(Asymmetry asymmetry) => asymmetry.WeakerSide is { } side ? Sides.Code(side) : "equal";

    /// <summary>Largest plausible N/kg: the test's force limit over the smallest body mass an athlete may have.</summary>
    public static double MaxNewtonsPerKg(TestDefinition test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return test.MaxValue / AthleteProfile.MinBodyMassKg;
    }

    /// <summary>The study code column, first in every export.</summary>
    public static ExportColumn StudyCodeColumn { get; } = new("study_code", ExportValueType.Text, "Study code",
        "The athlete's pseudonymous code in this study (stable for the study; never a name, e-mail or database id).");

    public static ExportColumn SexColumn { get; } = new("sex", ExportValueType.Code, "Sex", "Sex of the athlete.", Choices: SexChoices);

    public static ExportColumn BirthYearColumn { get; } = new("birth_year", ExportValueType.WholeNumber, "Birth year",
        "Year of birth: the birth date reduced to its year (pseudonymisation).", Min: 1900);
}
