using System.Data.Common;
using System.Globalization;
using System.Threading.RateLimiting;
using HipCheck.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Infrastructure;

/// <summary>One counter of a fixed rate-limit window: a policy and a client (IP address or member id).</summary>
public sealed class RateLimitWindow
{
    public const int KeyMaxLength = 200;

    /// <summary>Policy and partition, e.g. <c>login:203.0.113.7</c>.</summary>
    public required string Key { get; set; }

    /// <summary>Start of the current window, in seconds since 1970-01-01 UTC.</summary>
    public long WindowStart { get; set; }

    /// <summary>Requests counted in the current window.</summary>
    public int Count { get; set; }
}

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> window)
    {
        window.HasKey(w => w.Key);
        window.Property(w => w.Key).HasMaxLength(RateLimitWindow.KeyMaxLength);
        window.HasIndex(w => w.WindowStart);
    }
}

/// <summary>
/// Fixed-window rate limits counted in the database, so that they hold across every app instance over it: with N
/// instances behind a load balancer, a client still gets the configured number of login, registration, password
/// reset or comment POSTs a minute, not N times that. Each counted request is one upsert (insert the window's
/// counter or add one to it, in one statement with RETURNING, atomic on both engines); rows of windows that ended
/// an hour ago are deleted now and then. The limited endpoints are rare writes, so the extra statement is cheap.
/// If the database cannot be reached the request is let through (logged): the endpoint itself needs the database
/// and fails anyway, and a limiter must not turn a database hiccup into a lock-out.
/// </summary>
public static class SharedRateLimits
{
    /// <summary>The partition of one client under one policy, counted in the database.</summary>
    public static RateLimitPartition<string> FixedWindow(HttpContext context, string policy, string client, int permitLimit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = $"{policy}:{client}";
        if (key.Length > RateLimitWindow.KeyMaxLength)
        {
            key = key[..RateLimitWindow.KeyMaxLength];
        }

        var services = context.RequestServices;
        return RateLimitPartition.Get(key, k => new DatabaseWindowLimiter(
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<DatabaseWindowLimiter>>(),
            k, permitLimit, window));
    }

    /// <summary>Counts one request in the key's current window; returns the count including this one.</summary>
    internal static async Task<int> CountAsync(HipCheckDb db, string key, long windowStart, long deleteBefore, bool sweep, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            if (sweep)
            {
                await using var delete = Command(connection, """DELETE FROM "RateLimitWindows" WHERE "WindowStart" < @before""", ("@before", deleteBefore));
                await delete.ExecuteNonQueryAsync(ct);
            }

            await using var upsert = Command(connection,
                """
                INSERT INTO "RateLimitWindows" ("Key", "WindowStart", "Count") VALUES (@key, @start, 1)
                ON CONFLICT ("Key") DO UPDATE SET
                    "Count" = CASE WHEN "RateLimitWindows"."WindowStart" = excluded."WindowStart" THEN "RateLimitWindows"."Count" + 1 ELSE 1 END,
                    "WindowStart" = excluded."WindowStart"
                RETURNING "Count"
                """, ("@key", key), ("@start", windowStart));
            return Convert.ToInt32(await upsert.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

/// <summary>One partition's limiter: stateless here, the count lives in the database (<see cref="SharedRateLimits"/>).</summary>
internal sealed class DatabaseWindowLimiter(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<DatabaseWindowLimiter> logger, string key, int permitLimit, TimeSpan window) : RateLimiter
{
    private long lastUsedTicks = Environment.TickCount64;

    public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastUsedTicks));

    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>
    /// The synchronous attempt cannot ask the database without blocking a thread: it declines, and ASP.NET Core's
    /// rate-limiting middleware then asks <see cref="AcquireAsyncCore"/>, which counts the request.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return Lease.Granted;
        }

        Interlocked.Exchange(ref lastUsedTicks, Environment.TickCount64);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var seconds = (long)window.TotalSeconds;
        var windowStart = now - (now % seconds);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HipCheckDb>();
            var count = await SharedRateLimits.CountAsync(db, key, windowStart, now - 3600, sweep: Random.Shared.Next(64) == 0, cancellationToken);
            return count <= permitLimit ? Lease.Granted : Lease.Refused(TimeSpan.FromSeconds(windowStart + seconds - now));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Rate limit {Key} could not be counted; the request is let through", key);
            return Lease.Granted;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static readonly Lease NotYet = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } value && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = value;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}
