using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace HipCheck.Web.Reports;

/// <summary>
/// 200 with a report already serialised as UTF-8 JSON (<see cref="ScreeningReporter.JsonForUserAsync"/>): the bytes
/// and content type <c>Ok&lt;ReportDocument&gt;</c> would write, and the same OpenAPI response (a ReportDocument).
/// </summary>
public sealed class ReportJson(byte[] utf8Json) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = utf8Json.Length;
        await response.Body.WriteAsync(utf8Json, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ReportDocument), ["application/json"]));
    }
}
