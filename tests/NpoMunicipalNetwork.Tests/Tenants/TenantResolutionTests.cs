using System.Net;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Tenants;

public abstract class TenantResolutionTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task Path_prefix_serves_the_tenant_and_its_links_carry_the_prefix()
    {
        await using var app = await StartAsync();
        var name = await app.CreateTenantWithPageAsync("guide", "利用案内");

        var (response, doc) = await app.GetPageAsync($"/{name}/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        Assert.Contains($"テスト市 {name}", doc.QuerySelector(".site-header__name")!.TextContent);
        var navLinks = doc.QuerySelectorAll("nav[aria-label='メインメニュー'] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(navLinks);
        Assert.All(navLinks, href => Assert.StartsWith($"/{name}/", href));
        Assert.Contains($"/{name}/pages/guide", navLinks);
        Assert.Equal($"/{name}/", doc.QuerySelector(".site-header__home")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Host_name_resolves_before_the_path_and_serves_the_tenant_at_the_root()
    {
        await using var app = await StartAsync();
        var name = await app.CreateTenantWithPageAsync("guide", "ホストの案内", host: "npo.test-city.example.jp");

        var (response, doc) = await app.GetPageAsync("/pages/guide", host: "npo.test-city.example.jp");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ホストの案内", doc.QuerySelector("main h1")!.TextContent);
        Assert.Equal("/", doc.QuerySelector(".site-header__home")!.GetAttribute("href"));

        // On the tenant's own host, a path naming another tenant is just a path of this tenant.
        var (other, _) = await app.GetPageAsync("/chiba/", host: "npo.test-city.example.jp");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        // The same page is not on the hub.
        var (hub, _) = await app.GetPageAsync("/pages/guide");
        Assert.Equal(HttpStatusCode.NotFound, hub.StatusCode);
    }

    [Fact]
    public async Task Unknown_prefix_is_the_hubs_404()
    {
        await using var app = await StartAsync();

        var (response, doc) = await app.GetPageAsync("/no-such-member/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ページが見つかりません", doc.QuerySelector("main h1")!.TextContent);
        Assert.Contains("NPO活動推進自治体ネットワーク", doc.QuerySelector(".site-header__name")!.TextContent);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Disabled_tenant_answers_404_in_Japanese_and_never_with_hub_content(bool byHost)
    {
        await using var app = await StartAsync();
        var name = await app.CreateTenantWithPageAsync("guide", "停止中のページ", host: "closed.example.jp", status: "disabled");

        var (response, doc) = byHost
            ? await app.GetPageAsync("/", host: "closed.example.jp")
            : await app.GetPageAsync($"/{name}/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("このサイトは公開されていません", doc.QuerySelector("main h1")!.TextContent);
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        Assert.Null(doc.QuerySelector(".hero"));
        Assert.DoesNotContain("停止中のページ", doc.Body!.TextContent);

        var (page, _) = byHost
            ? await app.GetPageAsync("/pages/guide", host: "closed.example.jp")
            : await app.GetPageAsync($"/{name}/pages/guide");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Hub_only_pages_are_not_served_inside_a_member_site()
    {
        await using var app = await StartAsync();

        var (hub, _) = await app.GetPageAsync("/members");
        var (inside, _) = await app.GetPageAsync("/chiba/members");

        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, inside.StatusCode);
    }

    [Fact]
    public async Task Tenant_settings_give_the_display_name_logo_and_accent_colour()
    {
        await using var app = await StartAsync();
        var name = await app.CreateTenantWithPageAsync("guide", "案内");
        await app.ApplyRecipeAsync($$"""
            { "name": "settings", "steps": [ { "name": "Settings", "tenant": "{{name}}", "displayName": "見本町", "accentColor": "#FFD43D", "logoUrl": "/themes/Public/assets/images/logo.svg" } ] }
            """);

        var (_, doc) = await app.GetPageAsync($"/{name}/");
        Assert.Equal("見本町", doc.QuerySelector(".site-header__name")!.TextContent.Trim());
        Assert.Equal("/themes/Public/assets/images/logo.svg", doc.QuerySelector(".site-header__logo")!.GetAttribute("src"));
        var css = await app.CreateClientFor().GetStringAsync($"/{name}/theme.css");
        // A light accent gets dark text so the navigation stays readable.
        Assert.Contains("--site-accent:#ffd43d", css);
        Assert.Contains("--site-accent-text:#1a1a1c", css);
        Assert.Contains("--site-accent:#0031d8", await app.CreateClientFor().GetStringAsync("/theme.css"));
    }
}

public sealed class TenantResolutionTests_Sqlite() : TenantResolutionTests(DatabaseProvider.Sqlite);

public sealed class TenantResolutionTests_PostgreSql() : TenantResolutionTests(DatabaseProvider.PostgreSql);
