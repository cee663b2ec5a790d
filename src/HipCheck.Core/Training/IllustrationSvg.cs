using System.Globalization;
using System.Text;

namespace HipCheck.Core.Training;

/// <summary>
/// Renders an <see cref="Illustration"/> as inline SVG. Each shape carries a CSS class for its role
/// (<c>ill-body</c>, <c>ill-working</c>, <c>ill-support</c>, <c>ill-ground</c>, <c>ill-equipment</c>, <c>ill-arrow</c>)
/// and explicit stroke and fill attributes, so the drawing reads correctly without any stylesheet (e-mail, feeds,
/// a saved page) and a stylesheet can still recolour it (presentation attributes lose to CSS).
/// </summary>
public static class IllustrationSvg
{
    /// <summary>Default colours: dark body, the working limb in a strong accent, support limb mid grey.</summary>
    private static (string Css, string Stroke, string Fill) Style(ShapeRole role) => role switch
    {
        ShapeRole.Body => ("ill-body", "#1f2933", "#1f2933"),
        ShapeRole.WorkingLimb => ("ill-working", "#c2410c", "#c2410c"),
        ShapeRole.SupportLimb => ("ill-support", "#7b8794", "#7b8794"),
        ShapeRole.Ground => ("ill-ground", "#9aa5b1", "none"),
        ShapeRole.Equipment => ("ill-equipment", "#2563eb", "#2563eb"),
        ShapeRole.Arrow => ("ill-arrow", "#0f766e", "#0f766e"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown shape role."),
    };

    /// <summary>Renders the drawing as an <c>&lt;svg&gt;</c> element with <c>role="img"</c> and a <c>&lt;title&gt;</c>.</summary>
    /// <param name="illustration">The drawing.</param>
    /// <param name="cssClass">Extra class for the root element (e.g. for sizing), escaped.</param>
    public static string Render(Illustration illustration, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(illustration);
        var sb = new StringBuilder(2048);
        var cls = string.IsNullOrWhiteSpace(cssClass) ? "ill" : "ill " + cssClass.Trim();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
            .Append(N(illustration.Width)).Append(' ').Append(N(illustration.Height))
            .Append("\" width=\"").Append(N(illustration.Width)).Append("\" height=\"").Append(N(illustration.Height))
            .Append("\" role=\"img\" class=\"").Append(Escape(cls)).Append("\">")
            .Append("<title>").Append(Escape(illustration.AltText)).Append("</title>");

        foreach (var shape in illustration.Shapes)
        {
            var (css, stroke, fill) = Style(shape.Role);
            switch (shape)
            {
                case LineShape l:
                    sb.Append("<line class=\"").Append(css).Append("\" x1=\"").Append(N(l.X1)).Append("\" y1=\"").Append(N(l.Y1))
                        .Append("\" x2=\"").Append(N(l.X2)).Append("\" y2=\"").Append(N(l.Y2))
                        .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(l.Width))
                        .Append("\" stroke-linecap=\"round\"/>");
                    break;
                case CircleShape c:
                    sb.Append("<circle class=\"").Append(css).Append("\" cx=\"").Append(N(c.Cx)).Append("\" cy=\"").Append(N(c.Cy))
                        .Append("\" r=\"").Append(N(c.R)).Append("\" fill=\"").Append(fill == "none" ? stroke : fill).Append("\"/>");
                    break;
                case PolylineShape p:
                    sb.Append(p.Closed ? "<polygon" : "<polyline").Append(" class=\"").Append(css).Append("\" points=\"");
                    for (var i = 0; i < p.Points.Count; i++)
                    {
                        if (i > 0)
                        {
                            sb.Append(' ');
                        }

                        sb.Append(N(p.Points[i].X)).Append(',').Append(N(p.Points[i].Y));
                    }

                    sb.Append("\" fill=\"").Append(p.Closed ? fill : "none").Append("\" stroke=\"").Append(stroke)
                        .Append("\" stroke-width=\"").Append(N(p.Width))
                        .Append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
                    break;
                default:
                    throw new ArgumentException($"Unknown shape type {shape.GetType().Name}.", nameof(illustration));
            }
        }

        return sb.Append("</svg>").ToString();
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
