using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace HipCheck.Web.Tests.Pdf;

/// <summary>Reads a rendered PDF back with PdfPig, the way a viewer would.</summary>
internal static class PdfInspection
{
    public static PdfDocument Open(byte[] pdf) => PdfDocument.Open(pdf);

    /// <summary>A page's text with words separated by spaces (PdfPig's raw text runs words together).</summary>
    public static string Text(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    public static string AllText(PdfDocument document) => string.Join("\n", document.GetPages().Select(Text));

    /// <summary>Collapses runs of whitespace so a phrase wrapped over two lines still matches.</summary>
    public static string Normalise(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Every letter whose box leaves the page less <paramref name="inset"/> points on each side.</summary>
    public static IEnumerable<string> LettersOutside(PdfDocument document, double inset)
    {
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var box = letter.BoundingBox;
                if (box.Left < inset - 0.01 || box.Right > page.Width - inset + 0.01
                    || box.Bottom < inset - 0.01 || box.Top > page.Height - inset + 0.01)
                {
                    yield return $"page {page.Number}: '{letter.Value}' at ({box.Left:0.#}, {box.Bottom:0.#})-({box.Right:0.#}, {box.Top:0.#})";
                }
            }
        }
    }
}
