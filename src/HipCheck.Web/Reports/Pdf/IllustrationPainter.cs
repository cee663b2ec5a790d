using HipCheck.Core.Training;
using PdfSharp.Drawing;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>
/// Draws an exercise illustration as vector graphics, scaled to fit a box with its proportions kept, so it prints
/// sharp at any size. Shapes are drawn in their order (later on top) with the web drawing's colours by role
/// (<see cref="IllustrationSvg"/>): the same picture on the page and on paper.
/// </summary>
internal static class IllustrationPainter
{
    public static XColor ColourOf(ShapeRole role) => role switch
    {
        ShapeRole.Body => XColor.FromArgb(0x1f, 0x29, 0x33),
        ShapeRole.WorkingLimb => XColor.FromArgb(0xc2, 0x41, 0x0c),
        ShapeRole.SupportLimb => XColor.FromArgb(0x7b, 0x87, 0x94),
        ShapeRole.Ground => XColor.FromArgb(0x9a, 0xa5, 0xb1),
        ShapeRole.Equipment => XColor.FromArgb(0x25, 0x63, 0xeb),
        ShapeRole.Arrow => XColor.FromArgb(0x0f, 0x76, 0x6e),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown shape role."),
    };

    public static void Draw(XGraphics gfx, Illustration illustration, XRect box)
    {
        if (illustration.Width <= 0 || illustration.Height <= 0)
        {
            return;
        }

        var scale = Math.Min(box.Width / illustration.Width, box.Height / illustration.Height);
        var offsetX = box.X + ((box.Width - (illustration.Width * scale)) / 2);
        var offsetY = box.Y + ((box.Height - (illustration.Height * scale)) / 2);
        XPoint At(double x, double y) => new(offsetX + (x * scale), offsetY + (y * scale));

        foreach (var shape in illustration.Shapes)
        {
            var colour = ColourOf(shape.Role);
            switch (shape)
            {
                case LineShape line:
                    gfx.DrawLine(Pen(colour, line.Width * scale), At(line.X1, line.Y1), At(line.X2, line.Y2));
                    break;
                case CircleShape circle:
                    var centre = At(circle.Cx, circle.Cy);
                    var r = circle.R * scale;
                    gfx.DrawEllipse(new XSolidBrush(colour), centre.X - r, centre.Y - r, 2 * r, 2 * r);
                    break;
                case PolylineShape { Points.Count: >= 2 } polyline:
                    var points = polyline.Points.Select(p => At(p.X, p.Y)).ToArray();
                    var pen = Pen(colour, polyline.Width * scale);
                    if (polyline.Closed)
                    {
                        gfx.DrawPolygon(pen, new XSolidBrush(colour), points, XFillMode.Winding);
                    }
                    else
                    {
                        gfx.DrawLines(pen, points);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// A key to the colours, for readers of a grey-scale print as much as colour, wrapped to <paramref name="width"/>.
    /// Returns its height.
    /// </summary>
    public static double DrawKey(XGraphics gfx, PdfStyle style, double left, double top, double width)
    {
        (ShapeRole Role, string Label)[] entries =
        [
            (ShapeRole.WorkingLimb, "working leg"),
            (ShapeRole.SupportLimb, "supporting leg"),
            (ShapeRole.Arrow, "movement"),
        ];
        const double RowHeight = 12;
        var (x, y) = (left, top);
        foreach (var (role, label) in entries)
        {
            var entryWidth = 18 + gfx.MeasureString(label, style.Small).Width;
            if (x > left && x + entryWidth > left + width)
            {
                (x, y) = (left, y + RowHeight);
            }

            gfx.DrawLine(Pen(ColourOf(role), 3), x, y + 5, x + 14, y + 5);
            gfx.DrawString(label, style.Small, style.MutedBrush, x + 18, y, XStringFormats.TopLeft);
            x += entryWidth + 12;
        }

        return y + RowHeight - top;
    }

    private static XPen Pen(XColor colour, double width) =>
        new(colour, Math.Max(0.5, width)) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };
}
