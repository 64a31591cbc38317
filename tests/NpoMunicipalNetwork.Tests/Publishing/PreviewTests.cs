using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Publishing;

/// <summary>The preview of the one admin: any version of an item as readers would read it, for its editors only.</summary>
public abstract class PreviewTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task An_editor_previews_the_unpublished_draft_and_an_old_version_and_nobody_else_can()
    {
        await using var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("about", "概要");
        var b = await app.CreateTenantWithPageAsync("about", "概要");
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor], editAll: true);
        await app.CreateUserAsync(b, "editor@b.example.jp", [Roles.MemberEditor], editAll: true);
        var id = await app.InTenantAsync(a, db => db.Pages.Where(p => p.Slug == "about").Select(p => p.Id).SingleAsync());
        await SaveDraftAsync(app, a, id, "最初の下書きです。");
        await SaveDraftAsync(app, a, id, "## 新しい見出し\n\n**下書き**の本文です。");

        var editor = await app.SignedInAsync("editor@a.example.jp", $"/{a}");
        var draft = await editor.GetAsync($"/{a}/admin/pages/{id}/preview");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal("no-store", draft.Headers.CacheControl?.ToString());
        var page = await draft.DocumentAsync();
        Assert.Contains("作業中の版", page.QuerySelector("main .notice")!.TextContent);
        Assert.Equal("新しい見出し", page.QuerySelector("main article .rich-text h2")!.TextContent);
        Assert.Equal("下書き", page.QuerySelector("main article .rich-text strong")!.TextContent);
        // The public page still shows the published version.
        Assert.DoesNotContain("下書き", (await (await app.CreateClientFor().GetAsync($"/{a}/pages/about")).DocumentAsync()).Body!.TextContent);

        var first = await (await editor.GetAsync($"/{a}/admin/pages/{id}/preview?revision=1")).DocumentAsync();
        Assert.Contains("過去の版", first.QuerySelector("main .notice")!.TextContent);
        Assert.Contains("最初の下書き", first.QuerySelector("main article .rich-text")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/{a}/admin/pages/{id}/preview?revision=99")).StatusCode);

        // The status page links to it.
        var status = await (await editor.GetAsync($"/{a}/admin/pages/{id}")).DocumentAsync();
        Assert.NotNull(status.QuerySelector($"a[href='/{a}/admin/pages/{id}/preview']"));

        // Another site's editor, an anonymous visitor: no preview.
        var other = await app.SignedInAsync("editor@b.example.jp", $"/{b}");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/{b}/admin/pages/{id}/preview")).StatusCode);
        var anonymous = await app.CreateClientFor().GetAsync($"/{a}/admin/pages/{id}/preview");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());
    }

    private static async Task SaveDraftAsync(TestApp app, string tenantName, int id, string body)
    {
        using var scope = app.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<TenantCatalog>().FindByNameAsync(tenantName) ?? throw new InvalidOperationException(tenantName);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var type = scope.ServiceProvider.GetRequiredService<PageContentWorkflowType>();
        var page = await db.Pages.SingleAsync(p => p.Id == id);
        await type.SaveAsync(scope.ServiceProvider, page, new PageContent("概要", "about", body, page.Order, page.OwnerDepartmentId), null, null,
            new global::NpoMunicipalNetwork.Publishing.Actor(0, "テスト"), "下書き", default);
        await db.SaveChangesAsync();
    }
}

public sealed class PreviewTests_Sqlite() : PreviewTests(DatabaseProvider.Sqlite);

public sealed class PreviewTests_PostgreSql() : PreviewTests(DatabaseProvider.PostgreSql);
