using System.Globalization;
using System.Net;
using System.Text;
using HipCheck.Core.Statistics;

using static HipCheck.Web.Reports.ChartScale;

namespace HipCheck.Web.Reports;

/// <summary>The study report's plots as inline SVG: Kaplan-Meier curves, the ROC curve and asymmetry by outcome.</summary>
public static class StudyCharts
{
    private const double Width = 560, Height = 260, Left = 48, Right = 16, Top = 14, Bottom = 40;
    private const double PlotW = Width - Left - Right, PlotH = Height - Top - Bottom;

    /// <summary>Event-free survival of the exposed and unexposed groups as step functions.</summary>
    public static string KaplanMeier(string id, KaplanMeierCurve? exposed, KaplanMeierCurve? unexposed, double followUpDays)
    {
        var maxT = Math.Max(1, followUpDays);
        var minS = new[] { exposed, unexposed }.Where(c => c is not null).SelectMany(c => c!.Steps).Select(s => s.Survival).DefaultIfEmpty(1).Min();
        var yMin = Math.Max(0, Math.Floor((minS - 0.05) * 10) / 10);
        double X(double t) => Left + (PlotW * Math.Min(t, maxT) / maxT);
        double Y(double s) => Top + (PlotH * (1 - ((s - yMin) / (1 - yMin))));

        var svg = Open(id, "Event-free survival by exposure (Kaplan-Meier)");
        for (var s = yMin; s <= 1.0001; s += (1 - yMin) / 4)
        {
            svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(s):0.#}\" y2=\"{Y(s):0.#}\" class=\"grid\" /><text x=\"{Left - 6}\" y=\"{Y(s) + 4:0.#}\" class=\"tick\" text-anchor=\"end\">{s:0.00}</text>"));
        }

        for (var d = 0.0; d <= maxT + 0.5; d += Step(maxT, 5))
        {
            svg.Append(Inv($"<text x=\"{X(d):0.#}\" y=\"{Height - 22}\" class=\"tick\" text-anchor=\"middle\">{d:0}</text>"));
        }

        svg.Append(Inv($"<text x=\"{Left + (PlotW / 2):0.#}\" y=\"{Height - 4}\" class=\"tick\" text-anchor=\"middle\">days of follow-up</text>"));
        foreach (var (curve, css, name) in new[] { (exposed, "series-exposed", "exposed"), (unexposed, "series-unexposed", "unexposed") })
        {
            if (curve is null)
            {
                continue;
            }

            var path = new StringBuilder(Inv($"M{X(0):0.#},{Y(1):0.#}"));
            var last = 1.0;
            foreach (var step in curve.Steps.Where(s => s.Events > 0))
            {
                path.Append(Inv($" H{X(step.Time):0.#} V{Y(step.Survival):0.#}"));
                last = step.Survival;
            }

            path.Append(Inv($" H{X(maxT):0.#}"));
            svg.Append(Inv($"<path d=\"{path}\" class=\"line {css}\"><title>{name}: survival falls to {last:0.000}</title></path>"));
        }

        return Close(svg);
    }

    /// <summary>The ROC curve of baseline asymmetry against the event, with the diagonal of chance.</summary>
    public static string Roc(string id, RocResult roc)
    {
        ArgumentNullException.ThrowIfNull(roc);
        double X(double fpr) => Left + (PlotW * fpr);
        double Y(double tpr) => Top + (PlotH * (1 - tpr));
        var svg = Open(id, Inv($"ROC curve of hip-extension asymmetry, AUC {roc.Auc:0.00}"));
        for (var v = 0.0; v <= 1.0001; v += 0.25)
        {
            svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" class=\"grid\" /><text x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" class=\"tick\" text-anchor=\"end\">{v:0.00}</text>"));
            svg.Append(Inv($"<text x=\"{X(v):0.#}\" y=\"{Height - 22}\" class=\"tick\" text-anchor=\"middle\">{v:0.00}</text>"));
        }

        svg.Append(Inv($"<text x=\"{Left + (PlotW / 2):0.#}\" y=\"{Height - 4}\" class=\"tick\" text-anchor=\"middle\">1 − specificity</text>"));
        svg.Append(Inv($"<line x1=\"{X(0)}\" y1=\"{Y(0)}\" x2=\"{X(1)}\" y2=\"{Y(1)}\" class=\"reference\" />"));
        var points = string.Join(" ", roc.Points.Select(p => Inv($"{X(1 - p.Specificity):0.#},{Y(p.Sensitivity):0.#}")));
        svg.Append(Inv($"<polyline points=\"{points} {X(1):0.#},{Y(1):0.#}\" class=\"line series-exposed\" />"));
        var y = roc.Youden;
        if (double.IsFinite(y.Threshold))
        {
            svg.Append(Inv($"<circle cx=\"{X(1 - y.Specificity):0.#}\" cy=\"{Y(y.Sensitivity):0.#}\" r=\"5\" class=\"point series-exposed\"><title>Best threshold (Youden): {y.Threshold:0.0} %</title></circle>"));
        }

        return Close(svg);
    }

    /// <summary>Each athlete's baseline asymmetry, in two rows: with and without the event, the threshold marked.</summary>
    public static string Strip(string id, IReadOnlyList<double> asymmetry, IReadOnlyList<bool> events, double threshold)
    {
        ArgumentNullException.ThrowIfNull(asymmetry);
        ArgumentNullException.ThrowIfNull(events);
        var xMax = Math.Max(threshold * 1.5, asymmetry.DefaultIfEmpty(0).Max() * 1.05);
        double X(double a) => 120 + ((Width - 120 - Right) * a / xMax);
        var svg = Open(id, "Baseline hip-extension asymmetry of athletes with and without the event");
        foreach (var (label, y, hadEvent) in new[] { ("with event", 70.0, true), ("without event", 150.0, false) })
        {
            svg.Append(Inv($"<text x=\"4\" y=\"{y + 4}\" class=\"tick\">{label}</text>"));
            var i = 0;
            for (var k = 0; k < asymmetry.Count; k++)
            {
                if (events[k] != hadEvent)
                {
                    continue;
                }

                var jitter = ((i++ * 7919) % 21) - 10; // deterministic spread, so equal values stay visible
                svg.Append(Inv($"<circle cx=\"{X(asymmetry[k]):0.#}\" cy=\"{y + jitter:0.#}\" r=\"3\" class=\"point {(hadEvent ? "series-exposed" : "series-unexposed")}\" />"));
            }
        }

        svg.Append(Inv($"<line x1=\"{X(threshold):0.#}\" x2=\"{X(threshold):0.#}\" y1=\"40\" y2=\"180\" class=\"reference\" /><text x=\"{X(threshold) + 4:0.#}\" y=\"36\" class=\"tick\">threshold {threshold:0.#} %</text>"));
        for (var a = 0.0; a <= xMax; a += Step(xMax, 5))
        {
            svg.Append(Inv($"<text x=\"{X(a):0.#}\" y=\"{Height - 22}\" class=\"tick\" text-anchor=\"middle\">{a:0}</text>"));
        }

        svg.Append(Inv($"<text x=\"{X(xMax / 2):0.#}\" y=\"{Height - 4}\" class=\"tick\" text-anchor=\"middle\">asymmetry, %</text>"));
        return Close(svg);
    }

    private static StringBuilder Open(string id, string title)
    {
        var svg = new StringBuilder();
        svg.Append(Inv($"<svg class=\"chart trend\" role=\"img\" viewBox=\"0 0 {Width} {Height}\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>"));
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();
}
