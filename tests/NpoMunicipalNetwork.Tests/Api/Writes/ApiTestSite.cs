using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Api.Writes;

/// <summary>Two member sites (A publishes without approval unless asked), a unit and a site administrator each, keys issued through the admin pages.</summary>
public sealed record ApiTestSite(TestApp App, string A, string B, int UnitA, int UnitB, HttpClient AdminA, HttpClient AdminB)
{
    public static async Task<ApiTestSite> CreateAsync(TestApp app, bool approvalA = false)
    {
        var a = await app.CreateTenantWithPageAsync("intro", "はじめに");
        var b = await app.CreateTenantWithPageAsync("intro", "はじめに");
        if (!approvalA)
            await app.PublishWithoutApprovalAsync(a);
        await app.PublishWithoutApprovalAsync(b);
        var unitA = await app.CreateDepartmentAsync(a, "市民協働課", phone: "043-000-0000");
        var unitB = await app.CreateDepartmentAsync(b, "市民活動推進課");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        await app.CreateUserAsync(b, "admin@b.example.jp", [Roles.SiteAdministrator]);
        return new ApiTestSite(app, a, b, unitA, unitB, await app.SignedInAsync("admin@a.example.jp", $"/{a}"), await app.SignedInAsync("admin@b.example.jp", $"/{b}"));
    }

    /// <summary>Issues a key on <paramref name="tenant"/>'s admin page and reads it from the one page that shows it.</summary>
    public async Task<string> IssueKeyAsync(string tenant, string name, params string[] scopes)
    {
        var admin = tenant == A ? AdminA : AdminB;
        var fields = new List<(string, string)> { ("name", name) };
        fields.AddRange(scopes.Select(s => ("scopes", s)));
        var response = await admin.SubmitAsync($"/{tenant}/admin/api-keys/new", $"/{tenant}/admin/api-keys", fields.ToArray());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = (await response.DocumentAsync()).QuerySelector("#api-key")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(key));
        return key!;
    }

    public HttpClient Api(string key, bool bearer = true)
    {
        var client = App.CreateClientFor();
        if (bearer)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        else
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static StringContent Json(object body) => Raw(JsonSerializer.Serialize(body));

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A valid case of unit <paramref name="unit"/>; <paramref name="publish"/> asks to publish.</summary>
    public static Dictionary<string, object?> Case(string title, int unit, bool publish = true) => new()
    {
        ["title"] = title,
        ["summary"] = $"{title}の概要。NPOと市が協働して子育て支援に取り組んだ。",
        ["activities"] = "NPO法人と市が役割を分担し、子育て相談の窓口を開いた。",
        ["background"] = "相談先が分かりにくいという声があった。",
        ["startFiscalYear"] = 2006,
        ["relationshipType"] = "collaboration",
        ["fields"] = new[] { "childcare", "welfare" },
        ["methods"] = new[] { "subsidy" },
        ["partners"] = new[] { new { name = "特定非営利活動法人 子育てネット" } },
        ["budgets"] = new[] { new { fiscalYear = 2006, amountYen = 1_200_000 } },
        ["links"] = new[] { new { title = "市の子育て支援", url = "https://example.jp/kosodate" } },
        ["ownerDepartmentId"] = unit,
        ["publish"] = publish,
    };

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>A problem-details answer with <paramref name="status"/>; returns its body.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)body["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["title"]));
        return body;
    }

    public static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = Json(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }
}
