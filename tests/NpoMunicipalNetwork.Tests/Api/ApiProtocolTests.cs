using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;
using NpoMunicipalNetwork.Tests.Search;

namespace NpoMunicipalNetwork.Tests.Api;

/// <summary>What every API response shares: ETags and 304s, problem details for every error status, the hub-only rule, the OpenAPI document and the reference page.</summary>
public abstract class ApiProtocolTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly string[] Lists = ["/api/v1/members", "/api/v1/tenants", "/api/v1/cases", "/api/v1/forums", "/api/v1/reports", "/api/v1/news"];

    [Fact]
    public async Task Every_list_has_a_strong_etag_that_answers_304_until_the_data_changes()
    {
        await using var app = await StartAsync();
        var client = app.CreateClient();
        foreach (var url in Lists.Append("/api/v1/members/120006").Append("/api/v1/forums/1"))
        {
            var first = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!;
            Assert.False(etag.IsWeak);
            Assert.Contains("max-age", first.Headers.CacheControl!.ToString());
            var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            var other = new HttpRequestMessage(HttpMethod.Get, url);
            other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
        }

        // A change makes a new tag: the old one gets the full body again.
        var before = (await client.GetAsync("/api/v1/cases")).Headers.ETag!;
        await app.AddCaseAsync(new CaseSpec("chiba", "新しい事例"));
        await app.WaitForIndexAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases");
        request.Headers.IfNoneMatch.Add(before);
        var changed = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(before, changed.Headers.ETag);
    }

    [Fact]
    public async Task Errors_are_problem_details_never_theme_pages()
    {
        await using var app = await StartAsync();
        var notFound = await app.AssertProblemAsync("/api/v1/no-such-thing", HttpStatusCode.NotFound);
        Assert.Equal("/api/v1/no-such-thing", notFound.GetProperty("instance").GetString());
        await app.AssertProblemAsync("/api/v1/cases/abc", HttpStatusCode.NotFound);
        var client = app.CreateClient();
        // No endpoint takes DELETE on the case list (GET reads it, a keyed POST writes to it).
        var delete = await client.DeleteAsync("/api/v1/cases");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal("application/problem+json", delete.Content.Headers.ContentType!.MediaType);
        Assert.Contains("GET", delete.Content.Headers.Allow);
        // A write without a key is refused in the same format.
        var post = await client.PostAsync("/api/v1/cases", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType!.MediaType);
        await app.AssertProblemAsync("/api/v1/forums/1", HttpStatusCode.MethodNotAllowed, HttpMethod.Delete);
        // The API lives on the hub only; a member site's prefix is a 404 in the API's own format.
        await app.AssertProblemAsync("/chiba/api/v1/cases", HttpStatusCode.NotFound);
        // Validation problems carry every field's message.
        var bad = await app.AssertProblemAsync("/api/v1/members?pref=99&kind=x&limit=0", HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("pref", out _) && errors.TryGetProperty("kind", out _) && errors.TryGetProperty("limit", out _));
        // The site's HTML pages keep their theme pages.
        var page = await client.GetAsync("/no-such-page");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_validates_and_describes_every_operation_with_an_example()
    {
        await using var app = await StartAsync();
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var settings = new OpenApiReaderSettings();
        var result = await OpenApiDocument.LoadAsync(stream, "json", settings);
        Assert.Empty(result.Diagnostic!.Errors);
        var document = result.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal("NPO活動推進自治体ネットワーク API", document.Info.Title);

        string[] expected =
        [
            "/api/v1/members", "/api/v1/members/{code}", "/api/v1/tenants", "/api/v1/tenants/{name}", "/api/v1/cases", "/api/v1/cases/{id}",
            "/api/v1/forums", "/api/v1/forums/{edition}", "/api/v1/reports", "/api/v1/reports/{id}", "/api/v1/news", "/api/v1/news/{id}",
        ];
        Assert.Subset(document.Paths.Keys.ToHashSet(), expected.ToHashSet());
        Assert.All(document.Paths.Keys, p => Assert.StartsWith("/api/v1/", p)); // no HTML page leaks into the API document
        foreach (var path in expected)
        {
            var get = document.Paths[path].Operations![HttpMethod.Get];
            Assert.False(string.IsNullOrWhiteSpace(get.Summary), path);
            Assert.False(string.IsNullOrWhiteSpace(get.Description), path);
            Assert.NotNull(get.Responses!["200"].Content!["application/json"].Example);
            Assert.Contains("304", get.Responses.Keys);
            Assert.Contains(get.Responses.Keys, k => k is "400" or "404");
        }
        var list = document.Paths["/api/v1/cases"].Operations![HttpMethod.Get];
        Assert.Superset(new HashSet<string> { "q", "field", "type", "method", "pref", "kind", "from", "to", "attachments", "sort", "limit", "cursor" },
            list.Parameters!.Select(p => p.Name!).ToHashSet());

        // Keyed writes: the body a client must send, the key, and If-Match on updates, so a client can be generated from the document.
        Assert.Contains("apiKey", document.Components!.SecuritySchemes!.Keys);
        foreach (var (path, properties) in new[] { ("/api/v1/cases", new[] { "title", "summary", "relationshipType", "fields", "methods", "startFiscalYear", "publish" }),
                                                     ("/api/v1/news", new[] { "title", "publish" }) })
        {
            var create = document.Paths[path].Operations![HttpMethod.Post];
            var update = document.Paths[path + "/{id}"].Operations![HttpMethod.Put];
            foreach (var write in new[] { create, update })
            {
                Assert.True(write.RequestBody!.Required, path);
                Assert.Superset(properties.ToHashSet(), write.RequestBody.Content!["application/json"].Schema!.Properties!.Keys.ToHashSet());
                Assert.Contains(write.Security!, requirement => requirement.Keys.Any(k => k.Reference.Id == "apiKey"));
                Assert.DoesNotContain("304", write.Responses!.Keys);
            }
            Assert.Contains(update.Parameters!, p => p.Name == "If-Match" && p.In == ParameterLocation.Header && p.Required);
            Assert.Contains("412", update.Responses!.Keys);
            Assert.DoesNotContain(create.Parameters ?? [], p => p.Name == "If-Match");
        }
    }

    [Fact]
    public async Task The_reference_page_is_japanese_accessible_and_its_forms_call_the_api_without_javascript()
    {
        await using var app = await StartAsync();
        var (response, doc) = await app.GetPageAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Equal("データ利用（API）", doc.QuerySelector("h1")!.TextContent);
        var forms = doc.QuerySelectorAll("form.api-try");
        Assert.Equal(12, forms.Length);
        foreach (var input in doc.QuerySelectorAll("form.api-try input[type=text]"))
            Assert.NotNull(doc.QuerySelector($"label[for='{input.Id}']"));
        Assert.All(doc.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));
        Assert.Contains(doc.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/openapi/v1.json");
        Assert.Contains(doc.QuerySelectorAll("pre code"), c => c.TextContent.Contains("\"items\""));

        var list = forms.Single(f => f.GetAttribute("action") == "/api/v1/cases");
        Assert.Equal("get", list.GetAttribute("method"));
        var byId = forms.Single(f => f.QuerySelector("input[name=operation]")?.GetAttribute("value") == "getCase");
        Assert.Equal("/api/docs/try", byId.GetAttribute("action"));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var tried = await client.GetAsync("/api/docs/try?operation=getCase&id=5");
        Assert.Equal(HttpStatusCode.Redirect, tried.StatusCode);
        Assert.Equal("/api/v1/cases/5", tried.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/docs/try?operation=getCase&id=")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/docs/try?operation=nothing")).StatusCode);
        var root = await client.GetAsync("/api");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/api/docs", root.Headers.Location!.OriginalString);

        // The hub links to it from every page's footer.
        var (_, home) = await app.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/api/docs");
    }
}

public sealed class ApiProtocolTests_Sqlite() : ApiProtocolTests(DatabaseProvider.Sqlite);

public sealed class ApiProtocolTests_PostgreSql() : ApiProtocolTests(DatabaseProvider.PostgreSql);
