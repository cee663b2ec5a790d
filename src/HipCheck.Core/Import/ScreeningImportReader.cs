using System.Text;

namespace HipCheck.Core.Import;

/// <summary>
/// Reads a screening import file (docs/import.md) from a stream the caller opened: every row is checked with the
/// rules the screening form and API use, and grouped into screenings (one per athlete and day). Pure: no clock (the
/// caller passes today), no database; which athletes already exist is the caller's business.
/// </summary>
public static class ScreeningImportReader
{
    public static ScreeningImport Read(Stream input, ImportReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        return new ScreeningImportParser(input, options).Run();
    }

    /// <summary>Reads a file held in memory (tests, small uploads).</summary>
    public static ScreeningImport Read(string csv, ImportReadOptions options)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return Read(stream, options);
    }
}
