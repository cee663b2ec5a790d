namespace HipCheck.Core.Surveillance.Exposure;

/// <summary>Where an exposure record was read from.</summary>
public enum ExposureSource
{
    /// <summary>A GPX 1.1 track (trk/trkseg/trkpt).</summary>
    Gpx,

    /// <summary>A Garmin Training Center (TCX v2) activity.</summary>
    Tcx,

    /// <summary>A row of a Strava bulk export's activities.csv.</summary>
    StravaCsv,
}

/// <summary>
/// One running session as exposure for injury surveillance (IOC 2020: exposure in hours and, for runners, kilometres).
/// </summary>
/// <param name="StartUtc">When the session started, UTC.</param>
/// <param name="DurationHours">Running time in hours; how each source measures it is documented on its importer.</param>
/// <param name="DistanceKm">Distance in km; NaN when the source gives none (e.g. a treadmill row without distance).</param>
/// <param name="ActivityType">The activity type as the source names it ("Run", "Running", "9", ...).</param>
/// <param name="Source">Which importer produced it.</param>
/// <param name="SourceId">The source's identifier of the session (Strava activity ID, TCX Id, GPX track name), or null.</param>
public sealed record ExposureRecord(
    DateTime StartUtc,
    double DurationHours,
    double DistanceKm,
    string ActivityType,
    ExposureSource Source,
    string? SourceId)
{
    /// <summary>The calendar date of the start, UTC.</summary>
    public DateOnly Date => DateOnly.FromDateTime(StartUtc);
}

/// <summary>How serious an import issue is.</summary>
public enum ImportIssueKind
{
    /// <summary>The record was kept, but something about it should be checked (e.g. a missing activity type).</summary>
    Warning,

    /// <summary>The record was read but left out on purpose (e.g. a ride, not a run).</summary>
    Skipped,

    /// <summary>The record, or the whole file when <see cref="ImportIssue.Location"/> is "file", could not be read.</summary>
    Error,
}

/// <summary>One thing the importer has to say about a record or the file.</summary>
/// <param name="Kind">Warning, skipped or error.</param>
/// <param name="Location">Where: "file", "track 2", "activity 1", "row 5" (rows count from the header, line 1).</param>
/// <param name="Message">What happened and why, in words a researcher can act on.</param>
public sealed record ImportIssue(ImportIssueKind Kind, string Location, string Message);

/// <summary>The records an importer kept and everything it has to say about the rest.</summary>
public sealed record ExposureImportResult(IReadOnlyList<ExposureRecord> Records, IReadOnlyList<ImportIssue> Issues)
{
    /// <summary>False when the file as a whole could not be read (malformed, refused, too large); records are then empty.</summary>
    public bool Succeeded => !Issues.Any(i => i.Kind == ImportIssueKind.Error && i.Location == ExposureImport.FileLocation);

    /// <summary>Total hours of the kept records.</summary>
    public double TotalHours => Records.Sum(r => r.DurationHours);

    /// <summary>Total kilometres of the kept records that have a distance.</summary>
    public double TotalKm => Records.Where(r => double.IsFinite(r.DistanceKm)).Sum(r => r.DistanceKm);
}

/// <summary>Limits shared by the importers; the defaults suit a single watch export or a bulk activities.csv.</summary>
public sealed record ExposureImportOptions
{
    /// <summary>
    /// The most characters a file may hold (default 64 Mi: a 10-hour GPX at one point per second is about 6 M). Past
    /// it the import stops with an error instead of reading an unbounded input into memory.
    /// </summary>
    public long MaxCharacters { get; init; } = 64L << 20;

    /// <summary>
    /// Whether a track or activity that names no activity type is counted as running (with a warning). GPX files
    /// from many watches carry no type; a study that only imports runs can leave this on.
    /// </summary>
    public bool CountUntypedAsRunning { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static ExposureImportOptions Default { get; } = new();
}
