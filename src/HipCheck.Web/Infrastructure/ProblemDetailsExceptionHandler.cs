using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HipCheck.Web.Infrastructure;

/// <summary>
/// Turns exceptions into RFC 9457 problem details. A body that is not valid JSON, or holds a value of the
/// wrong type, answers 400 naming the field (<c>tests[0].left[1]</c>, as the validation errors do); anything
/// unexpected answers 500 with a trace id and no internals.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            context.Response.StatusCode = bad.StatusCode;
            var details = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request could not be read.",
            };
            if (bad.InnerException is JsonException json)
            {
                var field = FieldFromJsonPath(json.Path);
                var validation = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [string.IsNullOrEmpty(field) ? "body" : field] = [Describe(json)],
                })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "The request body is not valid JSON for this endpoint.",
                };
                details = validation;
            }
            else if (bad.StatusCode == StatusCodes.Status400BadRequest)
            {
                details.Detail = "Send a JSON body with Content-Type: application/json.";
            }

            return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = details, Exception = exception });
        }

        log.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side.",
                Detail = "The error has been logged. Quote the trace id if you contact us.",
            },
        });
    }

    /// <summary>"$.tests[0].left[1]" becomes "tests[0].left[1]"; "$" (the whole body) becomes "".</summary>
    internal static string FieldFromJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Describe(JsonException json) =>
        json.Path is null or "$" && json.LineNumber is 0 && json.BytePositionInLine is 0
            ? "The body is empty or not JSON."
            : json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "The value has the wrong type here (e.g. text where a number or a YYYY-MM-DD date belongs)."
                : $"The JSON is malformed near line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}.";
}
