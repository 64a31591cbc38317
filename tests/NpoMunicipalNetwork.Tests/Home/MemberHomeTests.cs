using NpoMunicipalNetwork.Pages;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Home;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Home;

/// <summary>The member home's NPO policy overview (the reserved page) and its related links.</summary>
public abstract class MemberHomeTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Dictionary<string, string?> NoCache = new() { ["OutputCache:Seconds"] = "0" };

    [Fact]
    public async Task The_overview_is_written_in_the_page_editor_shown_sanitised_on_the_home_and_kept_out_of_the_menu()
    {
        await using var app = await StartAsync(settings: NoCache);
        var a = await app.CreateTenantWithPageAsync("about", "概要");
        await app.PublishWithoutApprovalAsync(a);
        var unit = await app.CreateDepartmentAsync(a, "市民協働課");
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor], [unit]);
        var editor = await app.SignedInAsync("editor@a.example.jp", $"/{a}");

        // ホームの設定 offers to create it; the page form comes with the reserved slug.
        var settings = await (await editor.GetAsync($"/{a}/admin/home")).DocumentAsync();
        var create = settings.QuerySelectorAll("a").Single(x => x.TextContent == "NPO施策の概要を作成する").GetAttribute("href")!;
        var newForm = await (await editor.GetAsync(create)).DocumentAsync();
        Assert.Equal("npo-overview", newForm.QuerySelector("#field-slug")!.GetAttribute("value"));
        Assert.Equal("NPO施策の概要", newForm.QuerySelector("#field-title")!.GetAttribute("value"));

        var body = "本市は**協働のまちづくり**を進めています。\n\n<script>alert('x')</script>\n\n[危険なリンク](javascript:alert(1))";
        var saved = await editor.SubmitAsync(create, $"/{a}/admin/pages",
            ("title", "NPO施策の概要"), ("slug", "npo-overview"), ("owner", unit.ToString()), ("body", body), ("action", "publish"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (response, home) = await app.GetPageAsync($"/{a}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = home.QuerySelector("section.home-overview")!;
        Assert.Equal("NPO施策の概要", overview.QuerySelector("h2")!.TextContent);
        Assert.Equal("協働のまちづくり", overview.QuerySelector(".rich-text strong")!.TextContent);
        Assert.Empty(home.QuerySelectorAll("main script"));
        Assert.DoesNotContain(overview.QuerySelectorAll("a"), x => (x.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        // Shown on the home, so neither in the menu nor in the home's page list.
        Assert.DoesNotContain(home.QuerySelectorAll("nav.site-nav a, main a"), x => (x.GetAttribute("href") ?? "").EndsWith("/pages/npo-overview"));
        Assert.Contains(home.QuerySelectorAll("nav.site-nav a"), x => x.TextContent == "概要");

        var after = await (await editor.GetAsync($"/{a}/admin/home")).DocumentAsync();
        Assert.Contains("公開中", after.QuerySelector("main")!.TextContent);
        Assert.NotNull(after.QuerySelectorAll("a").SingleOrDefault(x => x.TextContent == "NPO施策の概要を編集する"));
    }

    [Fact]
    public async Task An_unpublished_overview_is_not_on_the_home()
    {
        await using var app = await StartAsync(settings: NoCache);
        var a = await app.CreateTenantWithPageAsync("about", "概要");
        await app.InTenantAsync(a, async db =>
        {
            db.Pages.Add(new NpoMunicipalNetwork.Pages.Page { Slug = "npo-overview", Title = "NPO施策の概要", BodyHtml = "<p>下書きの概要</p>", IsPublished = false });
            await db.SaveChangesAsync();
        });
        var (_, home) = await app.GetPageAsync($"/{a}/");
        Assert.Null(home.QuerySelector("section.home-overview"));
        Assert.DoesNotContain("下書きの概要", home.DocumentElement.TextContent);
    }

    [Fact]
    public async Task Links_are_validated_as_web_addresses_saved_whole_with_an_audit_entry_and_shown_on_their_own_site_only()
    {
        await using var app = await StartAsync(settings: NoCache);
        var a = await app.CreateTenantWithPageAsync("about", "概要");
        var b = await app.CreateTenantWithPageAsync("about", "Bの概要");
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor], [await app.CreateDepartmentAsync(a, "課")]);
        await app.CreateUserAsync(b, "editor@b.example.jp", [Roles.MemberEditor], [await app.CreateDepartmentAsync(b, "課")]);
        var editor = await app.SignedInAsync("editor@a.example.jp", $"/{a}");
        var editorB = await app.SignedInAsync("editor@b.example.jp", $"/{b}");
        var settings = $"/{a}/admin/home";
        var post = $"/{a}/admin/home/links";

        var bad = await editor.SubmitAsync(settings, post, ("rows", "3"),
            ("title-0", "市民活動センター"), ("url-0", "https://npo.city.example.lg.jp/"),
            ("title-1", "悪いリンク"), ("url-1", "javascript:alert(1)"),
            ("title-2", ""), ("url-2", "https://example.jp/"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var doc = await bad.DocumentAsync();
        Assert.Contains("2行目のリンクのURL", doc.QuerySelector("#error-url-1")!.TextContent);
        Assert.Contains("https://", doc.QuerySelector("#error-url-1")!.TextContent);
        Assert.Contains("3行目のリンクの名前を入力してください", doc.QuerySelector("#error-title-2")!.TextContent);
        Assert.Equal(["#field-url-1", "#field-title-2"], doc.QuerySelectorAll(".error-summary a").Select(x => x.GetAttribute("href")));
        Assert.Equal("javascript:alert(1)", doc.QuerySelector("#field-url-1")!.GetAttribute("value")); // kept for correction
        Assert.False(await app.InTenantAsync(a, db => db.HomeLinks.AnyAsync())); // not even the good row

        var ok = await editor.SubmitAsync(settings, post, ("rows", "3"),
            ("title-0", "市民活動センター"), ("url-0", "https://npo.city.example.lg.jp/"),
            ("title-1", ""), ("url-1", ""),
            ("title-2", "協働指針（PDF）"), ("url-2", "http://www.city.example.lg.jp/kyodo.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (_, home) = await app.GetPageAsync($"/{a}/");
        var links = home.QuerySelectorAll("section[aria-labelledby=links-title] a").Select(x => (x.TextContent, x.GetAttribute("href"))).ToList();
        Assert.Equal([("市民活動センター", "https://npo.city.example.lg.jp/"), ("協働指針（PDF）", "http://www.city.example.lg.jp/kyodo.pdf")], links);
        Assert.Contains("市民活動センター", Assert.Single(await app.InTenantAsync(a, db => db.AuditEntries.Where(e => e.TargetType == AuditTargetTypes.HomeLinks).ToListAsync())).Summary);

        // Site B has its own (empty) list, and its editor cannot touch A's.
        var (_, homeB) = await app.GetPageAsync($"/{b}/");
        Assert.Null(homeB.QuerySelector("section[aria-labelledby=links-title]"));
        var foreign = await editorB.SubmitAsync($"/{b}/admin/home", post, ("rows", "1"), ("title-0", "乗っ取り"), ("url-0", "https://evil.example/"));
        Assert.Equal(HttpStatusCode.Redirect, foreign.StatusCode);
        Assert.Contains("/account/login", foreign.Headers.Location!.OriginalString);
        Assert.Equal(2, await app.InTenantAsync(a, db => db.HomeLinks.CountAsync()));
        Assert.False(await app.InTenantAsync(b, db => db.HomeLinks.AnyAsync()));

        // Clearing every row removes them.
        var cleared = await editor.SubmitAsync(settings, post, ("rows", "2"), ("title-0", ""), ("url-0", ""));
        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.False(await app.InTenantAsync(a, db => db.HomeLinks.AnyAsync()));
    }
}

public sealed class MemberHomeTests_Sqlite() : MemberHomeTests(DatabaseProvider.Sqlite);

public sealed class MemberHomeTests_PostgreSql() : MemberHomeTests(DatabaseProvider.PostgreSql);
