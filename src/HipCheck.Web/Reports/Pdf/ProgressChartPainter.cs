using System.Globalization;
using PdfSharp.Drawing;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>
/// The progress chart: side-to-side asymmetry (%) per test over time, with the 10-15 % band that clinicians
/// commonly treat as meaningful (a convention, not an evidence-based cut-off) and markers for the programme's
/// start and re-test date.
/// </summary>
internal static class ProgressChartPainter
{
    private static readonly XColor[] SeriesColours =
    [
        PdfStyle.Accent,
        PdfStyle.Weaker,
        XColor.FromArgb(0x2f, 0x85, 0x5a),
        XColor.FromArgb(0x7b, 0x3f, 0xa0),
        XColor.FromArgb(0x8a, 0x6d, 0x00),
    ];

    private static readonly double[] NiceSteps = [1, 2, 5, 10];

    public const double BandLow = 10, BandHigh = 15;

    /// <summary>Draws the chart in <paramref name="box"/>; returns false (drawing nothing) when there are no points.</summary>
    public static bool Draw(XGraphics gfx, PdfStyle style, XRect box, IReadOnlyList<ProgressPoint> points, DateOnly start, DateOnly retest)
    {
        if (points.Count == 0)
        {
            return false;
        }

        var series = points.GroupBy(p => p.TestCode).Select(g => g.OrderBy(p => p.Date).ToList()).ToList();
        var legendRows = (int)Math.Ceiling(series.Count / 2.0);
        var plot = new XRect(box.X + 36, box.Y + 16, box.Width - 44, box.Height - 44 - (legendRows * 14));

        var minDay = Math.Min(points.Min(p => p.Date).DayNumber, start.DayNumber);
        var maxDay = Math.Max(points.Max(p => p.Date).DayNumber, retest.DayNumber);
        var span = Math.Max(1, maxDay - minDay);
        var (yMax, step) = NiceScale(Math.Max(BandHigh + 5, points.Max(p => p.AsymmetryPercent) * 1.1));
        double X(int day) => plot.X + (plot.Width * (day - minDay) / span);
        double Y(double value) => plot.Bottom - (plot.Height * Math.Clamp(value, 0, yMax) / yMax);

        gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xfd, 0xec, 0xe0)), plot.X, Y(BandHigh), plot.Width, Y(BandLow) - Y(BandHigh));
        for (var v = 0.0; v <= yMax + 1e-9; v += step)
        {
            gfx.DrawLine(style.RulePen, plot.X, Y(v), plot.Right, Y(v));
            gfx.DrawString(Invariant($"{v:0.#} %"), style.Small, style.MutedBrush, plot.X - 4, Y(v), XStringFormats.CenterRight);
        }

        var markerPen = new XPen(PdfStyle.Muted, 0.75) { DashStyle = XDashStyle.Dash };
        foreach (var (day, label) in new[] { (start.DayNumber, "start"), (retest.DayNumber, "re-test due") })
        {
            gfx.DrawLine(markerPen, X(day), plot.Y, X(day), plot.Bottom);
            gfx.DrawString(label, style.Small, style.MutedBrush, X(day), plot.Y - 1, day == minDay ? XStringFormats.BottomLeft : XStringFormats.BottomRight);
        }

        var dates = points.Select(p => p.Date).Append(start).Append(retest).Distinct().Order().ToList();
        var lastLabelRight = double.NegativeInfinity;
        foreach (var date in dates)
        {
            var text = date.ToString("d MMM yy", CultureInfo.InvariantCulture);
            var width = gfx.MeasureString(text, style.Small).Width;
            var x = Math.Clamp(X(date.DayNumber), plot.X + (width / 2), plot.Right - (width / 2));
            if (x - (width / 2) > lastLabelRight + 4)
            {
                gfx.DrawString(text, style.Small, style.MutedBrush, x, plot.Bottom + 3, XStringFormats.TopCenter);
                lastLabelRight = x + (width / 2);
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = SeriesColours[s % SeriesColours.Length];
            var pen = new XPen(colour, 1.8) { LineJoin = XLineJoin.Round };
            var xy = series[s].Select(p => new XPoint(X(p.Date.DayNumber), Y(p.AsymmetryPercent))).ToArray();
            if (xy.Length > 1)
            {
                gfx.DrawLines(pen, xy);
            }

            foreach (var point in xy)
            {
                gfx.DrawEllipse(new XSolidBrush(colour), point.X - 2.5, point.Y - 2.5, 5, 5);
            }

            var legendX = box.X + 36 + ((s % 2) * (box.Width - 44) / 2);
            var legendY = plot.Bottom + 18 + ((s / 2) * 14);
            gfx.DrawLine(pen, legendX, legendY + 5, legendX + 14, legendY + 5);
            var name = series[s][0].TestName;
            gfx.DrawString(PageFlow.Ellipsize(gfx, name, style.Small, ((box.Width - 44) / 2) - 24), style.Small, style.InkBrush, legendX + 18, legendY, XStringFormats.TopLeft);
        }

        gfx.DrawRectangle(style.RulePen, plot);
        return true;
    }

    /// <summary>A round axis maximum and tick step (1, 2, 5 or 10 x a power of ten) giving about five ticks.</summary>
    private static (double Max, double Step) NiceScale(double max)
    {
        var raw = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = NiceSteps.Select(s => s * magnitude).First(s => s >= raw);
        return (Math.Ceiling(max / step) * step, step);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
