using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace HipCheck.Web.Infrastructure;

/// <summary>How large a request body may be (<c>RequestLimits</c> in configuration).</summary>
public sealed class RequestLimitsOptions
{
    /// <summary>Every endpoint's limit unless it declares a larger one (<see cref="IRequestBodyLimit"/>): 1 MiB by default,
    /// far above any screening, form or comment and far below what would tie up memory or disk.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>Endpoint metadata: this endpoint takes bodies up to a limit read from configuration (uploads).</summary>
public interface IRequestBodyLimit
{
    long MaxBodyBytes(IServiceProvider services);
}

/// <summary>
/// Oversized bodies are refused with 413 and a problem document before anything reads them (ASVS 12.1.1; RFC 9110
/// 15.5.14). The server's own limit (Kestrel, IIS) is set to the same value, so a body without a length header
/// (chunked) is cut off there too; an endpoint that takes uploads raises the limit for its own requests only.
/// </summary>
public static class RequestBodyLimits
{
    public static IServiceCollection AddRequestBodyLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection("RequestLimits")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes);
        services.AddOptions<IISServerOptions>().Configure<IOptions<RequestLimitsOptions>>((iis, limits) =>
            iis.MaxRequestBodySize = limits.Value.MaxBodyBytes);
        return services;
    }

    /// <summary>Runs after routing (so the endpoint's own limit is known) and before anything reads the body.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = LimitFor(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            // A body without a length is counted here (ChunkedBodyExceedsAsync); the server's limit leaves room to drain it.
            feature.MaxRequestBodySize = context.Request.ContentLength is null ? limit + DrainAllowanceBytes : limit;
        }

        if (context.Request.ContentLength > limit || (context.Request.ContentLength is null && await ChunkedBodyExceedsAsync(context, limit)))
        {
            await DiscardRestAsync(context, limit);
            await RefuseAsync(context, limit);
            return;
        }

        await next(context);
    });

    private static long LimitFor(HttpContext context)
    {
        var services = context.RequestServices;
        return context.GetEndpoint()?.Metadata.GetMetadata<IRequestBodyLimit>() is { } endpointLimit
            ? endpointLimit.MaxBodyBytes(services)
            : services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxBodyBytes;
    }

    /// <summary>
    /// A body sent without Content-Length (chunked) is read into a rewindable buffer up to the limit first: form
    /// readers (antiforgery, model binding) would otherwise turn the server's "too large" into a 400.
    /// </summary>
    private static async Task<bool> ChunkedBodyExceedsAsync(HttpContext context, long limit)
    {
        var method = context.Request.Method;
        var canHaveBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method));
        if (!canHaveBody)
        {
            return false;
        }

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return true;
                }
            }
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return true;
        }

        context.Request.Body.Position = 0;
        return false;
    }

    /// <summary>
    /// Reads and throws away a body that is at most <see cref="DrainAllowanceBytes"/> over the limit before answering.
    /// A server that answers and closes while the client is still sending resets the connection (unread bytes make the
    /// kernel send RST), and the client then never sees the 413; a far larger body is cut off, as Kestrel would.
    /// </summary>
    private static async Task DiscardRestAsync(HttpContext context, long limit)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (context.Request.ContentLength is { } length && length > limit + DrainAllowanceBytes)
        {
            return;
        }

        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit + DrainAllowanceBytes;
        }

        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while (total <= DrainAllowanceBytes + limit && (read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
            }
        }
        catch (IOException)
        {
            // Too large or cut off by the client: the 413 goes out and the connection closes.
        }
    }

    /// <summary>How far over the limit a body is still read to the end so that the client reliably sees the 413.</summary>
    private const long DrainAllowanceBytes = 4 * 1024 * 1024;

    private static async Task RefuseAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = string.Create(CultureInfo.InvariantCulture, $"This address accepts at most {limit:N0} bytes."),
            },
        });
    }
}
