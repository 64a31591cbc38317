using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Market;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Market;

/// <summary>Market rounds from the editor's form to the member site and the hub's network view, over HTTP.</summary>
public abstract class MarketRoundTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<MarketTestSite> SiteAsync() => MarketTestSite.CreateAsync((settings, services) => StartAsync(settings: settings, services: services));

    [Fact]
    public async Task A_round_created_in_the_admin_is_published_on_its_site_and_in_the_network_view_with_its_status()
    {
        var m = await SiteAsync();
        var id = await m.CreateRoundAsync();
        var draft = await m.CreateRoundAsync("下書きの募集回", ("action", "save"));

        var (page, doc) = await m.App.GetPageAsync($"/{m.Sites.A}/market/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("令和9年度 協働事業提案制度", doc.QuerySelector("main h1")!.TextContent);
        Assert.Equal(["1. 子育て世代の孤立", "2. 空き家の活用"], doc.QuerySelectorAll(".market-issue h3").Select(h => h.TextContent));
        Assert.Equal(["協働の必要性30", "実現可能性40", "波及効果30"], doc.QuerySelectorAll(".market-criteria tbody tr").Select(r => r.TextContent));
        Assert.Contains("令和9年度", doc.QuerySelector("main")!.TextContent);
        Assert.Contains("令和8年6月30日 17時00分", doc.QuerySelector("main")!.TextContent);
        Assert.Equal("受付中", doc.QuerySelector(".market-status")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"a[href='/market/rounds/{id}/propose']"));

        // The audit log names the round by the content type's own noun.
        await m.App.CreateUserAsync(m.Sites.A, "auditor@a.example.jp", [global::NpoMunicipalNetwork.Accounts.Roles.SiteAdministrator]);
        var auditor = await m.App.SignedInAsync("auditor@a.example.jp", $"/{m.Sites.A}");
        var audit = await (await auditor.GetAsync($"/{m.Sites.A}/admin/audit")).DocumentAsync();
        Assert.Contains("募集回: 令和9年度 協働事業提案制度", audit.QuerySelector("main table")!.TextContent);

        // The section shows in a member site's navigation once it has published a round.
        Assert.NotNull(doc.QuerySelector($"nav.site-nav a[href='/{m.Sites.A}/market']"));
        Assert.Null((await m.App.GetPageAsync($"/{m.Sites.B}/market")).Document.QuerySelector($"nav.site-nav a[href='/{m.Sites.B}/market']"));

        var (_, hub) = await m.App.GetPageAsync("/market");
        Assert.Equal(["令和9年度 協働事業提案制度"], hub.QuerySelectorAll(".market-round h2").Select(h => h.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await m.App.GetPageAsync($"/{m.Sites.A}/market/{draft}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await m.App.GetPageAsync($"/{m.Sites.B}/market/{id}")).Response.StatusCode);

        // Status filters follow the server clock.
        async Task<int> Count(string url) => (await m.App.GetPageAsync(url)).Document.QuerySelectorAll(".market-round").Length;
        Assert.Equal(1, await Count("/market?status=open"));
        Assert.Equal(0, await Count("/market?status=closed"));
        // The prefecture is the member's, from its entry in the registry.
        await m.App.InTenantAsync(null, async db =>
        {
            var site = await db.Tenants.SingleAsync(t => t.Name == m.Sites.A);
            site.MemberCode = await db.Governments.Where(g => g.PrefectureCode == "12").Select(g => g.Code).FirstAsync();
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await Count("/market?prefecture=12"));
        Assert.Equal(0, await Count("/market?prefecture=13"));
        Assert.Contains("千葉県", (await m.App.GetPageAsync("/market")).Document.QuerySelector(".market-round")!.TextContent);
        m.Clock.SetUtcNow(MarketTestSite.Closes.AddSeconds(1));
        Assert.Equal(1, await Count("/market?status=closed"));
        Assert.Equal("締切済", (await m.App.GetPageAsync($"/{m.Sites.A}/market")).Document.QuerySelector(".market-status")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await m.App.GetPageAsync("/market?status=soon")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await m.App.GetPageAsync("/market?prefecture=99")).Response.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_named_per_field_in_Japanese_and_nothing_is_written()
    {
        var m = await SiteAsync();
        var response = await m.Sites.EditorA.SubmitAsync($"/{m.Sites.A}/admin/market/new", $"/{m.Sites.A}/admin/market", m.RoundForm("",
            ("closesAt", "2026-04-01T09:00"), ("ceiling", "三百万"), ("criteria", "協働の必要性 | 0\n実現可能性"), ("fiscalYear", "令和九"),
            ("issueBackground2", ""), ("eligibility", "")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.DocumentAsync();
        string Error(string field) => doc.QuerySelector($"#error-{field}")?.TextContent ?? "";
        Assert.Contains("募集回の名称を入力してください", Error("title"));
        Assert.Contains("締切日時は受付開始日時より後に", Error("closesAt"));
        Assert.Contains("上限額は1円以上の整数", Error("ceiling"));
        Assert.Contains("配点は1〜1000の整数", Error("criteria"));
        Assert.Contains("実施年度を西暦4桁", Error("fiscalYear"));
        Assert.Contains("地域課題2の背景を入力してください", Error("issueBackground2"));
        Assert.Contains("応募資格を入力してください", Error("eligibility"));
        Assert.Equal(0, await m.App.InTenantAsync(m.Sites.A, db => db.MarketRounds.CountAsync()));
        Assert.Equal(0, await m.App.InTenantAsync(m.Sites.A, db => db.ContentRevisions.CountAsync(r => r.ContentType == "MarketRound")));
    }
}

public sealed class MarketRoundTests_Sqlite() : MarketRoundTests(DatabaseProvider.Sqlite);

public sealed class MarketRoundTests_PostgreSql() : MarketRoundTests(DatabaseProvider.PostgreSql);
