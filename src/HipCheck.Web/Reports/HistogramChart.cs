using System.Globalization;
using System.Net;
using System.Text;

using static HipCheck.Web.Reports.ChartScale;

namespace HipCheck.Web.Reports;

/// <summary>
/// The team's distribution of one asymmetry as an inline SVG histogram (bins of 5 %), with the threshold
/// marked, so a coach sees at a glance how many athletes sit beyond it.
/// </summary>
public static class HistogramChart
{
    private const double Width = 560, Height = 220, Left = 40, Right = 12, Top = 16, Bottom = 40, BinWidth = 5;

    /// <summary>Counts per bin: [0, 5), [5, 10), ... with the last bin open-ended at <paramref name="lastBinStart"/>.</summary>
    public static int[] Bin(IEnumerable<double> values, double lastBinStart = 30)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bins = new int[(int)(lastBinStart / BinWidth) + 1];
        foreach (var v in values)
        {
            bins[Math.Clamp((int)Math.Floor(v / BinWidth), 0, bins.Length - 1)]++;
        }

        return bins;
    }

    public static string Render(string id, string title, IReadOnlyList<double> values, double? threshold)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bins = Bin(values);
        var maxCount = Math.Max(1, bins.Max());
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var barW = plotW / bins.Length;
        var xMax = bins.Length * BinWidth;
        double X(double value) => Left + plotW * Math.Min(value, xMax) / xMax;

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"chart histogram\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>"));
        var beyond = threshold is { } t ? values.Count(v => v >= t) : 0;
        var desc = threshold is { } th
            ? Inv($"{values.Count} athletes; {beyond} at or above the {th:0.#} % threshold.")
            : Inv($"{values.Count} athletes.");
        svg.Append(Inv($"<desc id=\"{id}-desc\">{WebUtility.HtmlEncode(desc)}</desc>"));
        for (var i = 0; i < bins.Length; i++)
        {
            var h = plotH * bins[i] / maxCount;
            var x = Left + (i * barW);
            var label = i == bins.Length - 1 ? Inv($"≥{i * BinWidth:0}") : Inv($"{i * BinWidth:0}-{(i + 1) * BinWidth:0}");
            svg.Append(Inv($"<rect x=\"{x + 2:0.#}\" y=\"{Top + plotH - h:0.#}\" width=\"{barW - 4:0.#}\" height=\"{h:0.#}\" class=\"bin\"><title>{label} %: {bins[i]}</title></rect>"));
            if (bins[i] > 0)
            {
                svg.Append(Inv($"<text x=\"{x + barW / 2:0.#}\" y=\"{Top + plotH - h - 4:0.#}\" class=\"tick\" text-anchor=\"middle\">{bins[i]}</text>"));
            }

            svg.Append(Inv($"<text x=\"{x + barW / 2:0.#}\" y=\"{Height - 22}\" class=\"tick\" text-anchor=\"middle\">{label}</text>"));
        }

        svg.Append(Inv($"<text x=\"{Left + plotW / 2:0.#}\" y=\"{Height - 4}\" class=\"tick\" text-anchor=\"middle\">asymmetry, %</text>"));
        svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + plotH}\" y2=\"{Top + plotH}\" class=\"axis\" />"));
        if (threshold is { } thr)
        {
            svg.Append(Inv($"<line x1=\"{X(thr):0.#}\" x2=\"{X(thr):0.#}\" y1=\"{Top - 6}\" y2=\"{Top + plotH}\" class=\"reference\" />"));
            svg.Append(Inv($"<text x=\"{X(thr) + 4:0.#}\" y=\"{Top + 2}\" class=\"tick\">threshold {thr:0.#} %</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
