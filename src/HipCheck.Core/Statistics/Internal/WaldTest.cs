using MathNet.Numerics;

namespace HipCheck.Core.Statistics.Internal;

/// <summary>Wald z and its two-sided normal p-value, as R's summary.glm and summary.coxph report them.</summary>
internal static class WaldTest
{
    /// <summary>
    /// P(|Z| ≥ |z|) = erfc(|z| / √2) for a standard normal Z; computed through erfc so that tiny p-values keep their
    /// relative accuracy (R: 2 * pnorm(-abs(z))). NaN when z is NaN.
    /// </summary>
    public static double TwoSidedP(double z) =>
        double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    public static RegressionTerm Term(string name, double estimate, double standardError)
    {
        var z = estimate / standardError;
        return new RegressionTerm(name, estimate, standardError, z, TwoSidedP(z));
    }

    public static RegressionTerm Undefined(string name) =>
        new(name, double.NaN, double.NaN, double.NaN, double.NaN);
}
