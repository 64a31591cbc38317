using NpoMunicipalNetwork.Pages;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Accounts;

/// <summary>What only the network secretariat does: member sites and the registry.</summary>
public abstract class SecretariatTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<(TestApp App, HttpClient Secretariat)> StartWithSecretariatAsync()
    {
        var app = await StartAsync();
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        return (app, await app.SignedInAsync("secretariat@example.jp"));
    }

    [Fact]
    public async Task A_member_site_is_created_from_a_recipe_then_given_a_host_and_disabled()
    {
        var (app, s) = await StartWithSecretariatAsync();
        await using var _ = app;

        var bad = await s.SubmitAsync("/admin/tenants/new", "/admin/tenants", ("name", "members"), ("displayName", ""), ("memberCode", "011003"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var doc = await bad.DocumentAsync();
        Assert.Contains("予約", doc.QuerySelector("#error-name")!.TextContent);
        Assert.Contains("表示名", doc.QuerySelector("#error-displayName")!.TextContent);
        Assert.Contains("検査数字", doc.QuerySelector("#error-memberCode")!.TextContent);

        var created = await s.SubmitAsync("/admin/tenants/new", "/admin/tenants",
            ("name", "sapporo"), ("displayName", "札幌市"), ("memberCode", "011002"), ("recipe", "sample-member-site.recipe.json"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync("/sapporo/")).Response.StatusCode);
        Assert.True(await app.InTenantAsync("sapporo", db => db.Pages.AnyAsync(p => p.Slug == "about" && p.IsSample && !p.IsPublished)));

        var duplicate = await s.SubmitAsync("/admin/tenants/new", "/admin/tenants", ("name", "sapporo"), ("displayName", "札幌市2"));
        Assert.Contains("すでに使われています", (await duplicate.DocumentAsync()).QuerySelector("#error-name")!.TextContent);

        var hosted = await s.SubmitAsync("/admin/tenants/sapporo/edit", "/admin/tenants/sapporo",
            ("displayName", "札幌市"), ("status", "active"), ("hosts", "npo.sapporo.example.jp\nbad host!"));
        Assert.Equal(HttpStatusCode.BadRequest, hosted.StatusCode);
        hosted = await s.SubmitAsync("/admin/tenants/sapporo/edit", "/admin/tenants/sapporo",
            ("displayName", "札幌市"), ("status", "active"), ("hosts", "npo.sapporo.example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, hosted.StatusCode);
        Assert.Contains("札幌市", (await app.GetPageAsync("/", host: "npo.sapporo.example.jp")).Document.QuerySelector(".site-header__name")!.TextContent);

        var disabled = await s.SubmitAsync("/admin/tenants/sapporo/edit", "/admin/tenants/sapporo",
            ("displayName", "札幌市"), ("status", "disabled"), ("hosts", "npo.sapporo.example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync("/sapporo/")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync("/", host: "npo.sapporo.example.jp")).Response.StatusCode);
    }

    [Fact]
    public async Task The_secretariat_records_joining_and_leaving_in_the_registry()
    {
        var (app, s) = await StartWithSecretariatAsync();
        await using var _ = app;

        var bad = await s.SubmitAsync("/admin/members/011002/edit", "/admin/members/011002", ("joinedOn", "2010/04/01"), ("leftOn", "2009-04-01"), ("phone", "abc"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var doc = await bad.DocumentAsync();
        Assert.Contains("加入日", doc.QuerySelector("#error-joinedOn")!.TextContent);
        Assert.Contains("電話番号", doc.QuerySelector("#error-phone")!.TextContent);
        Assert.False(await app.InTenantAsync(null, db => db.Memberships.AnyAsync(m => m.GovernmentCode == "011002")));

        var joined = await s.SubmitAsync("/admin/members/011002/edit", "/admin/members/011002",
            ("joinedOn", "2010-04-01"), ("department", "市民文化局市民自治推進室"), ("phone", "011-211-2964"), ("email", "npo@city.sapporo.example.jp"));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var (_, profile) = await app.GetPageAsync("/members/011002");
        Assert.Contains("会員（平成22年4月1日加入）", profile.QuerySelector("main")!.TextContent);
        Assert.Contains("市民文化局市民自治推進室", profile.QuerySelector(".contact")!.TextContent);

        await s.SubmitAsync("/admin/members/011002/edit", "/admin/members/011002", ("joinedOn", "2010-04-01"), ("leftOn", "2020-03-31"));
        var (_, directory) = await app.GetPageAsync("/members");
        Assert.DoesNotContain("札幌市", directory.QuerySelector("table")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.GetAsync("/admin/members/011003/edit")).StatusCode);
    }
}

public sealed class SecretariatTests_Sqlite() : SecretariatTests(DatabaseProvider.Sqlite);

public sealed class SecretariatTests_PostgreSql() : SecretariatTests(DatabaseProvider.PostgreSql);
