using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>A table column: its header and its share of the text width.</summary>
internal sealed record TableColumn(string Header, double Weight);

/// <summary>
/// Flows text down the pages of a document: word-wrapped paragraphs, headings kept with what follows them,
/// bullet and numbered lists, tables whose header repeats on each page, boxes reserved for drawings, and a page
/// break wherever the next line would cross the bottom margin. <see cref="Finish"/> writes the running footer
/// ("HipCheck · page N of M") once the page count is known.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    public const double Margin = 48;
    private const double FooterHeight = 28;
    private const double CellPadding = 4;

    private readonly PdfDocument _document;
    private readonly (double Width, double Height) _paper;
    private XGraphics? _graphics;

    public PageFlow(PdfDocument document, PaperSize size, PdfStyle style)
    {
        _document = document;
        _paper = PaperSizes.Points(size);
        Style = style;
        Width = FullWidth;
    }

    public PdfStyle Style { get; }

    /// <summary>Optional text at the top of every page but the first (e.g. whose programme it is).</summary>
    public string? RunningHeader { get; set; }

    /// <summary>The current page's drawing surface (a page is started if none is).</summary>
    public XGraphics Graphics => _graphics ?? NewPage();

    /// <summary>The top of the next thing to place, in points from the top of the page.</summary>
    public double Y { get; private set; }

    /// <summary>Left edge of the text (of the current column, see <see cref="Column"/>).</summary>
    public double Left { get; private set; } = Margin;

    /// <summary>Width of the text (of the current column).</summary>
    public double Width { get; private set; }

    private double FullWidth => _paper.Width - (2 * Margin);
    public double PageHeight => _paper.Height;
    public double Bottom => _paper.Height - Margin - FooterHeight;

    /// <summary>Room left on the current page, in points.</summary>
    public double Remaining => Bottom - Y;

    public XGraphics NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(_paper.Width);
        page.Height = XUnit.FromPoint(_paper.Height);
        _graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
        return _graphics;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void KeepTogether(double height)
    {
        if (_graphics is null || Y + height > Bottom)
        {
            NewPage();
        }
    }

    /// <summary>
    /// Narrows the flow to a column starting <paramref name="offset"/> points right of the margin, from
    /// <paramref name="top"/>, until disposed; the caller places columns side by side and continues below the
    /// longer one. Meant for short blocks at the top of a page (a column does not break across pages).
    /// </summary>
    public IDisposable Column(double offset, double width, double top)
    {
        Left = Margin + offset;
        Width = width;
        Y = top;
        return new ColumnScope(this);
    }

    private sealed class ColumnScope(PageFlow flow) : IDisposable
    {
        public void Dispose()
        {
            flow.Left = Margin;
            flow.Width = flow.FullWidth;
        }
    }

    /// <summary>Moves the flow down to <paramref name="y"/> if it is above it (after side-by-side columns).</summary>
    public void MoveTo(double y) => Y = Math.Max(Y, Math.Min(y, Bottom));

    public void Space(double points) => Y = Math.Min(Y + points, Bottom);

    /// <param name="keepWithNext">Height of what follows that must stay on the heading's page (default: three body lines).</param>
    public void Heading(string text, XFont font, double spaceBefore = 10, double? keepWithNext = null)
    {
        // A heading keeps what follows it on its page, so it never ends a page.
        var lines = Wrap(text, font, Width);
        var height = (lines.Count * LineHeight(font)) + (keepWithNext ?? (3 * LineHeight(Style.Body)));
        if (_graphics is not null && Y > Margin)
        {
            Space(spaceBefore);
        }

        KeepTogether(height);
        WriteLines(lines, font, Style.InkBrush, Left);
        Space(4);
    }

    public void Paragraph(string text, XFont? font = null, XBrush? brush = null, double indent = 0)
    {
        font ??= Style.Body;
        WriteLines(Wrap(text, font, Width - indent), font, brush ?? Style.InkBrush, Left + indent);
        Space(LineHeight(font) * 0.45);
    }

    /// <summary>A label in bold followed by text on the same line, wrapped under the label's start.</summary>
    public void LabelledParagraph(string label, string text)
    {
        var labelWidth = Graphics.MeasureString(label + " ", Style.Bold).Width;
        var lines = Wrap(text, Style.Body, Width - labelWidth);
        KeepTogether(LineHeight(Style.Body));
        Graphics.DrawString(label, Style.Bold, Style.InkBrush, Left, Y, XStringFormats.TopLeft);
        WriteLines(lines, Style.Body, Style.InkBrush, Left + labelWidth);
        Space(LineHeight(Style.Body) * 0.45);
    }

    public void Bullets(IEnumerable<string> items) => List(items, _ => "•");

    public void Numbered(IEnumerable<string> items) => List(items, i => (i + 1).ToString(CultureInfo.InvariantCulture) + ".");

    private void List(IEnumerable<string> items, Func<int, string> marker)
    {
        const double Indent = 16;
        var font = Style.Body;
        var index = 0;
        foreach (var item in items)
        {
            var lines = Wrap(item, font, Width - Indent);
            KeepTogether(Math.Min(2, lines.Count) * LineHeight(font));
            Graphics.DrawString(marker(index++), font, Style.AccentBrush, Left + 2, Y, XStringFormats.TopLeft);
            WriteLines(lines, font, Style.InkBrush, Left + Indent);
            Space(2);
        }

        Space(LineHeight(font) * 0.3);
    }

    /// <summary>
    /// A table across the text width. Cells wrap; a row never splits across pages; the header row is repeated at
    /// the top of every page the table continues on.
    /// </summary>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, XFont? font = null)
    {
        font ??= Style.Body;
        var totalWeight = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / totalWeight).ToArray();
        var header = columns.Select(c => c.Header).ToArray();
        var headerFont = font.Size < Style.Body.Size ? Style.SmallBold : Style.Bold;
        var headerHeight = RowHeight(header, widths, headerFont);
        var first = true;
        foreach (var row in rows)
        {
            var height = RowHeight(row, widths, font);
            if (first || Y + height > Bottom)
            {
                KeepTogether(headerHeight + height);
                DrawRow(header, widths, headerFont, headerHeight, shaded: true);
                first = false;
            }

            DrawRow(row, widths, font, height, shaded: false);
        }

        Space(LineHeight(font) * 0.6);
    }

    /// <summary>Height of a table's header and first row, to keep a heading with them.</summary>
    public double TableStartHeight(IReadOnlyList<TableColumn> columns, IReadOnlyList<string> firstRow, XFont font)
    {
        var totalWeight = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => Width * c.Weight / totalWeight).ToArray();
        var headerFont = font.Size < Style.Body.Size ? Style.SmallBold : Style.Bold;
        return RowHeight(columns.Select(c => c.Header).ToArray(), widths, headerFont) + RowHeight(firstRow, widths, font);
    }

    /// <summary>Reserves a box of the text width for a drawing, on a new page if it does not fit on this one.</summary>
    public XRect Reserve(double height)
    {
        KeepTogether(height);
        var box = new XRect(Left, Y, Width, height);
        Y += height;
        return box;
    }

    /// <summary>Ends the document: closes the last page and writes the running footer on every page.</summary>
    public void Finish()
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = _paper.Height - Margin + 6;
            gfx.DrawLine(Style.RulePen, Margin, y - 6, Margin + FullWidth, y - 6);
            var pageText = string.Create(CultureInfo.InvariantCulture, $"HipCheck · page {i + 1} of {count}");
            gfx.DrawString("HipCheck informs; it does not diagnose.", Style.Small, Style.MutedBrush, Margin, y, XStringFormats.TopLeft);
            gfx.DrawString(pageText, Style.Small, Style.MutedBrush, Margin + FullWidth, y, XStringFormats.TopRight);
            if (i > 0 && !string.IsNullOrWhiteSpace(RunningHeader))
            {
                var header = Ellipsize(gfx, RunningHeader, Style.Small, FullWidth);
                gfx.DrawString(header, Style.Small, Style.MutedBrush, Margin, Margin - 20, XStringFormats.TopLeft);
            }
        }
    }

    public void Dispose() => _graphics?.Dispose();

    public static double LineHeight(XFont font) => font.GetHeight();

    /// <summary>
    /// Greedy word wrap: words are measured once each and added while the line fits; a word wider than the whole
    /// line (a long name, a URL) is broken between characters rather than left to run off the page.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var gfx = Graphics;
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var spaceWidth = gfx.MeasureString(" ", font).Width;
            var line = new System.Text.StringBuilder();
            var lineWidth = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = gfx.MeasureString(word, font).Width;
                if (line.Length > 0 && lineWidth + spaceWidth + wordWidth <= width)
                {
                    line.Append(' ').Append(word);
                    lineWidth += spaceWidth + wordWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }

                var rest = word;
                while (wordWidth > width && rest.Length > 1)
                {
                    var cut = FittingPrefix(rest, font, width);
                    lines.Add(rest[..cut]);
                    rest = rest[cut..];
                    wordWidth = gfx.MeasureString(rest, font).Width;
                }

                line.Append(rest);
                lineWidth = wordWidth;
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Shortens <paramref name="text"/> with an ellipsis so it fits on one line of <paramref name="width"/>.</summary>
    public static string Ellipsize(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = FittingPrefix(gfx, text, font, width - gfx.MeasureString("…", font).Width);
        return text[..cut].TrimEnd() + "…";
    }

    private int FittingPrefix(string text, XFont font, double width) => FittingPrefix(Graphics, text, font, width);

    private static int FittingPrefix(XGraphics gfx, string text, XFont font, double width)
    {
        // Binary search for the longest prefix that fits; at least one character so progress is always made.
        int low = 1, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (gfx.MeasureString(text[..mid], font).Width <= width)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private void WriteLines(List<string> lines, XFont font, XBrush brush, double x)
    {
        var height = LineHeight(font);
        foreach (var line in lines)
        {
            KeepTogether(height);
            Graphics.DrawString(line, font, brush, x, Y, XStringFormats.TopLeft);
            Y += height;
        }
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font)
    {
        var lines = 1;
        for (var c = 0; c < widths.Length; c++)
        {
            lines = Math.Max(lines, Wrap(c < cells.Count ? cells[c] : "", font, widths[c] - (2 * CellPadding)).Count);
        }

        return (lines * LineHeight(font)) + (2 * CellPadding);
    }

    private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, double height, bool shaded)
    {
        var gfx = Graphics;
        if (shaded)
        {
            gfx.DrawRectangle(Style.ShadeBrush, Left, Y, Width, height);
        }

        var x = Left;
        for (var c = 0; c < widths.Length; c++)
        {
            var lineY = Y + CellPadding;
            foreach (var line in Wrap(c < cells.Count ? cells[c] : "", font, widths[c] - (2 * CellPadding)))
            {
                gfx.DrawString(line, font, Style.InkBrush, x + CellPadding, lineY, XStringFormats.TopLeft);
                lineY += LineHeight(font);
            }

            x += widths[c];
        }

        Y += height;
        gfx.DrawLine(Style.RulePen, Left, Y, Left + Width, Y);
    }
}
