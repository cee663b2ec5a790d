using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace HipCheck.Web.Account;

/// <summary>
/// Rate limits of the anonymous account endpoints (TRUST.md, ASVS 2.2.1), per client IP address and
/// answered with 429 and Retry-After: login (API and page) <see cref="LoginPerMinute"/> a minute, registration
/// (API and page) and password reset (forgot and reset pages) <see cref="RegisterPerMinute"/> and
/// <see cref="PasswordResetPerMinute"/> a minute. Only POSTs count; showing the forms is free. Each limit
/// can be changed under <c>RateLimits:</c> (LoginPerMinute, RegisterPerMinute, PasswordResetPerMinute).
/// Counters live in the database (<see cref="HipCheck.Web.Infrastructure.SharedRateLimits"/>), so the limits hold
/// across every app instance.
/// They complement, not replace, Identity's per-account lockout (5 failures lock for 5 minutes).
/// </summary>
public static class AuthRateLimits
{
    public const string LoginPolicy = "login";
    public const string RegisterPolicy = "register";
    public const string PasswordResetPolicy = "password-reset";

    public const int LoginPerMinute = 10;
    public const int RegisterPerMinute = 5;
    public const int PasswordResetPerMinute = 5;

    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits");
        var login = limits.GetValue("LoginPerMinute", LoginPerMinute);
        var register = limits.GetValue("RegisterPerMinute", RegisterPerMinute);
        var reset = limits.GetValue("PasswordResetPerMinute", PasswordResetPerMinute);

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(LoginPolicy, context => PerClientPost(context, LoginPolicy, login));
            options.AddPolicy(RegisterPolicy, context => PerClientPost(context, RegisterPolicy, register));
            options.AddPolicy(PasswordResetPolicy, context => PerClientPost(context, PasswordResetPolicy, reset));
            // One handler for every policy (the last OnRejected configured wins): say when to come back.
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter =
                    context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                        ? ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : "60";
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// POSTs are counted per client IP; a request without one (the in-memory test server) falls into one
    /// shared "unknown" partition, so tests see the limit as a single client would.
    /// </summary>
    private static RateLimitPartition<string> PerClientPost(HttpContext context, string policy, int perMinute) =>
        !HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reads")
            : HipCheck.Web.Infrastructure.SharedRateLimits.FixedWindow(
                context, policy, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", perMinute, TimeSpan.FromMinutes(1));
}
