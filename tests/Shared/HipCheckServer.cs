using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace HipCheck.Testing;

/// <summary>
/// The real HipCheck.Web, started as its own process from the Release build output (`dotnet HipCheck.Web.dll`),
/// environment Production, listening on a free 127.0.0.1 port (Kestrel picks it; we read it from the log), auth rate
/// limits lifted. Unlike WebApplicationFactory's TestServer this is Kestrel with real sockets, real request limits
/// and a process that can be SIGKILLed. Linked into the test projects that need it (tests/Shared).
/// <para>
/// The database comes from the environment so the same tests can run on another provider:
/// <c>HIPCHECK_TEST_DB_PROVIDER</c> (Sqlite, the default, or Postgres) and <c>HIPCHECK_TEST_DB_CONNECTION</c>;
/// without them each server gets its own SQLite file under <see cref="Folder"/>.
/// </para>
/// </summary>
public sealed partial class HipCheckServer : IAsyncDisposable
{
    public const string Password = "Str0ng!Pass";

    private static readonly string WebDll = Path.GetFullPath(typeof(HipCheckServer).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WebPath").Value!);

    private readonly Dictionary<string, string> environment;
    private Process? process;
    private readonly StringBuilder log = new();

    /// <param name="folder">Where the database, outbox and media go; a new temp folder when null.</param>
    /// <param name="settings">Extra configuration as environment variables (<c>Section__Key</c>).</param>
    public HipCheckServer(string? folder = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Folder = folder ?? Path.Combine(Path.GetTempPath(), "hipcheck-process-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Provider = Environment.GetEnvironmentVariable("HIPCHECK_TEST_DB_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";
        DatabasePath = Path.Combine(Folder, "hipcheck.db");
        // On PostgreSQL each server object gets a database of its own on the given server (the app creates it when it
        // migrates); a restart of the same object reuses it. A later Database= key wins over the server's.
        ConnectionString = Environment.GetEnvironmentVariable("HIPCHECK_TEST_DB_CONNECTION") is { Length: > 0 } c
            ? IsSqlite ? c : $"{c.TrimEnd(';')};Database=hipcheck_process_{Guid.NewGuid():N}"
            : $"Data Source={DatabasePath}";
        environment = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Provider"] = Provider,
            ["ConnectionStrings__HipCheck"] = ConnectionString,
            ["Email__OutboxPath"] = Path.Combine(Folder, "outbox"),
            ["Media__Path"] = Path.Combine(Folder, "media"),
            ["RateLimits__LoginPerMinute"] = "100000",
            ["RateLimits__RegisterPerMinute"] = "100000",
            ["RateLimits__PasswordResetPerMinute"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
    }

    public string Folder { get; }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file (when the provider is SQLite).</summary>
    public string DatabasePath { get; }

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>What the server wrote to stdout and stderr, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts the server and waits until /health/ready answers 200 (migrations are applied before it listens).</summary>
    public async Task StartAsync()
    {
        Assert.True(File.Exists(WebDll), $"HipCheck.Web was not built at {WebDll}.");
        Assert.Null(process);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(WebDll)!,
        };
        start.ArgumentList.Add(WebDll);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new Process { StartInfo = start };
        started.OutputDataReceived += (_, e) => OnLine(e.Data, listening);
        started.ErrorDataReceived += (_, e) => OnLine(e.Data, listening);
        started.Start();
        process = started;
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        var exited = started.WaitForExitAsync(TestContext.Current.CancellationToken);
        var deadline = Task.Delay(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        var first = await Task.WhenAny(listening.Task, exited, deadline);
        if (first != listening.Task)
        {
            Assert.Fail($"HipCheck.Web did not start listening ({(first == exited ? $"exit code {started.ExitCode}" : "no 'Now listening' within 2 minutes")}):\n{Log}");
        }

        BaseAddress = await listening.Task;
        using var client = Client();
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"/health/ready answered {(int)ready.StatusCode}:\n{Log}");
    }

    private void OnLine(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s]+)")]
    private static partial Regex ListeningLine();

    /// <summary>
    /// Kills the server without warning. On Linux <see cref="Process.Kill(bool)"/> sends SIGKILL: no shutdown code,
    /// no flush, no finally block runs. Returns the exit code (128 + 9 = 137 for SIGKILL).
    /// </summary>
    public async Task<int> KillAsync()
    {
        var running = process ?? throw new InvalidOperationException("The server is not running.");
        running.Kill(entireProcessTree: true);
        await running.WaitForExitAsync(TestContext.Current.CancellationToken);
        var code = running.ExitCode;
        running.Dispose();
        process = null;
        return code;
    }

    /// <summary>Stops the server if it runs (the tests need no graceful shutdown, so it is killed).</summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await KillAsync();
        }
    }

    /// <summary>A client for this server; no redirects followed, so a 302 is seen as what it is.</summary>
    public HttpClient Client() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };

    /// <summary>Registers a member (201 or 200) and logs in; answers a client sending the bearer token.</summary>
    public async Task<HttpClient> RegisterAndLogin(string email, string role = "runner")
    {
        var client = Client();
        using (var register = await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, role }, TestContext.Current.CancellationToken))
        {
            Assert.True(register.IsSuccessStatusCode,
                $"register {email}: {(int)register.StatusCode} {await register.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        await Login(client, email);
        return client;
    }

    /// <summary>Logs in with the client (e.g. again after a restart) and sets its bearer token.</summary>
    public static async Task Login(HttpClient client, string email)
    {
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password }, TestContext.Current.CancellationToken);
        var text = await login.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"login {email}: {(int)login.StatusCode} {text}");
        using var body = JsonDocument.Parse(text);
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.RootElement.GetProperty("accessToken").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
