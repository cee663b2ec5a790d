namespace HipCheck.Web.Infrastructure;

/// <summary>
/// Security headers on every response (pages, API, static files, errors): a Content-Security-Policy
/// without inline script or style, no framing, no MIME sniffing, a strict referrer policy and no access
/// to camera, microphone or location. HSTS is added separately (UseHsts, outside Development).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of every page: scripts, styles and everything else only from this origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' https:; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy of the interactive API reference under /scalar, and only there: Scalar's page starts
    /// with an inline configuration script and its bundle injects inline styles, so script-src and
    /// style-src allow 'unsafe-inline'. The bundle itself is served by the app (no CDN), so every source
    /// is still 'self'; the page holds no health data, only the API description.
    /// </summary>
    public const string ScalarContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ScalarPath = "/scalar";

    /// <summary>Adds the headers when the response starts, so error responses (which clear headers) carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ScalarPath)
                    ? ScalarContentSecurityPolicy
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
}
