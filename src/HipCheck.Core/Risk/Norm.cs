using HipCheck.Core.Athletes;

namespace HipCheck.Core.Risk;

/// <summary>The unit a norm's mean and SD are expressed in.</summary>
public enum NormUnit
{
    /// <summary>Force per body mass, N/kg.</summary>
    NewtonsPerKg,

    /// <summary>Torque per body mass (force x lever arm / mass), Nm/kg.</summary>
    NewtonMetresPerKg,

    /// <summary>Force in kgf as a percentage of body mass in kg: %BW = N/kg / 9.80665 x 100.</summary>
    PercentBodyWeight,

    /// <summary>Hold time, s.</summary>
    Seconds,
}

/// <summary>How the muscle worked in the norm's protocol. HipCheck's dynamometer tests are isometric.</summary>
public enum Contraction
{
    Isometric,
    Eccentric,

    /// <summary>An endurance hold (back extension, single-leg bridge).</summary>
    Hold,
}

/// <summary>A published reference value for one test in one population.</summary>
/// <param name="Sex">Null when the norm is for both sexes.</param>
/// <param name="AgeMin">Youngest age (years, inclusive) the norm covers; null = no lower limit.</param>
/// <param name="AgeMax">Oldest age (years, inclusive) the norm covers; null = no upper limit.</param>
/// <param name="Sd">Standard deviation; null when the source gives none, and then no percentile is computed.</param>
/// <param name="Protocol">Position, contraction, lever arm and unit, as the source describes them.</param>
public sealed record Norm(
    string Id,
    string TestCode,
    Sex? Sex,
    int? AgeMin,
    int? AgeMax,
    NormUnit Unit,
    Contraction Contraction,
    double Mean,
    double? Sd,
    int? N,
    double? Ci95Low,
    double? Ci95High,
    string Protocol,
    string StudyId)
{
    /// <summary>True when the norm's population includes an athlete of this sex and age.</summary>
    public bool Covers(Sex sex, int ageYears) =>
        (Sex is null || Sex == sex) && (AgeMin is null || ageYears >= AgeMin) && (AgeMax is null || ageYears <= AgeMax);
}
