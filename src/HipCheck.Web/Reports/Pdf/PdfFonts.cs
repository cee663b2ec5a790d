using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace HipCheck.Web.Reports.Pdf;

/// <summary>
/// Serves the DejaVu Sans faces embedded in this assembly to PDFsharp, so every PDF embeds the same fonts whatever
/// fonts the server has (a container often has none). Any family asked for resolves to DejaVu Sans: the documents
/// use no other, and a missing font must never fail a download.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        // There is no italic face shipped: PDFsharp slants the regular one when italic is asked for.
        new(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => faceName is RegularFace or BoldFace ? _faces.GetOrAdd(faceName, Load) : null;

    private static byte[] Load(string faceName)
    {
        var name = $"HipCheck.Web.Reports.Pdf.Fonts.{faceName}.ttf";
        using var stream = typeof(DejaVuFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}

/// <summary>The fonts of HipCheck's PDFs, and the one-time registration of their resolver with PDFsharp.</summary>
internal static class PdfFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>
    /// Registers the resolver once per process. PDFsharp's setting is global and may not change after a font was
    /// used, so it is set under a lock before the first document is drawn, and never again.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (Volatile.Read(ref _registered))
        {
            return;
        }

        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            if (GlobalFontSettings.FontResolver is not DejaVuFontResolver)
            {
                GlobalFontSettings.FontResolver = new DejaVuFontResolver();
            }

            Volatile.Write(ref _registered, true);
        }
    }
}
