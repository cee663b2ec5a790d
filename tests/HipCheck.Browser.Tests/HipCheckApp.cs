using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Browser.Tests;

/// <summary>
/// The real HipCheck web app, in-process, on a real Kestrel socket (a free port) so that a browser
/// can reach it, in environment "Testing", with its own SQLite file in a fresh temp folder:
/// one per test, so no test sees another's data.
/// </summary>
public sealed class HipCheckApp : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo _dataFolder = Directory.CreateTempSubdirectory("hipcheck-browser-");

    public HipCheckApp() => UseKestrel(0);

    public string DatabasePath => Path.Combine(_dataFolder.FullName, "hipcheck.db");

    /// <summary>The folder the app writes its emails to (.eml files).</summary>
    public string Outbox => Path.Combine(_dataFolder.FullName, "outbox");

    /// <summary>Starts the server (once) and answers the address Kestrel actually bound.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Kestrel bound no http address: {string.Join(", ", addresses)}");
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, ASP.NET serves only published static assets; the tests run the build
        // output, so point it at the build's static web assets manifest (the CSS the pages link).
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:HipCheck", $"Data Source={DatabasePath}");
        // Emails (confirmation, password reset) go to .eml files in the test's own folder.
        builder.UseSetting("Email:OutboxPath", Outbox);
        // Keep the test log readable: the app's warnings and errors still show.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the file open; release them before removing the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            _dataFolder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
        GC.SuppressFinalize(this);
    }
}
