using System.Globalization;
using System.Net;
using System.Text;

using static HipCheck.Web.Reports.ChartScale;

namespace HipCheck.Web.Reports;

/// <summary>One line of a trend chart: a named series of dated values.</summary>
/// <param name="Name">Legend text, e.g. "Left".</param>
/// <param name="CssClass">Colour class (series-left, series-right, series-asym).</param>
/// <param name="Points">Values by date, any order.</param>
public sealed record TrendSeries(string Name, string CssClass, IReadOnlyList<(DateOnly Date, double Value)> Points);

/// <summary>
/// A dated line chart as inline SVG (no JavaScript): time on x, value on y, an optional dashed reference line
/// (e.g. the asymmetry threshold). Every point carries a tooltip title; the page shows the same numbers in a
/// table for screen readers.
/// </summary>
public static class TrendChart
{
    private const double LabelSpacing = 80, Width = 560, Height = 220, Left = 48, Right = 12, Top = 12, Bottom = 36;

    /// <param name="markers">Dated events drawn as dashed vertical lines (e.g. a programme's start and re-test); the time axis spans them too.</param>
    public static string Render(string id, string title, string unit, IReadOnlyList<TrendSeries> series, double? reference = null, string? referenceLabel = null,
        IReadOnlyList<(DateOnly Date, string Label)>? markers = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            return "";
        }

        markers ??= [];
        var minDate = points.Select(p => p.Date).Concat(markers.Select(m => m.Date)).Min().DayNumber;
        var maxDate = points.Select(p => p.Date).Concat(markers.Select(m => m.Date)).Max().DayNumber;
        var span = Math.Max(1, maxDate - minDate);
        var yMax = Math.Max(points.Max(p => p.Value), reference ?? 0);
        var (niceMax, step) = NiceScale(yMax <= 0 ? 1 : yMax * 1.1);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int day) => maxDate == minDate ? Left + plotW / 2 : Left + plotW * (day - minDate) / span;
        double Y(double v) => Top + plotH * (1 - v / niceMax);

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"chart trend\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>"));
        for (var v = 0.0; v <= niceMax + 1e-9; v += step)
        {
            svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" class=\"grid\" />"));
            svg.Append(Inv($"<text x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" class=\"tick\" text-anchor=\"end\">{v:0.##}</text>"));
        }

        svg.Append(Inv($"<text x=\"4\" y=\"{Top + 4}\" class=\"tick\">{WebUtility.HtmlEncode(unit)}</text>"));
        // Date labels: the first and the last always, others only where they do not collide.
        var days = points.Select(p => p.Date).Distinct().OrderBy(d => d).ToList();
        var lastLabelX = double.NegativeInfinity;
        for (var i = 0; i < days.Count; i++)
        {
            var x = X(days[i].DayNumber);
            var isLast = i == days.Count - 1;
            if (!isLast && (x - lastLabelX < LabelSpacing || X(days[^1].DayNumber) - x < LabelSpacing))
            {
                continue;
            }

            var anchor = days.Count == 1 ? "middle" : i == 0 ? "start" : isLast ? "end" : "middle";
            svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"{Height - 12}\" class=\"tick\" text-anchor=\"{anchor}\">{days[i]:yyyy-MM-dd}</text>"));
            lastLabelX = x;
        }

        if (reference is { } r)
        {
            svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(r):0.#}\" y2=\"{Y(r):0.#}\" class=\"reference\" />"));
            if (referenceLabel is not null)
            {
                svg.Append(Inv($"<text x=\"{Width - Right}\" y=\"{Y(r) - 4:0.#}\" class=\"tick\" text-anchor=\"end\">{WebUtility.HtmlEncode(referenceLabel)}</text>"));
            }
        }

        for (var i = 0; i < markers.Count; i++)
        {
            var (date, label) = markers[i];
            var x = X(date.DayNumber);
            var anchor = x > Width - Right - 60 ? "end" : x < Left + 60 ? "start" : "middle";
            svg.Append(Inv($"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" class=\"marker\"><title>{WebUtility.HtmlEncode(label)} {date:yyyy-MM-dd}</title></line>"));
            svg.Append(Inv($"<text x=\"{x:0.#}\" y=\"{Top + 12 + 12 * (i % 2)}\" class=\"tick marker-label\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(label)}</text>"));
        }

        foreach (var s in series.Where(s => s.Points.Count > 0))
        {
            var ordered = s.Points.OrderBy(p => p.Date).ToList();
            var path = string.Join(" ", ordered.Select(p => Inv($"{X(p.Date.DayNumber):0.#},{Y(p.Value):0.#}")));
            svg.Append(Inv($"<polyline points=\"{path}\" class=\"line {s.CssClass}\" />"));
            foreach (var p in ordered)
            {
                svg.Append(Inv($"<circle cx=\"{X(p.Date.DayNumber):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"4\" class=\"point {s.CssClass}\"><title>{WebUtility.HtmlEncode(s.Name)} {p.Date:yyyy-MM-dd}: {p.Value:0.0} {WebUtility.HtmlEncode(unit)}</title></circle>"));
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>A round axis maximum and tick step (1, 2 or 5 times a power of ten, about 4 ticks).</summary>
    internal static (double Max, double Step) NiceScale(double max)
    {
        var step = Step(max, 4);
        return (Math.Ceiling(max / step) * step, step);
    }
}
