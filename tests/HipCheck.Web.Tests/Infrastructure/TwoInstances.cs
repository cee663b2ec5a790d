using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>
/// Two HipCheck instances, each a real Kestrel server on its own free port, over one database (PostgreSQL when the
/// suite runs on it): the test base of everything that must hold across instances.
/// </summary>
public abstract class TwoInstances : IDisposable
{
    protected TwoInstances(IReadOnlyDictionary<string, string>? settings = null)
    {
        First = new HipCheckApp(settings);
        First.UseKestrel(0);
        First.StartServer();
        Second = new HipCheckApp(settings) { SharedDatabase = First.ConnectionString };
        Second.UseKestrel(0);
        Second.StartServer();
    }

    protected HipCheckApp First { get; }

    protected HipCheckApp Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The address an instance listens on (127.0.0.1 and its port).</summary>
    protected static Uri Address(HipCheckApp app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(Assert.Single(addresses).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>A plain HTTP client of one instance: no cookie jar, no redirects followed.</summary>
    protected static HttpClient Client(HipCheckApp app) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address(app) };
}
