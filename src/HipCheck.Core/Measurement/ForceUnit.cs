namespace HipCheck.Core.Measurement;

/// <summary>The force units a dynamometer may report. Forces are stored in newtons.</summary>
public enum ForceUnit
{
    Newton,
    KilogramForce,
    PoundForce,
}

/// <summary>Exact conversions between force units (PRODUCT.md "Definitions").</summary>
public static class ForceUnits
{
    /// <summary>Standard gravity, exact by definition (CGPM 1901): 1 kgf = 9.80665 N.</summary>
    public const double NewtonsPerKilogramForce = 9.80665;

    /// <summary>1 lbf = 0.45359237 kg x 9.80665 m/s² = 4.4482216152605 N, exact.</summary>
    public const double NewtonsPerPoundForce = 4.4482216152605;

    public static double ToNewtons(double value, ForceUnit unit) => value * Factor(unit);

    public static double FromNewtons(double newtons, ForceUnit unit) => newtons / Factor(unit);

    public static string Symbol(ForceUnit unit) => unit switch
    {
        ForceUnit.Newton => "N",
        ForceUnit.KilogramForce => "kgf",
        ForceUnit.PoundForce => "lbf",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown force unit."),
    };

    /// <summary>Parses the symbols used in the API, forms and CSV files: N, kgf, lbf (case-insensitive).</summary>
    public static bool TryParse(string? symbol, out ForceUnit unit)
    {
        switch (symbol?.Trim().ToUpperInvariant())
        {
            case "N":
                unit = ForceUnit.Newton;
                return true;
            case "KGF":
                unit = ForceUnit.KilogramForce;
                return true;
            case "LBF":
                unit = ForceUnit.PoundForce;
                return true;
            default:
                unit = default;
                return false;
        }
    }

    public static IReadOnlyList<ForceUnit> All { get; } = [ForceUnit.Newton, ForceUnit.KilogramForce, ForceUnit.PoundForce];

    private static double Factor(ForceUnit unit) => unit switch
    {
        ForceUnit.Newton => 1.0,
        ForceUnit.KilogramForce => NewtonsPerKilogramForce,
        ForceUnit.PoundForce => NewtonsPerPoundForce,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown force unit."),
    };
}
