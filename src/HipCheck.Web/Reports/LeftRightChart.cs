using System.Globalization;
using System.Net;
using System.Text;
using HipCheck.Core.Measurement;

namespace HipCheck.Web.Reports;

/// <summary>
/// A small inline SVG bar chart of the left and right means of one test, with each trial as a dot. Drawn
/// by hand: it needs no JavaScript, scales with the page, carries a title and description for screen
/// readers, and costs nothing to render.
/// </summary>
public static class LeftRightChart
{
    private const int Width = 480, BarHeight = 26, Gap = 14, LabelWidth = 56, ValueWidth = 92, Top = 8;

    public static string Render(TestResult result, string id)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Left is not { } left || result.Right is not { } right)
        {
            return "";
        }

        var unit = result.Test.BaseUnit;
        var max = new[] { left.Score.Max, right.Score.Max }.Max() * 1.05;
        var plotWidth = Width - LabelWidth - ValueWidth;
        var height = Top * 2 + BarHeight * 2 + Gap;
        var title = $"{result.Test.Name}: left {Format(left.Score.Mean)} {unit}, right {Format(right.Score.Mean)} {unit}";
        var desc = result.Asymmetry is { WeakerSide: { } weaker } a
            ? $"The {Sides.Code(weaker)} side is {Format(a.AsymmetryPercent)} % weaker (mean of the trials; dots are single trials)."
            : "Both sides are equal.";

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{WebUtility.HtmlEncode(desc)}</desc>");
        var y = Top;
        foreach (var (name, side, isWeaker) in new[]
                 {
                     ("Left", left, result.Asymmetry?.WeakerSide == Side.Left),
                     ("Right", right, result.Asymmetry?.WeakerSide == Side.Right),
                 })
        {
            var w = plotWidth * side.Score.Mean / max;
            var cls = isWeaker ? "bar weaker" : "bar";
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + BarHeight * 0.7:0.#}\" class=\"label\">{name}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{BarHeight}\" rx=\"3\" class=\"{cls}\" />");
            foreach (var trial in side.Trials)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<circle cx=\"{LabelWidth + plotWidth * trial / max:0.##}\" cy=\"{y + BarHeight / 2.0:0.#}\" r=\"3.5\" class=\"trial\" />");
            }

            // The value sits right of the bar and of its farthest trial dot, so neither hides it.
            var labelX = LabelWidth + (plotWidth * side.Score.Max / max) + 8;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{labelX:0.##}\" y=\"{y + BarHeight * 0.7:0.#}\" class=\"value\">{Format(side.Score.Mean)} {unit}</text>");
            y += BarHeight + Gap;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Format(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
