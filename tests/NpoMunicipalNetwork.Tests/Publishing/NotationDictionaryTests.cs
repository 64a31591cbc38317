using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Publishing;

/// <summary>The secretariat's additions to the 機種依存文字 dictionary reach every member site's checker.</summary>
public abstract class NotationDictionaryTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task An_entry_added_by_the_secretariat_is_flagged_and_fixed_on_member_sites()
    {
        await using var app = await StartAsync();
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var secretariat = await app.SignedInAsync("secretariat@example.jp");
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var unit = await app.CreateDepartmentAsync(a, "市民協働課");
        await app.CreateUserAsync(a, "author@a.example.jp", [Roles.MemberEditor, Roles.SiteAdministrator], [unit]);
        var author = await app.SignedInAsync("author@a.example.jp", $"/{a}");

        var bad = await secretariat.SubmitAsync("/admin/notation", "/admin/notation", ("character", ""), ("replacement", "高"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("置き換える文字を入力してください", (await bad.DocumentAsync()).QuerySelector("#error-character")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync($"/{a}/admin/notation")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.SubmitAsync("/admin/notation", "/admin/notation", ("character", "髙"), ("replacement", "高"))).StatusCode);
        var duplicate = await secretariat.SubmitAsync("/admin/notation", "/admin/notation", ("character", "髙"), ("replacement", "高橋"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        var created = await author.SubmitAsync($"/{a}/admin/pages/new", $"/{a}/admin/pages",
            ("title", "担当者の案内"), ("slug", "staff"), ("owner", unit.ToString()), ("body", "髙橋が担当します。"), ("action", "save"));
        var page = created.Headers.Location!.OriginalString.Split('/').Last();
        var status = await (await author.GetAsync($"/{a}/admin/pages/{page}")).DocumentAsync();
        Assert.Contains("髙", status.QuerySelector("section.findings")!.TextContent);

        await author.SubmitAsync($"/{a}/admin/pages/{page}", $"/{a}/admin/pages/{page}/autofix");
        var body = await app.InTenantAsync(a, db => db.ContentRevisions.OrderByDescending(r => r.Number).Select(r => r.BodyMarkdown).FirstAsync());
        Assert.Equal("高橋が担当します。", body);
    }
}

public sealed class NotationDictionaryTests_Sqlite() : NotationDictionaryTests(DatabaseProvider.Sqlite);

public sealed class NotationDictionaryTests_PostgreSql() : NotationDictionaryTests(DatabaseProvider.PostgreSql);
