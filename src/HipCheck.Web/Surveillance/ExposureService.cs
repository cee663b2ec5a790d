using System.Globalization;
using HipCheck.Core.Surveillance;
using HipCheck.Core.Surveillance.Exposure;
using HipCheck.Core.Validation;
using HipCheck.Web.Athletes;
using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HipCheck.Web.Surveillance;

/// <summary>An exposure entry typed by hand: one session, or a whole week (dated by its Monday).</summary>
public sealed record ExposureRequest(DateOnly? Date, double? Hours, double? Km, string? Period);

public sealed record ExposureDocument(Guid Id, Guid AthleteId, DateOnly Date, string Period, double Hours, double? Km, string Source, string? SourceId, string? ActivityType)
{
    public static ExposureDocument From(ExposureEntry e) =>
        new(e.Id, e.AthleteId, e.Date, e.Period, e.Hours, e.Km, e.Source, e.SourceId, e.ActivityType);
}

/// <summary>One thing the import has to say: a line, record or the file, and what happened to it.</summary>
public sealed record ImportNote(string Kind, string Location, string Message);

/// <summary>What an upload did: sessions kept (new), already there (duplicates), and what was skipped and why.</summary>
public sealed record ExposureImportReport(string Format, int Kept, int Duplicates, double Hours, double Km, IReadOnlyList<ImportNote> Notes)
{
    public bool FileRefused => Notes.Any(n => n.Kind == "error" && n.Location == "file");
}

/// <summary>Stores exposure typed by hand and imported from GPX, TCX and Strava's activities.csv (Core's importers).</summary>
public sealed class ExposureService(HipCheckDb db, TimeProvider clock)
{
    /// <summary>Per session a day has at most 24 h; a week 7 x 24. Km: 500 per session, 3500 per week (typing errors above).</summary>
    public IReadOnlyList<FieldError> Validate(ExposureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var week = string.Equals(request.Period, "week", StringComparison.OrdinalIgnoreCase);
        if (request.Period is not null && !week && !string.Equals(request.Period, "session", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("period", "Choose session or week.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.Date is not { } date)
        {
            errors.Add("date", "Enter the date (YYYY-MM-DD).");
        }
        else if (date > today)
        {
            errors.Add("date", "The date cannot be in the future.");
        }
        else if (week && date.DayOfWeek != DayOfWeek.Monday)
        {
            errors.Add("date", "A week is dated by its Monday.");
        }

        var maxHours = week ? 168 : 24;
        if (request.Hours is not { } hours || !double.IsFinite(hours) || hours <= 0 || hours > maxHours)
        {
            errors.Add("hours", $"Hours must be above 0 and at most {maxHours}.");
        }

        var maxKm = week ? 3500 : 500;
        if (request.Km is { } km && (!double.IsFinite(km) || km < 0 || km > maxKm))
        {
            errors.Add("km", $"Kilometres must be between 0 and {maxKm}.");
        }

        return errors.All;
    }

    public async Task<ExposureEntry> AddAsync(Athlete athlete, ExposureRequest request, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentNullException.ThrowIfNull(request);
        var entry = new ExposureEntry
        {
            Id = Guid.CreateVersion7(), AthleteId = athlete.Id, Date = request.Date!.Value,
            Period = string.Equals(request.Period, "week", StringComparison.OrdinalIgnoreCase) ? "week" : "session",
            Hours = request.Hours!.Value, Km = request.Km, Source = ExposureEntry.Manual, RecordedByUserId = userId,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Exposure.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>The format of a file by its name (or an explicit format code): gpx, tcx or strava-csv; null when unknown.</summary>
    public static string? Format(string? nameOrFormat)
    {
        var text = nameOrFormat?.Trim().ToLowerInvariant() ?? "";
        return text switch
        {
            "gpx" or "tcx" or "strava-csv" => text,
            "csv" => "strava-csv",
            _ when text.EndsWith(".gpx", StringComparison.Ordinal) => "gpx",
            _ when text.EndsWith(".tcx", StringComparison.Ordinal) => "tcx",
            _ when text.EndsWith(".csv", StringComparison.Ordinal) => "strava-csv",
            _ => null,
        };
    }

    /// <summary>
    /// Reads the stream with the format's Core importer and stores the sessions not yet stored (by source and source
    /// id, the start time standing in for a missing id), so uploading the same file again adds nothing.
    /// </summary>
    public async Task<ExposureImportReport> ImportAsync(Athlete athlete, string format, Stream file, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        var result = format switch
        {
            "gpx" => GpxImporter.Read(file),
            "tcx" => TcxImporter.Read(file),
            "strava-csv" => StravaActivitiesImporter.Read(file),
            _ => throw new ArgumentException($"Unknown format '{format}'.", nameof(format)),
        };
        var notes = result.Issues.Select(i => new ImportNote(i.Kind switch
        {
            ImportIssueKind.Warning => "warning",
            ImportIssueKind.Skipped => "skipped",
            _ => "error",
        }, i.Location, i.Message)).ToList();

        var keyed = result.Records.Select(r => (Record: r, Id: r.SourceId ?? $"start:{r.StartUtc.ToString("O", CultureInfo.InvariantCulture)}")).ToList();
        var ids = keyed.Select(k => k.Id).ToList();
        var existing = (await db.Exposure.Where(e => e.AthleteId == athlete.Id && e.Source == format && e.SourceId != null && ids.Contains(e.SourceId))
            .Select(e => e.SourceId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        int kept = 0, duplicates = 0;
        double hours = 0, km = 0;
        foreach (var (record, id) in keyed)
        {
            if (!existing.Add(id))
            {
                duplicates++;
                notes.Add(new ImportNote("duplicate", id, $"The session of {record.StartUtc:yyyy-MM-dd HH:mm} UTC is already stored: not added again."));
                continue;
            }

            db.Exposure.Add(new ExposureEntry
            {
                Id = Guid.CreateVersion7(), AthleteId = athlete.Id, Date = record.Date, Period = "session", Hours = record.DurationHours,
                Km = double.IsFinite(record.DistanceKm) ? record.DistanceKm : null, Source = format, SourceId = id,
                ActivityType = record.ActivityType.Length > 60 ? record.ActivityType[..60] : record.ActivityType,
                RecordedByUserId = userId, CreatedUtc = now,
            });
            kept++;
            hours += record.DurationHours;
            km += double.IsFinite(record.DistanceKm) ? record.DistanceKm : 0;
        }

        await db.SaveChangesAsync(ct);
        return new ExposureImportReport(format, kept, duplicates, hours, km, notes);
    }

    /// <summary>An athlete's weekly totals, newest first, for the page.</summary>
    public static IReadOnlyList<(DateOnly Week, double Hours, double Km)> Weekly(IEnumerable<ExposureEntry> entries) =>
        [.. entries.GroupBy(e => CheckinRules.WeekStartOf(e.Date)).OrderByDescending(g => g.Key)
            .Select(g => (g.Key, g.Sum(e => e.Hours), g.Sum(e => e.Km ?? 0)))];
}
