using System.Net;
using HipCheck.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HipCheck.Web.Tests.Platform;

/// <summary>Telemetry and logs are configuration: off by default, on when asked, and a typo stops the start.</summary>
public sealed class OperationsTests
{
    [Fact]
    public void Telemetry_is_off_unless_an_exporter_is_named()
    {
        using var app = new HipCheckApp();
        _ = app.Services;

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_the_console_exporter_and_json_logs_the_app_traces_meters_and_serves()
    {
        using var app = new HipCheckApp(new Dictionary<string, string>
        {
            ["Telemetry:Exporter"] = "console",
            ["Logging:Format"] = "json",
        });

        using var live = await app.Anonymous().Get("/health/live");
        await live.AssertStatus(HttpStatusCode.OK);
        using var ready = await app.Anonymous().Get("/health/ready");
        await ready.AssertStatus(HttpStatusCode.OK);
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.NotNull(app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void An_unknown_exporter_stops_the_start_with_a_message_naming_the_setting()
    {
        using var app = new HipCheckApp(new Dictionary<string, string> { ["Telemetry:Exporter"] = "zipkin" });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("Telemetry:Exporter 'zipkin' is not known", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_database_provider_stops_the_start_with_a_message_naming_the_setting()
    {
        using var app = new HipCheckApp(new Dictionary<string, string> { ["Database:Provider"] = "Oracle" });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("Database:Provider 'Oracle' is not known", error.ToString(), StringComparison.Ordinal);
    }
}
