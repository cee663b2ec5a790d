using System.Runtime.CompilerServices;
using System.Text.Json;
using HipCheck.Core.Parsing;
using HipCheck.Core.Surveillance;
using HipCheck.Core.Tests.Studies;

namespace HipCheck.Core.Tests.Surveillance;

/// <summary>
/// The whole report, key by key, against fixtures/surveillance.R (base R: t intervals over weeks, poisson.test) on
/// three committed datasets: a season with missing items, multi-injury events and an athlete without check-ins; a
/// study without injuries; and a single week with no kilometres and no men answering. Numbers agree to 1e-6 relative.
/// </summary>
public class SurveillanceAgainstRTests
{
    public static readonly TheoryData<string> Datasets = ["season", "no-injuries", "one-week"];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void The_report_matches_R(string dataset)
    {
        var report = Run(dataset);

        var ours = JsonDocument.Parse(SurveillanceReportWriter.ToJson(report)).RootElement;
        var r = JsonDocument.Parse(File.ReadAllText(PathOf(dataset + ".expected.json"))).RootElement;
        var differences = JsonAgreement.Differences(ours, r);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [Fact]
    public void The_season_exercises_what_it_claims_to()
    {
        var checkins = Read(r => SurveillanceCsv.ReadCheckins(r), "season-checkins.csv");
        var injuries = Read(SurveillanceCsv.ReadInjuries, "season-injuries.csv");

        Assert.Contains(checkins, c => c.Answers.Participation is null);
        Assert.Contains(checkins, c => c.Answers.Participation == 0 && c.Answers.Pain > 0);
        Assert.Equal(11, injuries.Count);
        Assert.Equal(9, InjuryEvents.Group(injuries).Count);
        var report = Run("season");
        Assert.Equal(9, report.Overall.Injuries);
        Assert.Equal(4 + 4, report.Female.Injuries + report.Male.Injuries); // R11's injury has no sex: overall only
    }

    [Fact]
    public void One_week_gives_an_estimate_without_bounds_and_no_km_gives_no_rate_per_km()
    {
        var report = Run("one-week");

        Assert.Equal(1, report.Weeks);
        Assert.Equal(50, report.Overall.AnyProblems.Value);
        Assert.True(double.IsNaN(report.Overall.AnyProblems.Lower) && double.IsNaN(report.Overall.AnyProblems.Upper));
        Assert.True(double.IsNaN(report.Overall.Per1000Km.Value));
        Assert.True(double.IsNaN(report.Male.AnyProblems.Value));
    }

    [Fact]
    public void Without_injuries_the_rate_is_0_with_an_upper_bound_and_the_burden_is_0()
    {
        var report = Run("no-injuries");

        Assert.Equal(0, report.Overall.Injuries);
        Assert.Equal(0, report.Overall.Per1000Hours.Value);
        Assert.Equal(0, report.Overall.Per1000Hours.Lower);
        Assert.True(report.Overall.Per1000Hours.Upper > 0);
        Assert.Equal(0, report.Overall.BurdenDaysPer1000Hours);
        Assert.Empty(report.ByRegion);
    }

    internal static SurveillanceReport Run(string dataset) => SurveillanceAnalysis.Run(
        Read(r => SurveillanceCsv.ReadCheckins(r), dataset + "-checkins.csv"),
        Read(SurveillanceCsv.ReadExposure, dataset + "-exposure.csv"),
        Read(SurveillanceCsv.ReadInjuries, dataset + "-injuries.csv"));

    private static IReadOnlyList<T> Read<T>(Func<TextReader, CsvRead<T>> read, string file)
    {
        using var reader = new StreamReader(PathOf(file));
        var result = read(reader);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Rows;
    }

    internal static string PathOf(string file, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "fixtures", file);
}
