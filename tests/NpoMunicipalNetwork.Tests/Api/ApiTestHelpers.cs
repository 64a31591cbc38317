using System.Net;
using System.Text.Json;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Api;

public static class ApiTestHelpers
{
    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(this TestApp app, string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, json);
    }

    /// <summary>Follows <c>next</c> from the first page to the last; checks each page's Link header against its next cursor.</summary>
    public static async Task<List<JsonElement>> PageThroughAsync(this TestApp app, string url, int maxPages = 100)
    {
        var items = new List<JsonElement>();
        var current = url;
        for (var page = 0; page < maxPages; page++)
        {
            var (response, json) = await app.GetJsonAsync(current);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            items.AddRange(json.GetProperty("items").EnumerateArray());
            var next = json.GetProperty("next");
            if (next.ValueKind == JsonValueKind.Null)
            {
                Assert.False(response.Headers.Contains("Link"));
                return items;
            }
            var link = Assert.Single(response.Headers.GetValues("Link"));
            Assert.Contains($"cursor={next.GetString()}", link);
            Assert.EndsWith("rel=\"next\"", link);
            current = url + (url.Contains('?') ? "&" : "?") + "cursor=" + next.GetString();
        }
        throw new InvalidOperationException("too many pages");
    }

    /// <summary>Asserts an RFC 9457 problem response and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this TestApp app, string url, HttpStatusCode status, HttpMethod? method = null)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(method ?? HttpMethod.Get, url));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        return json;
    }

    public static IEnumerable<int> Ids(this IEnumerable<JsonElement> items) => items.Select(i => i.GetProperty("id").GetInt32());
}
