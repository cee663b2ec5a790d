using System.Globalization;
using System.Xml.Linq;

namespace HipCheck.Core.Surveillance.Exposure;

/// <summary>
/// Reads running exposure from a GPX 1.1 file (GPX 1.0 has the same track elements and is read the same way). Each
/// <c>trk</c> is one session:
/// <list type="bullet">
/// <item>distance = the haversine distances (<see cref="GreatCircle.HaversineKm"/>) between consecutive points of each
/// <c>trkseg</c>, summed over segments; the gap between two segments is not counted (a watch starts a new segment after
/// a pause or a lost fix, so the jump is not running);</item>
/// <item>duration = last minus first point time of each segment, summed over segments. This is the time the watch was
/// recording: pauses between segments are left out, but standing still inside a segment is counted (there is no
/// speed threshold), so it can exceed the "moving time" a platform computes;</item>
/// <item>start = the earliest point time; activity type = the track's <c>type</c> (Garmin "running", Strava "9").</item>
/// </list>
/// Points without a valid lat/lon are skipped with a warning; a track with no timed point is reported as an error and
/// not kept; a track whose type is not running is skipped. Elevation is ignored (distance is over the sphere).
/// </summary>
public static class GpxImporter
{
    /// <summary>Reads a GPX document from a reader the caller opened; never throws for bad content.</summary>
    public static ExposureImportResult Read(TextReader input, ExposureImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= ExposureImportOptions.Default;
        return ExposureImport.Guard("GPX", (records, issues) =>
        {
            using var reader = ExposureImport.SafeReader(input, options);
            var rootError = ExposureImport.ExpectRoot(reader, "gpx", "GPX");
            if (rootError is not null)
            {
                return rootError;
            }

            var index = 0;
            foreach (var trk in ExposureImport.Elements(reader, "trk"))
            {
                index++;
                var record = Track(trk, $"track {index}", options, issues);
                if (record is not null)
                {
                    records.Add(record);
                }
            }

            if (index == 0)
            {
                issues.Add(new ImportIssue(ImportIssueKind.Warning, ExposureImport.FileLocation,
                    "The file holds no track (<trk>): routes and waypoints alone are not exposure."));
            }

            return null;
        });
    }

    /// <summary>Reads a GPX document from a stream the caller opened (UTF-8 unless the XML declaration says otherwise).</summary>
    public static ExposureImportResult Read(Stream input, ExposureImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var text = new StreamReader(input, leaveOpen: true);
        return Read(text, options);
    }

    private static ExposureRecord? Track(XElement trk, string location, ExposureImportOptions options, List<ImportIssue> issues)
    {
        var name = ExposureImport.Child(trk, "name")?.Value.Trim();
        var type = ExposureImport.Child(trk, "type")?.Value.Trim() ?? "";
        var label = string.IsNullOrEmpty(name) ? location : $"{location} ({name})";
        if (type.Length == 0)
        {
            if (!options.CountUntypedAsRunning)
            {
                issues.Add(new ImportIssue(ImportIssueKind.Skipped, label, "The track names no activity type, and untyped tracks are not counted."));
                return null;
            }

            issues.Add(new ImportIssue(ImportIssueKind.Warning, label, "The track names no activity type (<type>); it is counted as running."));
        }
        else if (!ExposureImport.IsRunning(type))
        {
            issues.Add(new ImportIssue(ImportIssueKind.Skipped, label, $"Activity type \"{type}\" is not running."));
            return null;
        }

        var km = 0.0;
        var seconds = 0.0;
        DateTime? start = null;
        var badPoints = 0;
        var untimed = 0;
        var segmentIndex = 0;
        foreach (var segment in ExposureImport.Children(trk, "trkseg"))
        {
            segmentIndex++;
            double? lat = null, lon = null;
            DateTime? first = null, last = null;
            foreach (var pt in ExposureImport.Children(segment, "trkpt"))
            {
                var pLat = ExposureImport.ParseNumber((string?)pt.Attribute("lat"));
                var pLon = ExposureImport.ParseNumber((string?)pt.Attribute("lon"));
                if (pLat is not { } la || pLon is not { } lo || Math.Abs(la) > 90 || Math.Abs(lo) > 180)
                {
                    badPoints++;
                    continue;
                }

                if (lat is { } prevLat && lon is { } prevLon)
                {
                    km += GreatCircle.HaversineKm(prevLat, prevLon, la, lo);
                }

                (lat, lon) = (la, lo);
                var time = ExposureImport.ParseTime(ExposureImport.Child(pt, "time")?.Value);
                if (time is null)
                {
                    untimed++;
                    continue;
                }

                first ??= time;
                last = time;
                if (start is null || time < start)
                {
                    start = time;
                }
            }

            if (first is { } f && last is { } l)
            {
                var span = (l - f).TotalSeconds;
                if (span < 0)
                {
                    issues.Add(new ImportIssue(ImportIssueKind.Warning, label,
                        $"Segment {segmentIndex} ends before it starts (times out of order); its duration is not counted."));
                }
                else
                {
                    seconds += span;
                }
            }
        }

        if (badPoints > 0)
        {
            issues.Add(new ImportIssue(ImportIssueKind.Warning, label,
                string.Create(CultureInfo.InvariantCulture, $"{badPoints} point(s) without a valid lat/lon were skipped.")));
        }

        if (start is not { } startUtc)
        {
            issues.Add(new ImportIssue(ImportIssueKind.Error, label,
                "The track has no point with a valid time: its duration and date are unknown, so it is not counted."));
            return null;
        }

        if (untimed > 0)
        {
            issues.Add(new ImportIssue(ImportIssueKind.Warning, label,
                string.Create(CultureInfo.InvariantCulture, $"{untimed} point(s) have no valid time; the duration uses the timed points only.")));
        }

        return new ExposureRecord(startUtc, seconds / 3600, km, type.Length == 0 ? "running" : type, ExposureSource.Gpx, name);
    }
}
