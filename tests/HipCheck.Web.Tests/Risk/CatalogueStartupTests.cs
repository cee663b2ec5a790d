using System.Net;
using System.Text.Json.Nodes;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Risk;

/// <summary>
/// The app refuses to start on a malformed evidence catalogue (Risk:CataloguePath), with a message that names the
/// problem, rather than failing later on a report.
/// </summary>
public sealed class CatalogueStartupTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("hipcheck-catalogue-");

    public void Dispose() => folder.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonObject ShippedCopy() => JsonNode.Parse(File.ReadAllText(ShippedCatalogue.Path))!.AsObject();

    private static JsonObject RuleOf(JsonObject catalogue, string id) =>
        catalogue["rules"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["id"] == id);

    /// <summary>Starts an app on the given catalogue and answers the exception that stopped it (fails if it started).</summary>
    private static async Task<string> StartupFailure(string cataloguePath)
    {
        await using var app = new HipCheckApp(new Dictionary<string, string> { ["Risk:CataloguePath"] = cataloguePath });
        var thrown = Record.Exception(() => app.CreateClient());
        Assert.True(thrown is not null, $"the app started on the catalogue {cataloguePath}; it should refuse");
        // The host may wrap the app's exception: read the whole chain.
        var messages = new List<string>();
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            messages.Add($"{e.GetType().Name}: {e.Message}");
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => $"{i.GetType().Name}: {i.Message}"));
            }
        }

        return string.Join(Environment.NewLine, messages);
    }

    [Fact]
    public async Task A_valid_copy_of_the_catalogue_at_the_configured_path_is_the_one_reports_use()
    {
        // Control for the failures below: the path setting works, and a well-formed file starts the app.
        var catalogue = ShippedCopy();
        catalogue["version"] = "test-copy-1";
        var path = Write("copy.json", catalogue.ToJsonString());
        await using var app = new HipCheckApp(new Dictionary<string, string> { ["Risk:CataloguePath"] = path });
        var runner = await app.RegisterAndLogin("ann@example.org");
        var (_, screeningId) = await runner.AthleteWithScreening(Bodies.Athlete(), "2025-03-01", RiskReports.HipExtension18());

        var report = await runner.Report(screeningId);

        JsonAssert.Text("test-copy-1", report, "catalogueVersion");
    }

    [Fact]
    public async Task Broken_json_stops_the_app_with_a_message_that_says_so()
    {
        var path = Write("broken.json", """{ "version": "1", "studies": [ { "id": "nadler-2001", """);

        var message = await StartupFailure(path);

        Assert.Contains("catalogue", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not valid JSON", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_citing_an_unknown_study_stops_the_app_naming_the_study()
    {
        var catalogue = ShippedCopy();
        RuleOf(catalogue, "lbp-hip-extension-asymmetry-female")["evidence"]![0]!["study"] = "nobody-2099";
        var path = Write("unknown-study.json", catalogue.ToJsonString());

        var message = await StartupFailure(path);

        Assert.Contains("unknown study 'nobody-2099'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("duplicate-rule")]
    [InlineData("unknown-test")]
    [InlineData("threshold-out-of-range")]
    [InlineData("no-version")]
    public async Task Other_malformed_catalogues_stop_the_app_naming_the_problem(string breakage)
    {
        var catalogue = ShippedCopy();
        var rule = RuleOf(catalogue, "lbp-hip-extension-asymmetry-female");
        string expected;
        switch (breakage)
        {
            case "duplicate-rule":
                catalogue["rules"]!.AsArray().Add(rule.DeepClone());
                expected = "duplicate rule id 'lbp-hip-extension-asymmetry-female'";
                break;
            case "unknown-test":
                rule["metric"]!["testCode"] = "hip-wiggle";
                expected = "unknown test code 'hip-wiggle'";
                break;
            case "threshold-out-of-range":
                rule["threshold"] = 150; // an asymmetry is below 100 %
                expected = "threshold";
                break;
            default:
                catalogue.Remove("version");
                expected = "version";
                break;
        }

        var message = await StartupFailure(Write($"{breakage}.json", catalogue.ToJsonString()));

        Assert.Contains("evidence catalogue is invalid", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_catalogue_file_stops_the_app_naming_the_path()
    {
        var path = Path.Combine(folder.FullName, "nowhere.json");

        var message = await StartupFailure(path);

        Assert.Contains(path, message, StringComparison.Ordinal);
    }
}
