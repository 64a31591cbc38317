using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Search;

/// <summary>The hub's case search page over HTTP, read with AngleSharp.</summary>
public abstract class CaseSearchPageTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static string Q(string s) => Uri.EscapeDataString(s);

    [Fact]
    public async Task Finds_japanese_words_shows_cards_facets_chips_and_marks_matches()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var source = await app.AddCaseAsync(new CaseSpec("chiba", "子育て支援の協働拠点")
        {
            Summary = "ＮＰＯ法人と県が協働して子育て家庭を支える。", Fields = ["childcare", "welfare"], Methods = ["joint-committee"],
            Start = 2019, End = 2021, Attachment = true, Partners = ["NPO法人こそだてネット"],
        });
        var adapter = await app.AddCaseAsync(new CaseSpec("yokohama", "子育てひろばの横展開") { Summary = "千葉県の事例を参考にした。", Fields = ["childcare"], Start = 2022 });
        var draftAdapter = await app.AddCaseAsync(new CaseSpec("shiga", "子育て下書き") { Published = false, Fields = ["childcare"] });
        await app.AddCaseAsync(new CaseSpec("saga", "観光振興の委託") { Summary = "観光案内所の運営", Fields = ["tourism"], Type = RelationshipType.Outsourcing, Methods = ["commission"] });
        foreach (var (from, by) in new[] { (source, adapter), (source, draftAdapter) })
            await app.InTenantAsync(null, async db =>
            {
                db.Set<PolicyCaseAdaptation>().Add(new PolicyCaseAdaptation { PolicyCaseId = by, SourceCaseId = from });
                await db.SaveChangesAsync();
            });
        await app.WaitForIndexAsync();

        var (response, doc) = await app.GetPageAsync($"/cases?q={Q("子育て")}&field=childcare");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        var input = doc.QuerySelector("main input[name=q]")!; // the header has the site search box
        Assert.Equal("子育て", input.GetAttribute("value"));
        Assert.NotNull(doc.QuerySelector($"label[for='{input.Id}']"));
        Assert.Contains("2 件", doc.QuerySelector("#result-count")!.TextContent);
        Assert.Equal("status", doc.QuerySelector("#result-count")!.GetAttribute("role"));

        var cards = doc.QuerySelectorAll(".case-result");
        Assert.Equal(2, cards.Length);
        var card = cards.Single(c => c.QuerySelector("a")!.GetAttribute("href") == $"/cases/{source}");
        Assert.Equal("子育て", card.QuerySelector(".case-result__title mark")!.TextContent);
        Assert.Contains("千葉県", card.TextContent);
        Assert.Contains("2019年度 (令和元年度)", card.TextContent);
        Assert.Contains("2021年度 (令和3年度)", card.TextContent);
        Assert.Contains("協働", card.QuerySelector(".case-result__meta")!.TextContent);
        Assert.Contains("福祉・子育て", card.TextContent); // in the vocabulary's order
        Assert.Equal("1 件", card.QuerySelectorAll(".case-result__meta dt").Single(dt => dt.TextContent == "横展開").NextElementSibling!.TextContent);
        Assert.Contains(card.QuerySelectorAll(".case-result__snippet mark"), m => m.TextContent == "子育て");
        Assert.DoesNotContain(doc.QuerySelectorAll(".case-result a"), a => a.GetAttribute("href") == $"/cases/{draftAdapter}");

        // Facets: counts with links that keep the query; the selected field removes itself.
        var field = doc.QuerySelectorAll("[data-facet=field] a");
        var childcare = field.Single(a => a.GetAttribute("data-value") == "childcare");
        Assert.Equal("true", childcare.GetAttribute("aria-current"));
        Assert.Contains("（2", childcare.TextContent);
        Assert.Equal($"/cases?q={Q("子育て")}", childcare.GetAttribute("href"));
        var welfare = field.Single(a => a.GetAttribute("data-value") == "welfare");
        Assert.Contains("（1", welfare.TextContent);
        Assert.Equal($"/cases?q={Q("子育て")}&field=childcare&field=welfare", welfare.GetAttribute("href"));
        Assert.Contains(doc.QuerySelectorAll("[data-facet=attachments] a"), a => a.TextContent.Contains("（1"));
        Assert.Contains(doc.QuerySelectorAll("[data-facet=kind] a"), a => a.GetAttribute("data-value") == "designated-city" && a.TextContent.Contains("（1"));
        Assert.Contains(doc.QuerySelectorAll("[data-facet=pref] a"), a => a.GetAttribute("data-value") == "12" && a.TextContent.Contains("千葉県（1"));
        Assert.Contains(doc.QuerySelectorAll("[data-facet=years] a"), a => a.TextContent.StartsWith("2010年代") && a.TextContent.Contains("（1"));

        // Chips remove one condition each; the form carries the facet selection along.
        var chips = doc.QuerySelectorAll(".chips a.chip");
        Assert.Equal(2, chips.Length);
        Assert.Equal("/cases?field=childcare", chips[0].GetAttribute("href"));
        Assert.Equal($"/cases?q={Q("子育て")}", chips[1].GetAttribute("href"));
        Assert.Contains(doc.QuerySelectorAll("form[role=search] input[type=hidden]"), h => h.GetAttribute("name") == "field" && h.GetAttribute("value") == "childcare");
    }

    [Theory]
    [InlineData("協働")]
    [InlineData("福祉")]
    [InlineData("NPO法人")]
    [InlineData("ＮＰＯ")]
    public async Task Japanese_terms_find_their_case_and_not_the_others(string word)
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var hit = await app.AddCaseAsync(new CaseSpec("chiba", "高齢者福祉の協働事業") { Summary = "NPO法人と協働で進める福祉の取組" });
        var miss = await app.AddCaseAsync(new CaseSpec("yokohama", "労働環境の協力体制") { Summary = "事業所の働き方を調べる" });
        await app.WaitForIndexAsync();
        var (_, doc) = await app.GetPageAsync($"/cases?q={Q(word)}");
        var links = doc.QuerySelectorAll(".case-result__title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/cases/{hit}"], links);
        Assert.DoesNotContain($"/cases/{miss}", links);
    }

    [Fact]
    public async Task Content_is_escaped_never_raw_html()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        await app.AddCaseAsync(new CaseSpec("chiba", "<script>alert(1)</script>協働") { Summary = "<img src=x onerror=alert(1)>協働の概要" });
        await app.WaitForIndexAsync();
        var (_, doc) = await app.GetPageAsync($"/cases?q={Q("協働")}");
        Assert.Empty(doc.QuerySelectorAll(".case-result script, .case-result img"));
        Assert.Contains("<script>alert(1)</script>", doc.QuerySelector(".case-result__title")!.TextContent);
        Assert.Contains("<img src=x onerror=alert(1)>", doc.QuerySelector(".case-result__snippet")!.TextContent);
    }

    [Fact]
    public async Task An_empty_result_offers_to_remove_each_filter()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        await app.AddCaseAsync(new CaseSpec("chiba", "協働の事例") { Fields = ["welfare"] });
        await app.WaitForIndexAsync();
        var (response, doc) = await app.GetPageAsync($"/cases?q={Q("協働")}&field=tourism&attachments=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(doc.QuerySelectorAll(".case-result"));
        var suggestions = doc.QuerySelectorAll(".empty a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.True(suggestions.Count == 3, string.Join(" / ", suggestions));
        Assert.Contains(("「検索語: 協働」を外して探す", "/cases?field=tourism&attachments=1"), suggestions);
        Assert.Contains(("「政策分野: 観光」を外して探す", $"/cases?q={Q("協働")}&attachments=1"), suggestions);
        Assert.Contains(("「添付資料あり」を外して探す", $"/cases?q={Q("協働")}&field=tourism"), suggestions);
        // The selected attachment filter stays listed (with its count) so it can be removed there too.
        Assert.Contains("（0", doc.QuerySelector("[data-facet=attachments] a[aria-current=true]")!.TextContent);
    }

    [Fact]
    public async Task A_bad_query_string_is_a_400_listing_every_problem_in_japanese()
    {
        await using var app = await StartAsync();
        var (response, doc) = await app.GetPageAsync("/cases?field=nope&type=x&pref=99&kind=city2&from=abc&to=1900&attachments=yes&sort=random&page=0");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = doc.Body!.TextContent;
        foreach (var expected in new[] { "政策分野「nope」", "関係区分「x」", "都道府県コード「99」", "団体の種類「city2」", "開始年度", "終了年度", "添付ファイルの条件「yes」", "並び順「random」", "ページ番号" })
            Assert.Contains(expected, text);
        var (tooFar, _) = await app.GetPageAsync("/cases?page=3");
        Assert.Equal(HttpStatusCode.NotFound, tooFar.StatusCode);
    }

    [Fact]
    public async Task Pages_and_sort_orders()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });
        var ids = new List<int>();
        for (var i = 0; i < 25; i++)
            ids.Add(await app.AddCaseAsync(new CaseSpec(i % 2 == 0 ? "chiba" : "shiga", $"協働の事例{i}")
            {
                Start = 1995 + i, PublishedUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(-i),
            }));
        await app.WaitForIndexAsync();
        async Task<List<string?>> Links(string url) => (await app.GetPageAsync(url)).Document.QuerySelectorAll(".case-result__title a").Select(a => a.GetAttribute("href")).ToList();

        var newest = await Links("/cases?sort=newest");
        Assert.Equal(ids.Take(20).Select(id => $"/cases/{id}"), newest);
        var second = await Links("/cases?sort=newest&page=2");
        Assert.Equal(ids.Skip(20).Select(id => $"/cases/{id}"), second);
        var byYear = await Links("/cases?sort=fiscal");
        Assert.Equal(ids.AsEnumerable().Reverse().Take(20).Select(id => $"/cases/{id}"), byYear);

        var (_, doc) = await app.GetPageAsync("/cases?sort=newest");
        Assert.Equal("/cases?sort=newest&page=2", doc.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("1 / 2 ページ", doc.QuerySelector("#result-count")!.TextContent);
    }

    [Fact]
    public async Task The_secretariat_rebuilds_the_index_from_the_admin_area_and_it_is_audited()
    {
        await using var app = await StartAsync();
        var id = await app.AddCaseAsync(new CaseSpec("chiba", "協働の事例"));
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var client = await app.SignedInAsync("secretariat@example.jp");
        var response = await client.SubmitAsync("/admin/search", "/admin/search/rebuild");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.TargetType == "SearchIndex"));
        Assert.Equal("検索索引の再構築を開始", entry.Summary);
        Assert.Null(entry.TenantId);
        var status = await (await client.GetAsync("/admin/search")).DocumentAsync();
        Assert.Contains("検索索引", status.QuerySelector("h1")!.TextContent);
        await app.WaitForIndexAsync();
        Assert.Equal([id], await app.FindAsync(new CaseQuery { Text = "協働" }));

        // A site administrator of a member site may not rebuild the network's index.
        await app.CreateUserAsync("chiba", "admin@chiba.example.jp", [Roles.SiteAdministrator]);
        var siteAdmin = await app.SignedInAsync("admin@chiba.example.jp", "/chiba");
        var refused = await siteAdmin.SubmitAsync("/chiba/admin", "/chiba/admin/search/rebuild");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class CaseSearchPageTests_Sqlite() : CaseSearchPageTests(DatabaseProvider.Sqlite);

public sealed class CaseSearchPageTests_PostgreSql() : CaseSearchPageTests(DatabaseProvider.PostgreSql);
