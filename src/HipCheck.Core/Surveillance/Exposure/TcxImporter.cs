using System.Globalization;
using System.Xml.Linq;

namespace HipCheck.Core.Surveillance.Exposure;

/// <summary>
/// Reads running exposure from a Garmin Training Center file (TCX v2, <c>TrainingCenterDatabase/Activities/Activity</c>).
/// Each <c>Activity</c> with <c>Sport="Running"</c> is one session:
/// <list type="bullet">
/// <item>duration = the sum of its laps' <c>TotalTimeSeconds</c> (the watch's timer time, which leaves out auto-pause);</item>
/// <item>distance = the sum of its laps' <c>DistanceMeters</c> / 1000;</item>
/// <item>a lap that lacks either falls back to its trackpoints (with a warning): time = last minus first
/// <c>Trackpoint/Time</c>; distance = last minus first cumulative <c>Trackpoint/DistanceMeters</c>, or else the
/// haversine sum over <c>Position</c>;</item>
/// <item>start = the activity's <c>Id</c> (a start time by the schema), else the first lap's <c>StartTime</c>.</item>
/// </list>
/// Activities of another sport ("Biking", "Other") are skipped with the reason.
/// </summary>
public static class TcxImporter
{
    /// <summary>Reads a TCX document from a reader the caller opened; never throws for bad content.</summary>
    public static ExposureImportResult Read(TextReader input, ExposureImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= ExposureImportOptions.Default;
        return ExposureImport.Guard("TCX", (records, issues) =>
        {
            using var reader = ExposureImport.SafeReader(input, options);
            var rootError = ExposureImport.ExpectRoot(reader, "TrainingCenterDatabase", "TCX");
            if (rootError is not null)
            {
                return rootError;
            }

            var index = 0;
            foreach (var activity in ExposureImport.Elements(reader, "Activity"))
            {
                index++;
                var record = Activity(activity, $"activity {index}", issues);
                if (record is not null)
                {
                    records.Add(record);
                }
            }

            if (index == 0)
            {
                issues.Add(new ImportIssue(ImportIssueKind.Warning, ExposureImport.FileLocation, "The file holds no <Activity>."));
            }

            return null;
        });
    }

    /// <summary>Reads a TCX document from a stream the caller opened.</summary>
    public static ExposureImportResult Read(Stream input, ExposureImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var text = new StreamReader(input, leaveOpen: true);
        return Read(text, options);
    }

    private static ExposureRecord? Activity(XElement activity, string location, List<ImportIssue> issues)
    {
        var sport = ((string?)activity.Attribute("Sport"))?.Trim() ?? "";
        var id = ExposureImport.Child(activity, "Id")?.Value.Trim();
        var label = string.IsNullOrEmpty(id) ? location : $"{location} ({id})";
        if (!sport.Equals("Running", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new ImportIssue(ImportIssueKind.Skipped, label,
                sport.Length == 0 ? "The activity names no Sport; only Sport=\"Running\" is counted." : $"Sport \"{sport}\" is not running."));
            return null;
        }

        var laps = ExposureImport.Children(activity, "Lap").ToList();
        var start = ExposureImport.ParseTime(id)
            ?? laps.Select(l => ExposureImport.ParseTime((string?)l.Attribute("StartTime"))).FirstOrDefault(t => t is not null);
        if (laps.Count == 0)
        {
            issues.Add(new ImportIssue(ImportIssueKind.Error, label, "The activity has no <Lap>: no time or distance to count."));
            return null;
        }

        var seconds = 0.0;
        var meters = 0.0;
        var distanceKnown = true;
        for (var i = 0; i < laps.Count; i++)
        {
            var lap = laps[i];
            var lapLabel = string.Create(CultureInfo.InvariantCulture, $"{label}, lap {i + 1}");
            var points = ExposureImport.Children(lap, "Track").SelectMany(t => ExposureImport.Children(t, "Trackpoint")).ToList();

            var lapSeconds = ExposureImport.ParseNumber(ExposureImport.Child(lap, "TotalTimeSeconds")?.Value);
            if (lapSeconds is null or < 0)
            {
                lapSeconds = TrackpointSeconds(points);
                issues.Add(new ImportIssue(lapSeconds is null ? ImportIssueKind.Error : ImportIssueKind.Warning, lapLabel,
                    lapSeconds is null
                        ? "The lap has no TotalTimeSeconds and no timed trackpoints: its time is not counted."
                        : "The lap has no TotalTimeSeconds; its time is taken from the first and last trackpoint."));
            }

            seconds += lapSeconds ?? 0;
            start ??= points.Select(p => ExposureImport.ParseTime(ExposureImport.Child(p, "Time")?.Value)).FirstOrDefault(t => t is not null);

            var lapMeters = ExposureImport.ParseNumber(ExposureImport.Child(lap, "DistanceMeters")?.Value);
            if (lapMeters is null or < 0)
            {
                lapMeters = TrackpointMeters(points);
                issues.Add(new ImportIssue(ImportIssueKind.Warning, lapLabel,
                    lapMeters is null
                        ? "The lap has no DistanceMeters and no trackpoint distances or positions: the activity's distance is unknown."
                        : "The lap has no DistanceMeters; its distance is taken from the trackpoints."));
            }

            if (lapMeters is { } m)
            {
                meters += m;
            }
            else
            {
                distanceKnown = false;
            }
        }

        if (start is not { } startUtc)
        {
            issues.Add(new ImportIssue(ImportIssueKind.Error, label, "The activity has no valid start time (Id, Lap StartTime or Trackpoint Time): it is not counted."));
            return null;
        }

        return new ExposureRecord(startUtc, seconds / 3600, distanceKnown ? meters / 1000 : double.NaN, sport, ExposureSource.Tcx, id);
    }

    private static double? TrackpointSeconds(List<XElement> points)
    {
        var times = points.Select(p => ExposureImport.ParseTime(ExposureImport.Child(p, "Time")?.Value)).OfType<DateTime>().ToList();
        return times.Count == 0 ? null : Math.Max(0, (times[^1] - times[0]).TotalSeconds);
    }

    private static double? TrackpointMeters(List<XElement> points)
    {
        var cumulative = points.Select(p => ExposureImport.ParseNumber(ExposureImport.Child(p, "DistanceMeters")?.Value)).OfType<double>().ToList();
        if (cumulative.Count >= 2)
        {
            return Math.Max(0, cumulative[^1] - cumulative[0]);
        }

        double? km = null;
        (double Lat, double Lon)? previous = null;
        foreach (var p in points)
        {
            var position = ExposureImport.Child(p, "Position");
            var lat = ExposureImport.ParseNumber(position is null ? null : ExposureImport.Child(position, "LatitudeDegrees")?.Value);
            var lon = ExposureImport.ParseNumber(position is null ? null : ExposureImport.Child(position, "LongitudeDegrees")?.Value);
            if (lat is not { } la || lon is not { } lo)
            {
                continue;
            }

            if (previous is { } prev)
            {
                km = (km ?? 0) + GreatCircle.HaversineKm(prev.Lat, prev.Lon, la, lo);
            }

            previous = (la, lo);
        }

        return km * 1000;
    }
}
