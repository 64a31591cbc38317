using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.OpenData;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Search;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

public abstract class HealthTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(TestApp app, string path)
    {
        var response = await app.CreateClientFor().GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body, response);
    }

    [Fact]
    public async Task Healthz_says_the_process_answers_without_touching_a_site_or_a_cache()
    {
        await using var app = await StartAsync();

        var (status, body, response) = await GetAsync(app, "/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("no-cache", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single()); // security headers on probes too
    }

    [Fact]
    public async Task Readyz_is_503_until_the_open_data_bundle_exists_and_the_index_has_caught_up_then_200()
    {
        await using var app = await StartAsync();

        var (status, body, _) = await GetAsync(app, "/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status); // tests build the bundle by hand: none yet
        Assert.Equal("Unhealthy", body.GetProperty("checks").GetProperty("opendata").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set((await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(Tenant.HubName))!);
            var builder = scope.ServiceProvider.GetRequiredService<OpenDataBuilder>();
            await builder.SaveAsync(await builder.BuildAsync(OpenDataTrigger.Manual, "テスト", "http://localhost", default), default);
        }
        await CaseSeed.WaitForIndexAsync(app);

        (status, body, _) = await GetAsync(app, "/readyz");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        foreach (var check in new[] { "database", "search", "opendata" })
            Assert.Equal("Healthy", body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_site_prefix_does_not_reach_the_probes_and_no_site_can_be_named_after_them()
    {
        await using var app = await StartAsync();
        var site = await app.CreateTenantWithPageAsync("about", "概要");

        var response = await app.CreateClientFor().GetAsync($"/{site}/healthz");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(TenantNameRules.Reserved.Contains("healthz"));
        Assert.True(TenantNameRules.Reserved.Contains("readyz"));
    }
}

public sealed class HealthTests_Sqlite() : HealthTests(DatabaseProvider.Sqlite);

public sealed class HealthTests_PostgreSql() : HealthTests(DatabaseProvider.PostgreSql);
