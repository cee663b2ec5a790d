using HipCheck.Web.Data;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HipCheck.Web.Infrastructure;

/// <summary>
/// What it takes to run HipCheck as several stateless instances behind a load balancer:
/// Data Protection keys in the database (a cookie or token issued by one instance is read by another),
/// structured logs, and OpenTelemetry traces and metrics (off unless <c>Telemetry:Exporter</c> names one).
/// </summary>
public static class Operations
{
    public const string ServiceName = "HipCheck";

    public static IServiceCollection AddHipCheckOperations(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ServiceName)
            .PersistKeysToDbContext<HipCheckDb>();
        // Keys are stored in the database; with a certificate they are also encrypted there (recommended in
        // production: whoever reads a database backup cannot then forge a login cookie).
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        services.AddLogging(logging =>
        {
            // Logging:Format = json writes one JSON object per line (for a log shipper); the default stays readable.
            if (string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
            {
                logging.ClearProviders();
                logging.AddJsonConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    o.UseUtcTimestamp = true;
                });
            }
        });

        var exporter = TelemetryExporterFrom(configuration);
        if (exporter == TelemetryExporter.None)
        {
            return services;
        }

        var otlpEndpoint = configuration["Telemetry:OtlpEndpoint"];
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(Operations).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                AddExporter(tracing, exporter, otlpEndpoint);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Npgsql");
                if (exporter == TelemetryExporter.Console)
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter(o => SetEndpoint(o, otlpEndpoint));
                }
            });
        return services;
    }

    private static void AddExporter(TracerProviderBuilder tracing, TelemetryExporter exporter, string? endpoint)
    {
        if (exporter == TelemetryExporter.Console)
        {
            tracing.AddConsoleExporter();
        }
        else
        {
            tracing.AddOtlpExporter(o => SetEndpoint(o, endpoint));
        }
    }

    private static void SetEndpoint(OpenTelemetry.Exporter.OtlpExporterOptions options, string? endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            options.Endpoint = new Uri(endpoint);
        }
    }

    /// <summary><c>Telemetry:Exporter</c>: none (default), console, or otlp (with <c>Telemetry:OtlpEndpoint</c>).</summary>
    internal static TelemetryExporter TelemetryExporterFrom(IConfiguration configuration)
    {
        var value = configuration["Telemetry:Exporter"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return TelemetryExporter.None;
        }

        return Enum.TryParse<TelemetryExporter>(value.Trim(), ignoreCase: true, out var exporter) && Enum.IsDefined(exporter)
            ? exporter
            : throw new InvalidOperationException($"Telemetry:Exporter '{value}' is not known: use none, console or otlp.");
    }
}

internal enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}
