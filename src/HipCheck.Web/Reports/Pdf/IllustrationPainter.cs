using HipCheck.Core.Training;
using PdfSharp.Drawing;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>
/// Draws an exercise illustration as vector graphics, scaled to fit a box with its proportions kept, so it prints
/// sharp at any size. Colours follow the shape's role: the working leg in the accent colour, the supporting leg in
/// grey, movement arrows in orange with a head at their end.
/// </summary>
internal static class IllustrationPainter
{
    private static readonly XColor BodyColour = XColor.FromArgb(0x33, 0x3d, 0x4d);
    private static readonly XColor SupportColour = XColor.FromArgb(0x9a, 0xa5, 0xb4);
    private static readonly XColor GroundColour = XColor.FromArgb(0xb8, 0xc0, 0xcc);
    private static readonly XColor EquipmentColour = XColor.FromArgb(0x6b, 0x7a, 0x33);
    private static readonly XColor ArrowColour = XColor.FromArgb(0xe0, 0x7b, 0x00);

    public static XColor ColourOf(ShapeRole role) => role switch
    {
        ShapeRole.Body => BodyColour,
        ShapeRole.WorkingLimb => PdfStyle.Accent,
        ShapeRole.SupportLimb => SupportColour,
        ShapeRole.Ground => GroundColour,
        ShapeRole.Equipment => EquipmentColour,
        ShapeRole.Arrow => ArrowColour,
        _ => BodyColour,
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

        // Ground and equipment first, then the support leg, the body and the working leg, arrows on top.
        foreach (var shape in illustration.Shapes.OrderBy(s => Layer(s.Role)))
        {
            var colour = ColourOf(shape.Role);
            switch (shape)
            {
                case LineShape line:
                    var from = At(line.X1, line.Y1);
                    var to = At(line.X2, line.Y2);
                    gfx.DrawLine(Pen(colour, line.Width * scale), from, to);
                    if (shape.Role == ShapeRole.Arrow)
                    {
                        ArrowHead(gfx, colour, from, to, line.Width * scale);
                    }

                    break;
                case CircleShape circle:
                    var centre = At(circle.Cx, circle.Cy);
                    var r = circle.R * scale;
                    var fill = shape.Role is ShapeRole.Body ? new XSolidBrush(colour) : new XSolidBrush(Lighten(colour));
                    gfx.DrawEllipse(Pen(colour, Math.Max(0.75, scale)), fill, centre.X - r, centre.Y - r, 2 * r, 2 * r);
                    break;
                case PolylineShape polyline when polyline.Points.Count >= 2:
                    var points = polyline.Points.Select(p => At(p.X, p.Y)).ToArray();
                    var pen = Pen(colour, polyline.Width * scale);
                    if (polyline.Closed)
                    {
                        gfx.DrawPolygon(pen, new XSolidBrush(Lighten(colour)), points, XFillMode.Winding);
                    }
                    else
                    {
                        gfx.DrawLines(pen, points);
                        if (shape.Role == ShapeRole.Arrow)
                        {
                            ArrowHead(gfx, colour, points[^2], points[^1], polyline.Width * scale);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>A key to the colours, for readers of a grey-scale print as much as colour.</summary>
    public static void DrawKey(XGraphics gfx, PdfStyle style, double x, double y)
    {
        (ShapeRole Role, string Label)[] entries =
        [
            (ShapeRole.WorkingLimb, "working leg"),
            (ShapeRole.SupportLimb, "supporting leg"),
            (ShapeRole.Arrow, "direction of movement"),
        ];
        foreach (var (role, label) in entries)
        {
            gfx.DrawLine(Pen(ColourOf(role), 3), x, y + 5, x + 14, y + 5);
            gfx.DrawString(label, style.Small, style.MutedBrush, x + 18, y, XStringFormats.TopLeft);
            x += 18 + gfx.MeasureString(label, style.Small).Width + 14;
        }
    }

    private static int Layer(ShapeRole role) => role switch
    {
        ShapeRole.Ground => 0,
        ShapeRole.Equipment => 1,
        ShapeRole.SupportLimb => 2,
        ShapeRole.Body => 3,
        ShapeRole.WorkingLimb => 4,
        _ => 5,
    };

    private static XPen Pen(XColor colour, double width) =>
        new(colour, Math.Max(0.5, width)) { LineCap = XLineCap.Round, LineJoin = XLineJoin.Round };

    private static XColor Lighten(XColor colour) =>
        XColor.FromArgb((int)(255 - ((255 - colour.R) * 0.35)), (int)(255 - ((255 - colour.G) * 0.35)), (int)(255 - ((255 - colour.B) * 0.35)));

    private static void ArrowHead(XGraphics gfx, XColor colour, XPoint from, XPoint to, double width)
    {
        var dx = to.X - from.X;
        var dy = to.Y - from.Y;
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 1e-6)
        {
            return;
        }

        var size = Math.Max(5, width * 3.5);
        var (ux, uy) = (dx / length, dy / length);
        var back = new XPoint(to.X - (ux * size), to.Y - (uy * size));
        XPoint[] head =
        [
            new(to.X + (ux * width), to.Y + (uy * width)),
            new(back.X - (uy * size * 0.55), back.Y + (ux * size * 0.55)),
            new(back.X + (uy * size * 0.55), back.Y - (ux * size * 0.55)),
        ];
        gfx.DrawPolygon(new XSolidBrush(colour), head, XFillMode.Winding);
    }
}
