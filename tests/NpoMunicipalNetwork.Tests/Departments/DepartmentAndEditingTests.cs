using NpoMunicipalNetwork.Pages;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Departments;

public abstract class DepartmentAndEditingTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<(TestApp App, string A, HttpClient Admin)> SiteWithAdminAsync()
    {
        var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        await app.PublishWithoutApprovalAsync(a);
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        return (app, a, await app.SignedInAsync("admin@a.example.jp", $"/{a}"));
    }

    [Fact]
    public async Task Merging_a_unit_moves_its_staff_pages_and_sub_units_and_loses_nothing()
    {
        var (app, a, admin) = await SiteWithAdminAsync();
        await using var _ = app;
        var bu = await app.CreateDepartmentAsync(a, "市民生活部");
        var old = await app.CreateDepartmentAsync(a, "NPO推進課", bu);
        var target = await app.CreateDepartmentAsync(a, "市民協働課", bu);
        var kakari = await app.CreateDepartmentAsync(a, "NPO支援係", old);
        var both = await app.CreateUserAsync(a, "both@a.example.jp", [Roles.MemberEditor], [old, target]);
        var onlyOld = await app.CreateUserAsync(a, "old@a.example.jp", [Roles.MemberEditor], [old]);
        var page1 = await app.CreateOwnedPageAsync(a, "support", old);
        var page2 = await app.CreateOwnedPageAsync(a, "grants", old);

        var cycle = await admin.SubmitAsync($"/{a}/admin/departments/{old}/merge", $"/{a}/admin/departments/{old}/merge", ("target", kakari.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        var merged = await admin.SubmitAsync($"/{a}/admin/departments/{old}/merge", $"/{a}/admin/departments/{old}/merge", ("target", target.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        await app.InTenantAsync(a, async db =>
        {
            Assert.False(await db.Departments.AnyAsync(d => d.Id == old));
            Assert.Equal(target, (await db.Departments.SingleAsync(d => d.Id == kakari)).ParentId);
            Assert.All(await db.Pages.Where(p => p.Id == page1 || p.Id == page2).ToListAsync(), p => Assert.Equal(target, p.OwnerDepartmentId));
            var members = await db.DepartmentMembers.Where(m => m.UserId == both || m.UserId == onlyOld).ToListAsync();
            Assert.Equal(2, members.Count);
            Assert.All(members, m => Assert.Equal(target, m.DepartmentId));
        });

        // The moved editor still edits the moved page: ownership followed the unit.
        var editor = await app.SignedInAsync("old@a.example.jp", $"/{a}");
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/{a}/admin/pages/{page1}/edit")).StatusCode);
    }

    [Fact]
    public async Task Units_are_renamed_and_moved_but_never_under_themselves_and_deleted_only_when_empty()
    {
        var (app, a, admin) = await SiteWithAdminAsync();
        await using var _ = app;
        var bu = await app.CreateDepartmentAsync(a, "市民生活部");
        var ka = await app.CreateDepartmentAsync(a, "市民協働課", bu);
        await app.CreateOwnedPageAsync(a, "owned", ka);

        var loop = await admin.SubmitAsync($"/{a}/admin/departments/{bu}/edit", $"/{a}/admin/departments/{bu}", ("name", "市民生活部"), ("level", "Bu"), ("parent", ka.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Contains("配下の組織の下には移動できません", (await loop.DocumentAsync()).QuerySelector("#error-parent")!.TextContent);

        var badPhone = await admin.SubmitAsync($"/{a}/admin/departments/{ka}/edit", $"/{a}/admin/departments/{ka}", ("name", "協働推進課"), ("level", "Ka"), ("parent", bu.ToString()), ("phone", "０４３"));
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("電話番号", (await badPhone.DocumentAsync()).QuerySelector("#error-phone")!.TextContent);

        var renamed = await admin.SubmitAsync($"/{a}/admin/departments/{ka}/edit", $"/{a}/admin/departments/{ka}",
            ("name", "協働推進課"), ("level", "Ka"), ("parent", ""), ("phone", "043-223-4146"), ("email", "kyodo@a.example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var moved = await app.InTenantAsync(a, db => db.Departments.SingleAsync(d => d.Id == ka));
        Assert.Equal(("協働推進課", (int?)null, "043-223-4146"), (moved.Name, moved.ParentId, moved.Phone));

        var refused = await admin.SubmitAsync($"/{a}/admin/departments/{ka}/delete", $"/{a}/admin/departments/{ka}/delete");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(await app.InTenantAsync(a, db => db.Departments.AnyAsync(d => d.Id == ka)));
        var deleted = await admin.SubmitAsync($"/{a}/admin/departments/{bu}/delete", $"/{a}/admin/departments/{bu}/delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.InTenantAsync(a, db => db.Departments.AnyAsync(d => d.Id == bu)));
    }

    [Fact]
    public async Task The_public_page_shows_the_contact_block_of_its_owning_unit()
    {
        var (app, a, _) = await SiteWithAdminAsync();
        await using var __ = app;
        var bu = await app.CreateDepartmentAsync(a, "市民生活部");
        var ka = await app.CreateDepartmentAsync(a, "市民協働課", bu, phone: "043-223-4146");
        await app.CreateOwnedPageAsync(a, "with-contact", ka);

        var (_, doc) = await app.GetPageAsync($"/{a}/pages/with-contact");

        var contact = doc.QuerySelector("section.contact")!.TextContent;
        Assert.Contains("市民生活部 市民協働課", contact);
        Assert.Contains("043-223-4146", contact);
    }

    [Fact]
    public async Task Two_editors_cannot_overwrite_each_other()
    {
        var (app, a, admin) = await SiteWithAdminAsync();
        await using var _ = app;
        var unit = await app.CreateDepartmentAsync(a, "市民協働課");
        var page = await app.CreateOwnedPageAsync(a, "shared", unit);
        await app.CreateUserAsync(a, "first@a.example.jp", [Roles.MemberEditor], [unit]);
        await app.CreateUserAsync(a, "second@a.example.jp", [Roles.MemberEditor], [unit]);
        var first = await app.SignedInAsync("first@a.example.jp", $"/{a}");
        var second = await app.SignedInAsync("second@a.example.jp", $"/{a}");
        var edit = $"/{a}/admin/pages/{page}/edit";
        (string, string)[] Fields(string title, string version) =>
            [("title", title), ("slug", "shared"), ("owner", unit.ToString()), ("version", version), ("body", title), ("action", "publish")];

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(edit)).StatusCode); // takes the lock
        var secondView = await (await second.GetAsync(edit)).DocumentAsync();
        Assert.Contains("firstさんがこのページを編集中です", secondView.QuerySelector(".warning-box")!.TextContent);

        var blocked = await second.SubmitAsync(edit, $"/{a}/admin/pages/{page}", Fields("後から来た人", "0"));
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        var saved = await first.SubmitAsync(edit, $"/{a}/admin/pages/{page}", Fields("先に保存", "0"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The lock is gone after saving, but the second editor's form still carries the old version.
        var stale = await second.SubmitAsync(edit, $"/{a}/admin/pages/{page}", Fields("古い版からの上書き", "0"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("別の人が保存しています", (await stale.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal("先に保存", await app.InTenantAsync(a, db => db.Pages.Where(p => p.Id == page).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task An_editor_creates_pages_only_for_their_own_units_and_bad_input_is_named_per_field()
    {
        var (app, a, _) = await SiteWithAdminAsync();
        await using var __ = app;
        var mine = await app.CreateDepartmentAsync(a, "自分の課");
        var other = await app.CreateDepartmentAsync(a, "よその課");
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor], [mine]);
        var editor = await app.SignedInAsync("editor@a.example.jp", $"/{a}");

        var bad = await editor.SubmitAsync($"/{a}/admin/pages/new", $"/{a}/admin/pages",
            ("title", ""), ("slug", "Bad Slug"), ("owner", other.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var doc = await bad.DocumentAsync();
        Assert.Contains("タイトルを入力してください", doc.QuerySelector("#error-title")!.TextContent);
        Assert.Contains("スラッグ", doc.QuerySelector("#error-slug")!.TextContent);
        Assert.Contains("自分の所属から選んでください", doc.QuerySelector("#error-owner")!.TextContent);
        Assert.Equal("true", doc.QuerySelector("#field-title")!.GetAttribute("aria-invalid"));
        Assert.Equal(["#field-title", "#field-slug", "#field-owner"], doc.QuerySelectorAll(".error-summary a").Select(x => x.GetAttribute("href")));
        Assert.False(await app.InTenantAsync(a, db => db.Pages.AnyAsync(p => p.Slug == "bad-slug")));

        var good = await editor.SubmitAsync($"/{a}/admin/pages/new", $"/{a}/admin/pages",
            ("title", "協働の手引き"), ("slug", "guide"), ("owner", mine.ToString()), ("body", "## 目的\n\n本文"), ("action", "publish"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var (_, publicPage) = await app.GetPageAsync($"/{a}/pages/guide");
        Assert.Equal("目的", publicPage.QuerySelector(".rich-text h2")!.TextContent);
    }
}

public sealed class DepartmentAndEditingTests_Sqlite() : DepartmentAndEditingTests(DatabaseProvider.Sqlite);

public sealed class DepartmentAndEditingTests_PostgreSql() : DepartmentAndEditingTests(DatabaseProvider.PostgreSql);
