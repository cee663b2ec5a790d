using HipCheck.Core.Measurement;

namespace HipCheck.Core.Import;

/// <summary>What a column means, whatever the layout calls it.</summary>
internal enum ImportColumn
{
    AthleteId,
    Name,
    Sex,
    BirthDate,
    BodyMassKg,
    HeightCm,
    DominantLeg,
    Date,
    Test,
    Direction,
    Unit,
    Left1,
    Left2,
    Left3,
    Right1,
    Right2,
    Right3,
    Seconds,
    LeverArmM,
}

/// <summary>A layout: the header names each column may have, which are required, and how a row names its test.</summary>
internal sealed record ImportLayoutSpec(
    ImportLayout Layout,
    IReadOnlyDictionary<ImportColumn, string[]> Names,
    IReadOnlySet<ImportColumn> Required,
    string? FixedUnit)
{
    public static int ColumnCount { get; } = Enum.GetValues<ImportColumn>().Length;

    /// <summary>HipCheck's own long layout (docs/import.md, layout A).</summary>
    public static ImportLayoutSpec ScreeningCsv { get; } = new(
        ImportLayout.ScreeningCsv,
        new Dictionary<ImportColumn, string[]>
        {
            [ImportColumn.AthleteId] = ["athlete_id"],
            [ImportColumn.Name] = ["name"],
            [ImportColumn.Sex] = ["sex"],
            [ImportColumn.BirthDate] = ["birth_date"],
            [ImportColumn.BodyMassKg] = ["body_mass_kg"],
            [ImportColumn.HeightCm] = ["height_cm"],
            [ImportColumn.DominantLeg] = ["dominant_leg"],
            [ImportColumn.Date] = ["date"],
            [ImportColumn.Test] = ["test"],
            [ImportColumn.Unit] = ["unit"],
            [ImportColumn.Left1] = ["left_1"],
            [ImportColumn.Left2] = ["left_2"],
            [ImportColumn.Left3] = ["left_3"],
            [ImportColumn.Right1] = ["right_1"],
            [ImportColumn.Right2] = ["right_2"],
            [ImportColumn.Right3] = ["right_3"],
            [ImportColumn.Seconds] = ["seconds"],
            [ImportColumn.LeverArmM] = ["lever_arm_m"],
        },
        new HashSet<ImportColumn> { ImportColumn.AthleteId, ImportColumn.Date, ImportColumn.Test },
        FixedUnit: null);

    /// <summary>
    /// A generic hand-held dynamometer export with the column names seen in VALD ForceFrame/DynaMo exports
    /// (docs/import.md, layout B: not confirmed against a vendor specification, which none publishes). Each side's
    /// peak force in newtons is one trial.
    /// </summary>
    public static ImportLayoutSpec DynamometerExport { get; } = new(
        ImportLayout.DynamometerExport,
        new Dictionary<ImportColumn, string[]>
        {
            [ImportColumn.AthleteId] = ["External Id", "ExternalId", "External ID"],
            [ImportColumn.Name] = ["Name"],
            [ImportColumn.Date] = ["Date UTC", "Date"],
            [ImportColumn.Test] = ["Test"],
            [ImportColumn.Direction] = ["Direction"],
            [ImportColumn.Left1] = ["L Max Force (N)"],
            [ImportColumn.Right1] = ["R Max Force (N)"],
        },
        new HashSet<ImportColumn> { ImportColumn.AthleteId, ImportColumn.Date, ImportColumn.Test, ImportColumn.Left1, ImportColumn.Right1 },
        FixedUnit: "N");

    /// <summary>The dynamometer layout when its force columns are in the header, otherwise HipCheck's CSV.</summary>
    public static ImportLayoutSpec Recognise(IReadOnlyList<string> header) =>
        header.Any(h => string.Equals(h, "L Max Force (N)", StringComparison.OrdinalIgnoreCase)) ? DynamometerExport : ScreeningCsv;

    public static ImportLayoutSpec For(ImportLayout layout) =>
        layout == ImportLayout.DynamometerExport ? DynamometerExport : ScreeningCsv;
}

/// <summary>How a dynamometer export's test (and direction) map onto the catalogue.</summary>
internal static class DynamometerTests
{
    /// <summary>The catalogue test, or null with the reason.</summary>
    public static TestDefinition? Map(string test, string direction, out string? problem)
    {
        problem = null;
        var t = Normalise(test);
        var d = Normalise(direction);
        switch (t)
        {
            case "hip extension":
                return TestCatalogue.HipExtension;
            case "hip abduction":
                return TestCatalogue.HipAbduction;
            case "hip external rotation":
                return TestCatalogue.HipExternalRotation;
            case "hip ad/ab" or "hip add/abd" or "hip adduction/abduction":
                // ForceFrame's hip AD/AB test: "Pull" is abduction (outward), "Squeeze" is adduction (inward).
                if (d is "pull" or "abduction")
                {
                    return TestCatalogue.HipAbduction;
                }

                problem = d is "squeeze" or "adduction"
                    ? "hip adduction is not in HipCheck's test catalogue: leave these rows out"
                    : $"direction '{direction}' of '{test}' is not known: use Pull (abduction)";
                return null;
            case "hip ir/er" or "hip er/ir" or "hip rotation":
                if (d is "external rotation" or "er" or "external")
                {
                    return TestCatalogue.HipExternalRotation;
                }

                problem = d is "internal rotation" or "ir" or "internal"
                    ? "hip internal rotation is not in HipCheck's test catalogue: leave these rows out"
                    : $"direction '{direction}' of '{test}' is not known: use External Rotation";
                return null;
            default:
                if (TestCatalogue.Find(test) is { } byCode)
                {
                    return byCode;
                }

                problem = $"unknown test '{test}': use Hip Extension, Hip Abduction (or Hip AD/AB with Direction Pull), "
                    + "Hip External Rotation (or Hip IR/ER with Direction External Rotation)";
                return null;
        }
    }

    private static string Normalise(string value) => string.Join(' ', value.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
