using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Tenants;

/// <summary>Tenant isolation is a security boundary: B and the hub neither see nor change A's rows.</summary>
public abstract class TenantIsolationTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_page_of_tenant_A_is_not_served_by_tenant_B_nor_by_the_hub()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("secret-plan", "Aの計画");
        var b = await app.CreateTenantWithPageAsync("other", "Bのページ");

        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/{a}/pages/secret-plan")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{b}/pages/secret-plan")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync("/pages/secret-plan")).Response.StatusCode);
        var (_, bHome) = await app.GetPageAsync($"/{b}/");
        Assert.DoesNotContain("Aの計画", bHome.Body!.TextContent);
    }

    [Fact]
    public async Task Queries_of_tenant_B_and_of_the_hub_do_not_return_tenant_A_rows()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("only-a", "Aだけ");
        var b = await app.CreateTenantWithPageAsync("only-b", "Bだけ");

        var seenByB = await app.InTenantAsync(b, db => db.Pages.Select(p => p.Slug).ToListAsync());
        var seenByHub = await app.InTenantAsync("hub", db => db.Pages.Select(p => p.Slug).ToListAsync());
        var byIdFromB = await app.InTenantAsync(b, async db =>
        {
            var idOfA = await db.Pages.IgnoreQueryFilters().Where(p => p.Slug == "only-a").Select(p => p.Id).SingleAsync();
            return await db.Pages.FindAsync(idOfA);
        });
        var seenWithoutTenant = await app.InTenantAsync(null, db => db.Pages.CountAsync());

        Assert.Equal(["only-b"], seenByB);
        Assert.DoesNotContain("only-a", seenByHub);
        Assert.Null(byIdFromB);
        Assert.Equal(0, seenWithoutTenant);
    }

    [Fact]
    public async Task Tenant_B_cannot_change_delete_or_create_rows_of_tenant_A()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("keep", "元のタイトル");
        var b = await app.CreateTenantWithPageAsync("mine", "Bのページ");
        var aId = await app.InTenantAsync(a, db => db.Pages.Where(p => p.Slug == "keep").Select(p => p.TenantId).SingleAsync());

        await Assert.ThrowsAsync<TenantIsolationException>(() => app.InTenantAsync(b, async db =>
        {
            var page = await db.Pages.IgnoreQueryFilters().SingleAsync(p => p.Slug == "keep");
            page.Title = "改ざん";
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<TenantIsolationException>(() => app.InTenantAsync(b, async db =>
        {
            db.Pages.Remove(await db.Pages.IgnoreQueryFilters().SingleAsync(p => p.Slug == "keep"));
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<TenantIsolationException>(() => app.InTenantAsync(b, async db =>
        {
            db.Pages.Add(new Page { TenantId = aId, Slug = "planted", Title = "差し込み" });
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<TenantIsolationException>(() => app.InTenantAsync(b, async db =>
        {
            var own = await db.Pages.SingleAsync(p => p.Slug == "mine");
            own.TenantId = aId; // moving a row into another tenant is a write to that tenant
            await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<TenantIsolationException>(() => app.InTenantAsync(null, async db =>
        {
            db.Pages.Add(new Page { Slug = "orphan", Title = "テナントなし" });
            await db.SaveChangesAsync();
        }));

        var pagesOfA = await app.InTenantAsync(a, db => db.Pages.Select(p => new { p.Slug, p.Title }).ToListAsync());
        Assert.Equal([new { Slug = "keep", Title = "元のタイトル" }], pagesOfA);
        Assert.Equal(["mine"], await app.InTenantAsync(b, db => db.Pages.Select(p => p.Slug).ToListAsync()));
    }

    [Fact]
    public async Task A_new_row_is_stamped_with_the_current_tenant()
    {
        await using var app = await StartAsync();
        var b = await app.CreateTenantWithPageAsync("x", "x");
        var bId = await app.InTenantAsync(b, db => db.Tenants.Where(t => t.Name == b).Select(t => t.Id).SingleAsync());

        await app.InTenantAsync(b, async db =>
        {
            db.Pages.Add(new Page { Slug = "stamped", Title = "自動で付与" });
            await db.SaveChangesAsync();
        });

        var stamped = await app.InTenantAsync(null, db => db.Pages.IgnoreQueryFilters().SingleAsync(p => p.Slug == "stamped"));
        Assert.Equal(bId, stamped.TenantId);
    }

    [Fact]
    public async Task The_hub_lists_other_tenants_pages_only_when_published_on_an_active_site()
    {
        await using var app = await StartAsync();
        var active = await app.CreateTenantWithPageAsync("open-page", "公開中のページ");
        await app.CreateTenantWithPageAsync("closed-site-page", "停止サイトのページ", status: "disabled");
        await app.ApplyRecipeAsync($$"""
            { "name": "draft", "steps": [ { "name": "Content", "tenant": "{{active}}", "items": [ { "type": "Page", "slug": "draft", "title": "下書きのページ", "published": false } ] } ] }
            """);

        var (_, hub) = await app.GetPageAsync("/");
        var latest = hub.QuerySelectorAll("section[aria-labelledby=latest-title] a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();

        Assert.Contains(("公開中のページ", $"/{active}/pages/open-page"), latest);
        Assert.DoesNotContain(latest, l => l.TextContent is "停止サイトのページ" or "下書きのページ");
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{active}/pages/draft")).Response.StatusCode);
    }

    [Fact]
    public async Task A_recipe_aimed_at_tenant_B_writes_only_into_B()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("shared-slug", "Aの版");
        var b = await app.CreateTenantWithPageAsync("b-only", "B");

        await app.ApplyRecipeAsync("""
            { "name": "content", "steps": [ { "name": "Content", "items": [ { "type": "Page", "slug": "shared-slug", "title": "Bの版" } ] } ] }
            """, tenant: b);

        Assert.Equal("Aの版", (await app.GetPageAsync($"/{a}/pages/shared-slug")).Document.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Bの版", (await app.GetPageAsync($"/{b}/pages/shared-slug")).Document.QuerySelector("main h1")!.TextContent);
    }
}

public sealed class TenantIsolationTests_Sqlite() : TenantIsolationTests(DatabaseProvider.Sqlite);

public sealed class TenantIsolationTests_PostgreSql() : TenantIsolationTests(DatabaseProvider.PostgreSql);
