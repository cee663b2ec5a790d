using System.Runtime.CompilerServices;
using System.Text;
using HipCheck.Core.Surveillance.Exposure;

namespace HipCheck.Core.Tests.Surveillance.Exposure;

/// <summary>
/// The importers on the committed samples. Expected values: run-5k.gpx from samples/make-gpx.R (haversine over the
/// rounded coordinates, R = 6371.0088 km; the spherical law of cosines agrees to 1.2e-6 km); two-laps.tcx and
/// activities.csv by hand from the numbers written in them.
/// </summary>
public class ExposureImporterTests
{
    private static string Sample(string file, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "samples", file);

    private static ExposureImportResult ReadFile(string file, Func<Stream, ExposureImportResult> read)
    {
        using var stream = File.OpenRead(Sample(file));
        return read(stream);
    }

    private static ExposureImportResult Gpx(string text) => GpxImporter.Read(new StringReader(text));

    [Fact]
    public void A_5_km_GPX_run_in_two_segments_gives_the_haversine_distance_and_the_segment_times()
    {
        var result = ReadFile("run-5k.gpx", s => GpxImporter.Read(s));

        var run = Assert.Single(result.Records);
        // R: 5.000005497485011 km; 725 s per segment (2500 m at 0.29 s/m), the 95 s pause between them not counted.
        Assert.Equal(5.000005497485011, run.DistanceKm, 1e-9);
        Assert.Equal(1450.0 / 3600, run.DurationHours, 1e-12);
        Assert.Equal(new DateTime(2026, 3, 14, 7, 5, 0, DateTimeKind.Utc), run.StartUtc);
        Assert.Equal(new DateOnly(2026, 3, 14), run.Date);
        Assert.Equal("running", run.ActivityType);
        Assert.Equal("Saturday 5 k", run.SourceId);
        Assert.Equal(ExposureSource.Gpx, run.Source);
        var skipped = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueKind.Skipped, skipped.Kind);
        Assert.Contains("cycling", skipped.Message, StringComparison.Ordinal);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Haversine_matches_a_hand_value_on_the_equator()
    {
        // One degree of longitude on the equator = 2πR/360 = 111.19508372 km for R = 6371.0088 km.
        Assert.Equal(2 * Math.PI * 6371.0088 / 360, GreatCircle.HaversineKm(0, 0, 0, 1), 1e-9);
    }

    [Fact]
    public void A_GPX_track_without_type_counts_as_running_with_a_warning_and_points_without_time_are_reported()
    {
        var result = Gpx("""
            <gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
            <trkpt lat="0" lon="0"><time>2026-01-01T10:00:00Z</time></trkpt>
            <trkpt lat="0" lon="0.01"></trkpt>
            <trkpt lat="abc" lon="0.01"><time>2026-01-01T10:01:00Z</time></trkpt>
            <trkpt lat="0" lon="0.02"><time>2026-01-01T10:06:00Z</time></trkpt>
            </trkseg></trk></gpx>
            """);

        var run = Assert.Single(result.Records);
        Assert.Equal(2 * Math.PI * 6371.0088 / 360 * 0.02, run.DistanceKm, 1e-9);
        Assert.Equal(0.1, run.DurationHours, 1e-12);
        Assert.Contains(result.Issues, i => i.Kind == ImportIssueKind.Warning && i.Message.Contains("no activity type", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Message.Contains("1 point(s) without a valid lat/lon", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Message.Contains("1 point(s) have no valid time", StringComparison.Ordinal));
    }

    [Fact]
    public void A_TCX_run_with_two_laps_sums_lap_time_and_distance_and_skips_the_ride()
    {
        var result = ReadFile("two-laps.tcx", s => TcxImporter.Read(s));

        var run = Assert.Single(result.Records);
        Assert.Equal((1512.4 + 1378.6) / 3600, run.DurationHours, 1e-12);
        Assert.Equal(9.8205, run.DistanceKm, 1e-12);
        Assert.Equal(new DateTime(2026, 3, 16, 6, 30, 0, DateTimeKind.Utc), run.StartUtc);
        Assert.Equal("Running", run.ActivityType);
        var skipped = Assert.Single(result.Issues);
        Assert.Equal(ImportIssueKind.Skipped, skipped.Kind);
        Assert.Contains("Biking", skipped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_TCX_lap_without_totals_falls_back_to_its_trackpoints()
    {
        var result = TcxImporter.Read(new StringReader("""
            <TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>
            <Activity Sport="Running"><Id>2026-02-01T08:00:00Z</Id><Lap StartTime="2026-02-01T08:00:00Z"><Track>
            <Trackpoint><Time>2026-02-01T08:00:00Z</Time><Position><LatitudeDegrees>0</LatitudeDegrees><LongitudeDegrees>0</LongitudeDegrees></Position></Trackpoint>
            <Trackpoint><Time>2026-02-01T08:30:00Z</Time><Position><LatitudeDegrees>0</LatitudeDegrees><LongitudeDegrees>0.05</LongitudeDegrees></Position></Trackpoint>
            </Track></Lap></Activity></Activities></TrainingCenterDatabase>
            """));

        var run = Assert.Single(result.Records);
        Assert.Equal(0.5, run.DurationHours, 1e-12);
        Assert.Equal(2 * Math.PI * 6371.0088 / 360 * 0.05, run.DistanceKm, 1e-9);
        Assert.Equal(2, result.Issues.Count(i => i.Kind == ImportIssueKind.Warning));
    }

    [Fact]
    public void Strava_activities_csv_keeps_runs_with_moving_time_and_metre_distance_and_skips_other_sports()
    {
        var result = ReadFile("activities.csv", s => StravaActivitiesImporter.Read(s));

        Assert.Equal(["101", "103", "104", "105"], result.Records.Select(r => r.SourceId));
        var first = result.Records[0];
        Assert.Equal(2950.0 / 3600, first.DurationHours, 1e-12);
        Assert.Equal(10.0204, first.DistanceKm, 1e-12);
        Assert.Equal(new DateTime(2026, 3, 2, 6, 45, 12, DateTimeKind.Utc), first.StartUtc);
        Assert.Equal(new DateTime(2026, 3, 5, 12, 10, 0, DateTimeKind.Utc), result.Records[2].StartUtc);
        Assert.True(double.IsNaN(result.Records[2].DistanceKm)); // the treadmill run
        Assert.Equal("Trail Run", result.Records[3].ActivityType);
        // Hours: (2950 + 2040 + 1800 + 4102) / 3600; km: 10.0204 + 6.0127 + 12.3049 (treadmill has none).
        Assert.Equal(10892.0 / 3600, result.TotalHours, 1e-12);
        Assert.Equal(28.338, result.TotalKm, 1e-12);
        Assert.Contains(result.Issues, i => i.Kind == ImportIssueKind.Skipped && i.Location == "row 3 (activity 102)" && i.Message.Contains("\"Ride\"", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Kind == ImportIssueKind.Skipped && i.Message.Contains("\"Swim\"", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Kind == ImportIssueKind.Warning && i.Location.Contains("104", StringComparison.Ordinal));
    }

    [Fact]
    public void Strava_rows_with_a_bad_date_are_errors_and_a_single_distance_column_is_read_as_km()
    {
        var result = StravaActivitiesImporter.Read(new StringReader(
            "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n" +
            "1,\"Jan 5, 2026, 7:00:00 AM\",\"Run, cold\",Run,1800,5.25\n" +
            "2,yesterday,Run,Run,1800,5.0\n"));

        var run = Assert.Single(result.Records);
        Assert.Equal(0.5, run.DurationHours, 1e-12);
        Assert.Equal(5.25, run.DistanceKm, 1e-12);
        Assert.Contains(result.Issues, i => i.Kind == ImportIssueKind.Error && i.Location == "row 3 (activity 2)");
        Assert.Contains(result.Issues, i => i.Message.Contains("Elapsed Time", StringComparison.Ordinal));
    }

    [Fact]
    public void An_XXE_attempt_is_refused_with_a_clear_error_and_reads_no_file()
    {
        var result = Gpx("""
            <?xml version="1.0"?>
            <!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <gpx version="1.1"><trk><name>&xxe;</name><trkseg><trkpt lat="0" lon="0"><time>2026-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>
            """);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Records);
        var error = Assert.Single(result.Issues);
        Assert.Equal("file", error.Location);
        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_billion_laughs_TCX_is_refused()
    {
        var result = TcxImporter.Read(new StringReader(
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>" +
            "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>&lol2;</Id></Activity></Activities></TrainingCenterDatabase>"));

        Assert.False(result.Succeeded);
        Assert.Contains("DTD", result.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_GPX_is_a_file_error_and_yields_no_partial_records()
    {
        var text = File.ReadAllText(Sample("run-5k.gpx"));
        var result = Gpx(text[..(text.Length / 2)]);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Records);
        Assert.Contains("not well-formed XML", result.Issues[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0000\u0001\u0002garbage\u00ff")]
    [InlineData("{\"not\": \"xml\"}")]
    [InlineData("<html><body>a web page</body></html>")]
    public void Garbage_is_a_clear_file_error_for_both_XML_importers(string text)
    {
        foreach (var result in new[] { Gpx(text), TcxImporter.Read(new StringReader(text)) })
        {
            Assert.False(result.Succeeded);
            Assert.Empty(result.Records);
            Assert.Equal(ImportIssueKind.Error, result.Issues[0].Kind);
            Assert.False(string.IsNullOrWhiteSpace(result.Issues[0].Message));
        }
    }

    [Fact]
    public void Random_bytes_as_a_Strava_csv_are_a_file_error_not_an_exception()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        using var stream = new MemoryStream(bytes);

        var result = StravaActivitiesImporter.Read(stream);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Files_over_the_size_limit_are_refused()
    {
        var options = new ExposureImportOptions { MaxCharacters = 600 };
        var gpx = GpxImporter.Read(new StringReader(File.ReadAllText(Sample("run-5k.gpx"))), options);
        var csv = StravaActivitiesImporter.Read(new StringReader(File.ReadAllText(Sample("activities.csv"))), options);

        Assert.Contains("larger than the import limit", gpx.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("larger than the import limit", csv.Issues[0].Message, StringComparison.Ordinal);
        Assert.Empty(gpx.Records);
        Assert.Empty(csv.Records);
    }

    [Fact]
    public void A_Strava_csv_cut_inside_a_quoted_name_reports_the_cut_row()
    {
        var text = File.ReadAllText(Sample("activities.csv"), Encoding.UTF8);
        var cut = text[..(text.IndexOf("\"Easy run", StringComparison.Ordinal) + 5)];

        var result = StravaActivitiesImporter.Read(new StringReader(cut));

        Assert.Single(result.Records); // row 2 (activity 101) came before the cut
        Assert.Contains(result.Issues, i => i.Kind == ImportIssueKind.Error && i.Message.Contains("cut off", StringComparison.Ordinal));
    }
}
