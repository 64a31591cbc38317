using NpoMunicipalNetwork.Pages;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Pages;

/// <summary>The page menu: nested public navigation and breadcrumbs, and the editor at /{site}/admin/menu.</summary>
public abstract class PageMenuTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Dictionary<string, string?> NoCache = new() { ["OutputCache:Seconds"] = "0" };

    private sealed record Site(TestApp App, string A, string B, int UnitX, int UnitY, Dictionary<string, int> Pages, int PageOfB);

    /// <summary>Site A: about (X) › history (X) › records (X); contact (Y); draft (X, unpublished, under about). Site B: one page.</summary>
    private async Task<Site> BuildAsync()
    {
        var app = await StartAsync(settings: NoCache);
        var a = await app.CreateTenantWithPageAsync("top", "トップページ");
        var b = await app.CreateTenantWithPageAsync("b-page", "Bのページ");
        var unitX = await app.CreateDepartmentAsync(a, "X課");
        var unitY = await app.CreateDepartmentAsync(a, "Y課");
        var pages = new Dictionary<string, int>();
        foreach (var (slug, unit) in new[] { ("about", unitX), ("history", unitX), ("records", unitX), ("contact", unitY), ("draft", unitX) })
            pages[slug] = await app.CreateOwnedPageAsync(a, slug, unit);
        await app.InTenantAsync(a, async db =>
        {
            var all = await db.Pages.ToDictionaryAsync(p => p.Slug);
            all["about"].Order = 1;
            all["contact"].Order = 2;
            all["top"].Order = 3;
            all["history"].ParentId = all["about"].Id;
            all["records"].ParentId = all["history"].Id;
            all["draft"].ParentId = all["about"].Id;
            all["draft"].IsPublished = false;
            await db.SaveChangesAsync();
        });
        var pageOfB = await app.InTenantAsync(b, db => db.Pages.Select(p => p.Id).SingleAsync());
        return new Site(app, a, b, unitX, unitY, pages, pageOfB);
    }

    [Fact]
    public async Task The_public_menu_nests_published_pages_marks_the_current_one_and_breadcrumbs_follow_the_parents()
    {
        var s = await BuildAsync();
        await using var _ = s.App;

        var (response, doc) = await s.App.GetPageAsync($"/{s.A}/pages/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var nav = doc.QuerySelector("nav.site-nav")!;
        var top = nav.QuerySelectorAll(".site-nav__list > li > a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["ホーム", "about", "contact", "トップページ"], top);
        var about = nav.QuerySelectorAll(".site-nav__list > li").Single(li => li.QuerySelector("a")!.TextContent == "about");
        var child = about.QuerySelector("ul.site-nav__sublist > li > a")!;
        Assert.Equal("history", child.TextContent);
        Assert.Equal("page", child.GetAttribute("aria-current"));
        Assert.Equal("records", about.QuerySelector("ul.site-nav__sublist ul.site-nav__sublist a")!.TextContent);
        Assert.Single(nav.QuerySelectorAll("[aria-current=page]"));
        Assert.DoesNotContain(nav.QuerySelectorAll("a"), a => a.TextContent == "draft"); // unpublished

        var trail = doc.QuerySelectorAll("nav.breadcrumb li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["ホーム", "about", "history"], trail);
        Assert.EndsWith("/pages/about", doc.QuerySelectorAll("nav.breadcrumb a")[1].GetAttribute("href"));
        Assert.Equal("page", doc.QuerySelector("nav.breadcrumb li:last-child")!.GetAttribute("aria-current"));

        // A published page under an unpublished parent is not in the menu either.
        await s.App.InTenantAsync(s.A, async db =>
        {
            var about = await db.Pages.SingleAsync(p => p.Slug == "about");
            about.IsPublished = false;
            await db.SaveChangesAsync();
        });
        var (_, after) = await s.App.GetPageAsync($"/{s.A}/pages/contact");
        Assert.DoesNotContain(after.QuerySelectorAll("nav.site-nav a"), a => a.TextContent is "history" or "records" or "about");
    }

    [Fact]
    public async Task An_editor_rearranges_the_menu_in_one_audited_save_and_a_cycle_is_refused_naming_the_field_with_nothing_written()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        await s.App.CreateUserAsync(s.A, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var admin = await s.App.SignedInAsync("admin@a.example.jp", $"/{s.A}");
        var menu = $"/{s.A}/admin/menu";
        var form = await (await admin.GetAsync(menu)).DocumentAsync();
        Assert.Equal(s.Pages["about"].ToString(), form.QuerySelector($"#field-parent-{s.Pages["history"]} option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector($"label[for=field-order-{s.Pages["contact"]}]"));

        // about under records (which is under about): a cycle. contact's new order is valid but must not be saved either.
        var cycle = await admin.SubmitAsync(menu, menu, ("parent-" + s.Pages["about"], s.Pages["records"].ToString()), ("order-" + s.Pages["contact"], "9"));
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        var doc = await cycle.DocumentAsync();
        var error = doc.QuerySelector($"#error-parent-{s.Pages["about"]}")!.TextContent;
        Assert.Contains("「about」", error);
        Assert.Contains("循環", error);
        Assert.Contains(doc.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == $"#field-parent-{s.Pages["about"]}");
        Assert.Equal("true", doc.QuerySelector($"#field-parent-{s.Pages["about"]}")!.GetAttribute("aria-invalid"));
        // What was posted is shown again, so it can be corrected.
        Assert.Equal(s.Pages["records"].ToString(), doc.QuerySelector($"#field-parent-{s.Pages["about"]} option[selected]")!.GetAttribute("value"));
        var unchanged = await s.App.InTenantAsync(s.A, db => db.Pages.ToDictionaryAsync(p => p.Slug, p => (p.ParentId, p.Order)));
        Assert.Null(unchanged["about"].ParentId);
        Assert.Equal(2, unchanged["contact"].Order);

        // Too deep: contact under records would be the fourth level.
        var deep = await admin.SubmitAsync(menu, menu, ("parent-" + s.Pages["contact"], s.Pages["records"].ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("3階層まで", (await deep.DocumentAsync()).QuerySelector($"#error-parent-{s.Pages["contact"]}")!.TextContent);

        // A bad order names its page.
        var badOrder = await admin.SubmitAsync(menu, menu, ("order-" + s.Pages["contact"], "-1"));
        Assert.Equal(HttpStatusCode.BadRequest, badOrder.StatusCode);
        Assert.Contains("「contact」の表示順", (await badOrder.DocumentAsync()).QuerySelector($"#error-order-{s.Pages["contact"]}")!.TextContent);

        // A valid arrangement: contact under about, first; history to the top level.
        var ok = await admin.SubmitAsync(menu, menu, ("parent-" + s.Pages["contact"], s.Pages["about"].ToString()), ("order-" + s.Pages["contact"], "0"),
            ("parent-" + s.Pages["history"], ""));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await s.App.InTenantAsync(s.A, db => db.Pages.ToDictionaryAsync(p => p.Slug, p => (p.ParentId, p.Order)));
        Assert.Equal(s.Pages["about"], saved["contact"].ParentId);
        Assert.Equal(0, saved["contact"].Order);
        Assert.Null(saved["history"].ParentId);
        Assert.Equal(s.Pages["history"], saved["records"].ParentId);
        var audit = await s.App.InTenantAsync(s.A, db => db.AuditEntries.Where(e => e.TargetType == AuditTargetTypes.Menu).ToListAsync());
        Assert.Contains("「contact」", Assert.Single(audit).Summary);

        var (_, home) = await s.App.GetPageAsync($"/{s.A}/");
        var about = home.QuerySelectorAll("nav.site-nav .site-nav__list > li").Single(li => li.QuerySelector("a")!.TextContent == "about");
        Assert.Equal(["contact"], about.QuerySelectorAll(".site-nav__sublist a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Another_site_and_another_unit_cannot_move_pages()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        await s.App.CreateUserAsync(s.A, "editor-y@a.example.jp", [Roles.MemberEditor], [s.UnitY]);
        await s.App.CreateUserAsync(s.B, "editor@b.example.jp", [Roles.MemberEditor, Roles.SiteAdministrator]);
        var editorY = await s.App.SignedInAsync("editor-y@a.example.jp", $"/{s.A}");
        var editorB = await s.App.SignedInAsync("editor@b.example.jp", $"/{s.B}");
        var menu = $"/{s.A}/admin/menu";
        var before = await s.App.InTenantAsync(s.A, db => db.Pages.OrderBy(p => p.Id).Select(p => new { p.Id, p.ParentId, p.Order }).ToListAsync());

        // B's editor is nobody on A: sent to A's login, and a post with B's own token changes nothing.
        var look = await editorB.GetAsync(menu);
        Assert.Equal(HttpStatusCode.Redirect, look.StatusCode);
        Assert.Contains("/account/login", look.Headers.Location!.OriginalString);
        var post = await editorB.SubmitAsync($"/{s.B}/admin/menu", menu, ("parent-" + s.Pages["contact"], s.Pages["about"].ToString()));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/account/login", post.Headers.Location!.OriginalString);

        // B's page shown nowhere in A's editor, and refused as a parent.
        var own = await (await editorY.GetAsync(menu)).DocumentAsync();
        Assert.Empty(own.QuerySelectorAll($"option[value='{s.PageOfB}']"));
        var foreign = await editorY.SubmitAsync(menu, menu, ("parent-" + s.Pages["contact"], s.PageOfB.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("このサイトのページから選んでください", (await foreign.DocumentAsync()).QuerySelector($"#error-parent-{s.Pages["contact"]}")!.TextContent);

        // Unit Y's editor sees X's pages read-only and cannot move them by hand-made posts.
        Assert.Null(own.QuerySelector($"#field-parent-{s.Pages["about"]}"));
        Assert.NotNull(own.QuerySelector($"#field-parent-{s.Pages["contact"]}"));
        var moveX = await editorY.SubmitAsync(menu, menu, ("parent-" + s.Pages["about"], s.Pages["contact"].ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, moveX.StatusCode);

        var after = await s.App.InTenantAsync(s.A, db => db.Pages.OrderBy(p => p.Id).Select(p => new { p.Id, p.ParentId, p.Order }).ToListAsync());
        Assert.Equal(before, after);
        Assert.Null(await s.App.InTenantAsync(s.B, db => db.Pages.Select(p => p.ParentId).SingleAsync()));

        // Their own page they may move.
        var ok = await editorY.SubmitAsync(menu, menu, ("order-" + s.Pages["contact"], "7"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(7, await s.App.InTenantAsync(s.A, db => db.Pages.Where(p => p.Id == s.Pages["contact"]).Select(p => p.Order).SingleAsync()));
    }
}

public sealed class PageMenuTests_Sqlite() : PageMenuTests(DatabaseProvider.Sqlite);

public sealed class PageMenuTests_PostgreSql() : PageMenuTests(DatabaseProvider.PostgreSql);
