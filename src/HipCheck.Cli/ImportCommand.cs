using System.CommandLine;
using System.Globalization;
using HipCheck.Web.Data;
using HipCheck.Web.Import;
using HipCheck.Web.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace HipCheck.Cli;

/// <summary>
/// `hipcheck import`: a screening CSV or dynamometer export into a team, through the same importer as the upload
/// page and the API (TeamImporter: Core's reader, the study-lock check, the provider's bulk writer). Exit codes: 0
/// imported, 2 nothing imported or rows rejected (each printed with line and column on stderr), 1 anything unexpected.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The CSV to import (docs/import.md).", Required = true };
        var team = new Option<Guid>("--team") { Description = "Id of the team to import into; screenings are recorded as created by its coach.", Required = true };
        var provider = new Option<string>("--provider")
        {
            Description = "Database engine: sqlite or postgres (else Database__Provider).",
        };
        var connection = new Option<string>("--connection")
        {
            Description = "Connection string (else ConnectionStrings__HipCheck), e.g. \"Data Source=App_Data/hipcheck.db\".",
        };
        var validOnly = new Option<bool>("--valid-only") { Description = "Store the valid rows even when some are rejected." };
        var migrate = new Option<bool>("--migrate") { Description = "Apply pending database migrations first." };
        var timings = new Option<bool>("--timings") { Description = "Print the wall time of each phase (read, check, plan, writes, commit)." };
        var command = new Command("import", "Import screenings into a team: all or nothing by default; re-importing a file adds nothing.")
        {
            file, team, provider, connection, validOnly, migrate, timings,
        };
        command.SetAction((r, ct) => RunAsync(r, r.GetValue(file)!, r.GetValue(team), r.GetValue(provider), r.GetValue(connection),
            r.GetValue(validOnly), r.GetValue(migrate), r.GetValue(timings), ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, FileInfo file, Guid teamId, string? provider, string? connection,
        bool validOnly, bool migrate, bool printTimings, CancellationToken ct)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No such file: {file.FullName}");
            return 2;
        }

        var settings = new Dictionary<string, string?>();
        if (provider is not null)
        {
            settings["Database:Provider"] = provider;
        }

        if (connection is not null)
        {
            settings["ConnectionStrings:HipCheck"] = connection;
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddHipCheckData(configuration, new CliEnvironment());
        services.AddScoped<StudyLocks>();
        services.AddScoped<TeamImporter>();
        await using var provider1 = services.BuildServiceProvider();
        await using var scope = provider1.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
        if (migrate)
        {
            await db.Database.MigrateAsync(ct);
        }
        else if (!await db.Database.IsMigratedAsync(ct))
        {
            await error.WriteLineAsync("The database has pending migrations: run 'HipCheck.Web migrate' or pass --migrate.");
            return 2;
        }

        if (await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct) is not { } team)
        {
            await error.WriteLineAsync($"No team {teamId} in this database.");
            return 2;
        }

        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var phases = printTimings ? new ImportTimings() : null;
        var started = TimeProvider.System.GetTimestamp();
        var report = await importer(scope).ImportAsync(team, team.CoachUserId, stream, validOnly, ct, phases);
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{(report.Committed ? "imported" : "nothing imported")}: {report.Rows} rows ({report.Layout}), {report.Imported} tests stored, "
            + $"{report.AlreadyPresent} already imported, {report.Rejected} rejected; {report.AthletesCreated} athletes and "
            + $"{report.ScreeningsCreated} screenings created in {seconds:0.00} s ({report.Rows / Math.Max(seconds, 1e-9):0} rows/s)"));
        foreach (var (phase, elapsed) in phases?.Phases ?? [])
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {phase}: {elapsed.TotalSeconds:0.000} s"));
        }

        foreach (var e in report.Errors)
        {
            await error.WriteLineAsync(e.ToString());
        }

        if (report.ErrorsNotListed > 0)
        {
            await error.WriteLineAsync($"... and {report.ErrorsNotListed} more problems");
        }

        return report.Committed && report.Rejected == 0 ? 0 : 2;

        static TeamImporter importer(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<TeamImporter>();
    }

    /// <summary>The little of a host the data registration reads: where a relative SQLite path is resolved.</summary>
    private sealed class CliEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "hipcheck";

        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
