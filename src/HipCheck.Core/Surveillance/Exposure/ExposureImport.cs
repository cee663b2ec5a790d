using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace HipCheck.Core.Surveillance.Exposure;

/// <summary>What the importers share: the XXE-safe XML reader, time parsing, and which activity types count as running.</summary>
internal static class ExposureImport
{
    public const string FileLocation = "file";

    /// <summary>
    /// An XmlReader that refuses any DTD (so no external entity, no entity expansion: XXE and "billion laughs" are
    /// impossible), resolves nothing, and stops after <see cref="ExposureImportOptions.MaxCharacters"/>.
    /// </summary>
    public static XmlReader SafeReader(TextReader input, ExposureImportOptions options) =>
        XmlReader.Create(input, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        });

    /// <summary>
    /// Runs <paramref name="read"/> and turns every way a hostile or broken file can fail into one file-level error:
    /// malformed or truncated XML, a DTD, a file over the size limit, bytes that are not text.
    /// </summary>
    public static ExposureImportResult Guard(string format, Func<List<ExposureRecord>, List<ImportIssue>, string?> read)
    {
        var records = new List<ExposureRecord>();
        var issues = new List<ImportIssue>();
        string? fileError;
        try
        {
            fileError = read(records, issues);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            fileError = "The file is larger than the import limit (ExposureImportOptions.MaxCharacters); split it or raise the limit.";
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            fileError = $"The file declares a DTD (<!DOCTYPE ...>), which a {format} file never needs; it is refused so that no external entity can be read (XXE).";
        }
        catch (XmlException e)
        {
            fileError = string.Create(CultureInfo.InvariantCulture,
                $"The file is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message} It may be truncated or not a {format} file.");
        }
        catch (ExposureFileTooLargeException e)
        {
            fileError = e.Message;
        }
        catch (System.Text.DecoderFallbackException e)
        {
            fileError = $"The file is not valid text: {e.Message}";
        }

        if (fileError is null)
        {
            return new ExposureImportResult(records, issues);
        }

        // A file that failed part-way yields nothing: half a file would undercount exposure without saying so.
        issues.Insert(0, new ImportIssue(ImportIssueKind.Error, FileLocation, fileError));
        return new ExposureImportResult([], issues);
    }

    /// <summary>Moves to the root element and checks its local name; the error text when it is not the expected one.</summary>
    public static string? ExpectRoot(XmlReader reader, string rootName, string format)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element)
        {
            return $"The file has no root element: it is not a {format} file.";
        }

        return reader.LocalName == rootName
            ? null
            : $"The root element is <{reader.LocalName}>, not <{rootName}>: this is not a {format} file.";
    }

    /// <summary>Reads each element named <paramref name="name"/> below the current one as a small tree, one at a time.</summary>
    public static IEnumerable<XElement> Elements(XmlReader reader, string name)
    {
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == name)
            {
                yield return (XElement)XNode.ReadFrom(reader);
            }
            else
            {
                reader.Read();
            }
        }
    }

    public static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>An xs:dateTime (GPX and TCX times); a time without an offset is taken as UTC, as both formats specify.</summary>
    public static DateTime? ParseTime(string? text) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t.UtcDateTime
            : null;

    public static double? ParseNumber(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x
            : null;

    /// <summary>
    /// Whether a source's activity type means running. GPX: Garmin writes "running" (also "trail_running",
    /// "treadmill_running", ...), Strava writes its activity code, 9 for a run. TCX: Sport="Running". Strava CSV:
    /// "Run", "Trail Run", "Virtual Run".
    /// </summary>
    public static bool IsRunning(string type)
    {
        var t = type.Trim();
        return t == "9"
            || t.Equals("run", StringComparison.OrdinalIgnoreCase)
            || t.Contains("running", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith(" run", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith("_run", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith("Run", StringComparison.Ordinal);
    }
}

/// <summary>Raised inside a reader when the input passes <see cref="ExposureImportOptions.MaxCharacters"/>.</summary>
internal sealed class ExposureFileTooLargeException(string message) : Exception(message);

/// <summary>Great-circle distance on a sphere.</summary>
public static class GreatCircle
{
    /// <summary>Mean Earth radius R₁ = 6371.0088 km (IUGG; Moritz, Geodetic Reference System 1980).</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>
    /// The haversine distance in km between two points given in decimal degrees:
    /// d = 2R·asin(√(sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2))) (Sinnott, Sky and Telescope 1984;68:159). On the sphere it
    /// differs from the WGS-84 ellipsoid by up to about 0.5 %, well inside GPS track noise.
    /// </summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double ToRadians = Math.PI / 180;
        var dPhi = (lat2 - lat1) * ToRadians;
        var dLambda = (lon2 - lon1) * ToRadians;
        var sinPhi = Math.Sin(dPhi / 2);
        var sinLambda = Math.Sin(dLambda / 2);
        var a = (sinPhi * sinPhi) + (Math.Cos(lat1 * ToRadians) * Math.Cos(lat2 * ToRadians) * sinLambda * sinLambda);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
