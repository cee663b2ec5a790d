using System.Globalization;

namespace HipCheck.Web.Reports;

/// <summary>What every SVG chart needs: round axis steps and numbers written the same in every culture.</summary>
internal static class ChartScale
{
    private static readonly double[] Multiples = [1, 2, 5, 10];

    /// <summary>A round step (1, 2 or 5 times a power of ten) giving about <paramref name="ticks"/> ticks up to <paramref name="max"/>.</summary>
    public static double Step(double max, int ticks)
    {
        var raw = max / ticks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        return Multiples.Select(m => m * magnitude).First(s => s >= raw);
    }

    /// <summary>SVG attributes and labels always use '.' as the decimal point.</summary>
    public static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
