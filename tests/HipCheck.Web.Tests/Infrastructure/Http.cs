using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace HipCheck.Web.Tests.Infrastructure;

public static class Http
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, TestContext.Current.CancellationToken);

    /// <summary>Sends a body exactly as written, e.g. malformed JSON.</summary>
    public static async Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(url, content, TestContext.Current.CancellationToken);
    }

    /// <summary>PUTs a body exactly as written, e.g. malformed JSON.</summary>
    public static async Task<HttpResponseMessage> PutRaw(this HttpClient client, string url, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PutAsync(url, content, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> Get(this HttpClient client, string url) =>
        client.GetAsync(url, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> Body(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>GETs a URL, asserts 200 and returns the JSON body.</summary>
    public static async Task<JsonElement> GetOk(this HttpClient client, string url)
    {
        using var response = await client.Get(url);
        await response.AssertStatus(HttpStatusCode.OK);
        return await response.Body();
    }

    public static async Task AssertStatus(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}: {text}");
        }
    }
}
