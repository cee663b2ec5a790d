using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>
/// One running HipCheck per test: environment "Testing", its own database (a SQLite file in its own temp
/// folder, or a PostgreSQL database when the suite runs on PostgreSQL), nothing seeded. Tests create every row they need through the API, as users would.
/// </summary>
/// <param name="settings">Extra configuration for this app, e.g. <c>Risk:CataloguePath</c>.</param>
public sealed class HipCheckApp(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string Password = "Str0ng!Pass";

    /// <summary>A clock to use instead of the system clock (set before the first request).</summary>
    public TimeProvider? Clock { get; init; }

    private readonly string folder =
        Path.Combine(Path.GetTempPath(), "hipcheck-web-tests", Guid.NewGuid().ToString("N"));

    private string? connectionString;

    /// <summary>This app's own database (a SQLite file, or a PostgreSQL database: see <see cref="TestDatabase"/>).</summary>
    public string ConnectionString => connectionString ??= SharedDatabase ?? TestDatabase.Create(folder);

    /// <summary>Another app's database, to run a second instance over the same data (never dropped by this app).</summary>
    public string? SharedDatabase { get; init; }

    /// <summary>The folder the app writes its emails to (.eml files), inside this app's temp folder.</summary>
    public string Outbox => Path.Combine(folder, "outbox");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Email:OutboxPath", Outbox);
        builder.UseSetting("Database:Provider", TestDatabase.ProviderName);
        builder.UseSetting("ConnectionStrings:HipCheck", ConnectionString);
        // Keep test output readable: lifetime chatter off, warnings and errors still shown.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Suites log many members in from one client (one "unknown" IP): lift the auth rate limits here;
        // Security/RateLimitTests passes low limits in settings, which override these.
        builder.UseSetting("RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("RateLimits:RegisterPerMinute", "100000");
        builder.UseSetting("RateLimits:PasswordResetPerMinute", "100000");
        // Re-check the security stamp on every request, so a test sees a password change end other sessions at once.
        builder.UseSetting("Identity:SecurityStampValidationInterval", "00:00:00");
        // The weekly reminder runs only where a test asks for it (Surveillance/ReminderTests).
        builder.UseSetting("CheckinReminders:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    /// <summary>
    /// A client without credentials. HTTPS so that HTTPS redirection and Secure cookies behave as in
    /// production; no auto-redirect so that a 302 to a login page is seen as what it is.
    /// </summary>
    public HttpClient Anonymous() =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        });

    /// <summary>
    /// Registers a member, confirms the email address by following the link in the confirmation email the app wrote
    /// to its outbox (as the member would; unless <paramref name="confirmEmail"/> is false), logs in and returns a
    /// client that sends the bearer token.
    /// </summary>
    public async Task<HttpClient> RegisterAndLogin(string email, string password = Password, string role = "runner", bool confirmEmail = true)
    {
        var client = Anonymous();
        using (var register = await client.PostJson("/api/auth/register", new { email, password, role }))
        {
            Assert.True(register.IsSuccessStatusCode,
                $"register {email} as {role}: {(int)register.StatusCode} {await register.Content.ReadAsStringAsync()}");
        }

        if (confirmEmail)
        {
            await ConfirmEmail(email);
        }

        var token = await Login(client, email, password);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Follows the link of the confirmation email sent to <paramref name="email"/>.</summary>
    public async Task ConfirmEmail(string email)
    {
        var link = Members.Outbox.Link(Members.Outbox.Message(this, email, "Confirm your HipCheck email address"), "/Account/ConfirmEmail");
        using var client = Anonymous();
        using var confirmed = await client.Get(link);
        Assert.Contains("Email confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Logs in and returns the access token.</summary>
    public static async Task<string> Login(HttpClient client, string email, string password)
    {
        using var login = await client.PostJson("/api/auth/login", new { email, password });
        Assert.True(login.StatusCode == System.Net.HttpStatusCode.OK,
            $"login {email}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var body = await login.Body();
        return body.GetProperty("accessToken").GetString()!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (connectionString is not null && SharedDatabase is null)
            {
                TestDatabase.Drop(connectionString);
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A pooled SQLite handle may still be closing; the OS temp cleaner gets the rest.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
