using HipCheck.Core.Training;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>Everything the personalised programme PDF shows.</summary>
/// <param name="AthleteName">As the athlete wrote it; long names wrap on the cover and are shortened in the header.</param>
/// <param name="ScreeningDate">The screening the programme was generated from.</param>
/// <param name="Programme">The generated (or coach-adjusted) programme.</param>
/// <param name="Deficits">The deficits to explain; usually <see cref="Programme.Deficits"/>.</param>
/// <param name="Progress">Asymmetry per test at the screening and each re-test, any order; may be empty.</param>
public sealed record ProgrammePdfModel(
    string AthleteName,
    DateOnly ScreeningDate,
    Programme Programme,
    IReadOnlyList<Deficit> Deficits,
    IReadOnlyList<ProgressPoint> Progress);

/// <summary>One test's side-to-side asymmetry on one date (100 x (stronger - weaker) / stronger).</summary>
public sealed record ProgressPoint(DateOnly Date, string TestCode, string TestName, double AsymmetryPercent);
