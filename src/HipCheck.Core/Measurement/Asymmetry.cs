namespace HipCheck.Core.Measurement;

/// <summary>
/// Side-to-side comparison as PRODUCT.md defines it. Asymmetry % = 100 x (stronger - weaker) / stronger,
/// the "bilateral strength asymmetry" of Bishop et al. (Strength Cond J 2016;38(6):27-32), one of the nine
/// equations in use; LSI % = 100 x weaker / stronger, so asymmetry + LSI = 100.
/// </summary>
/// <param name="AsymmetryPercent">0 when the sides are equal; always in [0, 100).</param>
/// <param name="LsiPercent">Limb symmetry index, in (0, 100].</param>
/// <param name="WeakerSide">The weaker side, or null when the sides are equal.</param>
public readonly record struct Asymmetry(double AsymmetryPercent, double LsiPercent, Side? WeakerSide)
{
    /// <summary>Compares two side scores, both finite and greater than zero.</summary>
    public static Asymmetry Between(double left, double right)
    {
        if (!double.IsFinite(left) || left <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(left), left, "A side score must be finite and greater than zero.");
        }

        if (!double.IsFinite(right) || right <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(right), right, "A side score must be finite and greater than zero.");
        }

        if (left == right)
        {
            return new Asymmetry(0, 100, null);
        }

        var stronger = Math.Max(left, right);
        var weaker = Math.Min(left, right);
        return new Asymmetry(
            100.0 * (stronger - weaker) / stronger,
            100.0 * weaker / stronger,
            left < right ? Side.Left : Side.Right);
    }
}
