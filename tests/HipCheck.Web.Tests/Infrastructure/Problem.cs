using System.Net;
using System.Text.Json;

namespace HipCheck.Web.Tests.Infrastructure;

/// <summary>Assertions on RFC 9457 problem details.</summary>
public static class Problem
{
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        await response.AssertStatus(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Body();
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        if (body.TryGetProperty("status", out var statusProperty))
        {
            Assert.Equal((int)status, statusProperty.GetInt32());
        }

        return body;
    }

    /// <summary>Asserts a 400 problem whose <c>errors</c> object names at least the given fields, each with a message.</summary>
    public static async Task<JsonElement> AssertFieldErrors(this HttpResponseMessage response, params string[] fields)
    {
        var body = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(body.TryGetProperty("errors", out var errors), $"no 'errors' in {body}");
        Assert.Equal(JsonValueKind.Object, errors.ValueKind);
        var names = errors.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages),
                $"expected an error for '{field}', got errors for [{string.Join(", ", names)}]: {errors}");
            Assert.Equal(JsonValueKind.Array, messages.ValueKind);
            Assert.NotEmpty(messages.EnumerateArray());
            Assert.All(messages.EnumerateArray(), m => Assert.False(string.IsNullOrWhiteSpace(m.GetString())));
        }

        return errors;
    }
}
