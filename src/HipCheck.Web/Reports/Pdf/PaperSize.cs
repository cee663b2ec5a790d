namespace HipCheck.Web.Reports.Pdf;

/// <summary>The paper a PDF is laid out for: A4 (595 x 842 pt) in most of the world, Letter (612 x 792 pt) in North America.</summary>
public enum PaperSize
{
    A4,
    Letter,
}

internal static class PaperSizes
{
    /// <summary>Width and height in PDF points (1/72 inch): ISO 216 A4 is 210 x 297 mm, US Letter 8.5 x 11 in.</summary>
    public static (double Width, double Height) Points(PaperSize size) => size switch
    {
        PaperSize.A4 => (595, 842),
        PaperSize.Letter => (612, 792),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "Unknown paper size."),
    };
}
