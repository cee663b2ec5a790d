using PdfSharp.Drawing;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>
/// The fonts and colours of HipCheck's PDFs: the web app's palette (site.css) so a printed guide looks like the
/// site, dark enough to print legibly in grey scale.
/// </summary>
internal sealed class PdfStyle
{
    public static readonly XColor Ink = XColor.FromArgb(0x1c, 0x24, 0x30);
    public static readonly XColor Muted = XColor.FromArgb(0x4a, 0x55, 0x66);
    public static readonly XColor Rule = XColor.FromArgb(0xd5, 0xdb, 0xe3);
    public static readonly XColor Shade = XColor.FromArgb(0xf1, 0xf4, 0xf8);
    public static readonly XColor Accent = XColor.FromArgb(0x0b, 0x5c, 0xad);
    public static readonly XColor Weaker = XColor.FromArgb(0xc2, 0x41, 0x0c);

    public PdfStyle()
    {
        PdfFonts.EnsureRegistered();
        Body = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular);
        Bold = new XFont(PdfFonts.Family, 10, XFontStyleEx.Bold);
        Small = new XFont(PdfFonts.Family, 8, XFontStyleEx.Regular);
        SmallBold = new XFont(PdfFonts.Family, 8, XFontStyleEx.Bold);
        Title = new XFont(PdfFonts.Family, 26, XFontStyleEx.Bold);
        Heading1 = new XFont(PdfFonts.Family, 18, XFontStyleEx.Bold);
        Heading2 = new XFont(PdfFonts.Family, 12.5, XFontStyleEx.Bold);
        Lead = new XFont(PdfFonts.Family, 13, XFontStyleEx.Regular);
    }

    public XFont Body { get; }
    public XFont Bold { get; }
    public XFont Small { get; }
    public XFont SmallBold { get; }
    public XFont Title { get; }
    public XFont Heading1 { get; }
    public XFont Heading2 { get; }
    public XFont Lead { get; }

    public XBrush InkBrush { get; } = new XSolidBrush(Ink);
    public XBrush MutedBrush { get; } = new XSolidBrush(Muted);
    public XBrush AccentBrush { get; } = new XSolidBrush(Accent);
    public XBrush ShadeBrush { get; } = new XSolidBrush(Shade);
    public XPen RulePen { get; } = new(Rule, 0.75);
    public XPen AccentPen { get; } = new(Accent, 2);
}
