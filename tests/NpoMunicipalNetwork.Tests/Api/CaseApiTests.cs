using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Tests.Infrastructure;
using NpoMunicipalNetwork.Tests.Search;

namespace NpoMunicipalNetwork.Tests.Api;

/// <summary>
/// <c>/api/v1/cases</c> against the hub's search page: the same totals and facet counts for the same URL,
/// cursor paging that returns every match once in every order, and nothing that is not public.
/// </summary>
public abstract class CaseApiTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly string[] Words = ["協働", "福祉", "子育て"];

    private sealed record Seeded(IReadOnlyList<string> Sites, HashSet<int> Public, HashSet<int> Hidden);

    private static async Task<Seeded> SeedAsync(TestApp app)
    {
        var sites = await app.CreateMemberSitesAsync();
        var vocabulary = await app.InTenantAsync(null, db => CaseVocabulary.LoadAsync(db, CancellationToken.None));
        var random = new Random(9);
        var visible = new HashSet<int>();
        var hidden = new HashSet<int>();
        for (var i = 0; i < 40; i++)
        {
            var start = random.Next(1995, 2024);
            var published = i % 9 != 4;
            var site = sites[i % sites.Count];
            var id = await app.AddCaseAsync(new CaseSpec(site, $"{(i % 3 == 0 ? Words[i % Words.Length] : "地域")}の事例{i}")
            {
                Summary = i % 2 == 0 ? "NPOとの協働で進める" : "市民活動の支援",
                Type = RelationshipTypeNames.All[i % 3],
                Fields = [vocabulary.Fields[i % vocabulary.Fields.Count].Code, vocabulary.Fields[(i * 7 + 1) % vocabulary.Fields.Count].Code],
                Methods = i % 4 == 0 ? [] : [vocabulary.Methods[i % vocabulary.Methods.Count].Code],
                Start = start, End = i % 3 == 0 ? null : start + i % 5, Attachment = i % 4 == 1, Published = published,
                // Some share a publication time, so the id must break ties in the cursor.
                PublishedUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i / 3),
            });
            (published && site != sites[0] ? visible : hidden).Add(id);
        }
        // The first site is disabled: its cases must vanish from the API at once.
        await app.InTenantAsync(null, async db =>
        {
            var t = await db.Tenants.SingleAsync(x => x.Name == sites[0]);
            t.Status = TenantStatus.Disabled;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantCatalog>().Invalidate();
        await app.WaitForIndexAsync();
        return new Seeded(sites, visible, hidden);
    }

    private static Dictionary<string, int> ApiFacets(JsonElement facets)
    {
        var counts = new Dictionary<string, int>();
        foreach (var key in new[] { "field", "type", "method", "pref", "kind" })
            foreach (var v in facets.GetProperty(key).EnumerateArray())
                counts[$"{key}:{v.GetProperty("code").GetString()}"] = v.GetProperty("count").GetInt32();
        foreach (var y in facets.GetProperty("years").EnumerateArray())
            counts[$"years:{y.GetProperty("from").GetInt32()}"] = y.GetProperty("count").GetInt32();
        counts["attachments:1"] = facets.GetProperty("withAttachments").GetInt32();
        return counts;
    }

    private static async Task<(int Total, Dictionary<string, int> Facets)> PageCountsAsync(TestApp app, string query)
    {
        var (response, doc) = await app.GetPageAsync("/cases" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // "29 件（1〜20件目）": the first number is the total.
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(doc.QuerySelector("#result-count")!.TextContent, @"\d[\d,]*").Value.Replace(",", ""));
        var facets = new Dictionary<string, int>();
        foreach (var a in doc.QuerySelectorAll("[data-facet] a"))
        {
            var key = a.Closest("[data-facet]")!.GetAttribute("data-facet");
            facets[$"{key}:{a.GetAttribute("data-value")}"] = int.Parse(new string(a.QuerySelector(".facet__count")!.TextContent.Where(char.IsAsciiDigit).ToArray()));
        }
        return (total, facets);
    }

    [Fact]
    public async Task Totals_and_facet_counts_equal_the_search_page_and_paging_returns_each_public_case_once()
    {
        await using var app = await StartAsync();
        var seeded = await SeedAsync(app);
        var vocabulary = await app.InTenantAsync(null, db => CaseVocabulary.LoadAsync(db, CancellationToken.None));
        string[] queries =
        [
            "",
            "?q=" + Uri.EscapeDataString("協働"),
            $"?q={Uri.EscapeDataString("協働")}&field={vocabulary.Fields[0].Code}&field={vocabulary.Fields[1].Code}&type=collaboration",
            "?pref=12&kind=prefecture&kind=city&attachments=1",
            $"?from=2000&to=2012&method={vocabulary.Methods[1].Code}&sort=fiscal",
            $"?q={Uri.EscapeDataString("事例")}&type=support&type=outsourcing&sort=newest",
        ];
        foreach (var query in queries)
        {
            var (response, json) = await app.GetJsonAsync("/api/v1/cases" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var (total, uiFacets) = await PageCountsAsync(app, query);
            Assert.Equal(total, json.GetProperty("total").GetInt32());
            var apiFacets = ApiFacets(json.GetProperty("facets"));
            foreach (var (key, count) in uiFacets)
                Assert.True(apiFacets.TryGetValue(key, out var apiCount) && apiCount == count, $"{query} {key}: page {count}, API {apiCount}");
            // The API lists no value the page leaves out (the attachment count is always given).
            Assert.DoesNotContain(apiFacets.Keys.Except(uiFacets.Keys), k => k != "attachments:1" && apiFacets[k] > 0);

            // Any page size walks the same sequence, each match once, and the first page is the default one.
            List<int>? sequence = null;
            foreach (var limit in new[] { 1, 3, 100 })
            {
                var ids = (await app.PageThroughAsync($"/api/v1/cases{query}{(query.Length == 0 ? "?" : "&")}limit={limit}")).Ids().ToList();
                Assert.Equal(total, ids.Count);
                Assert.Equal(ids.Count, ids.Distinct().Count());
                Assert.DoesNotContain(ids, seeded.Hidden.Contains);
                Assert.Equal(sequence ?? ids, ids);
                sequence = ids;
            }
            Assert.Equal(sequence!.Take(20), json.GetProperty("items").EnumerateArray().Ids());
        }
        // Without conditions: every public case (ours and the setup recipe's samples), and nothing else.
        var everything = (await app.PageThroughAsync("/api/v1/cases?limit=7&sort=newest")).Ids().ToHashSet();
        Assert.Subset(everything, seeded.Public);
        Assert.DoesNotContain(everything, seeded.Hidden.Contains);
        Assert.Equal(await app.InTenantAsync(null, db => PublishedCases.All(db).CountAsync()), everything.Count);
    }

    [Fact]
    public async Task A_case_has_a_stable_camel_case_shape_and_hidden_cases_are_problem_404s()
    {
        await using var app = await StartAsync();
        var id = await app.AddCaseAsync(new CaseSpec("chiba", "子育てひろばの協働運営")
        {
            Summary = "県とNPOが協働", Body = "## 取組\n\n親子の**居場所**づくり", Fields = ["childcare"], Methods = ["joint-committee"],
            Partners = ["NPO法人こそだて"], Start = 2019, End = 2021, Attachment = true,
        });
        var draft = await app.AddCaseAsync(new CaseSpec("chiba", "下書きの事例") { Published = false });
        var ofDisabled = await app.AddCaseAsync(new CaseSpec("yokohama", "無効になるサイトの事例"));
        await app.InTenantAsync(null, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Name == "yokohama")).Status = TenantStatus.Disabled;
            await db.SaveChangesAsync();
        });
        app.Services.GetRequiredService<TenantCatalog>().Invalidate();
        await app.WaitForIndexAsync();

        var (response, c) = await app.GetJsonAsync($"/api/v1/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, c.GetProperty("id").GetInt32());
        Assert.Equal("子育てひろばの協働運営", c.GetProperty("title").GetString());
        Assert.Equal("chiba", c.GetProperty("site").GetProperty("name").GetString());
        Assert.Equal("12", c.GetProperty("member").GetProperty("prefecture").GetProperty("code").GetString());
        Assert.Equal(2019, c.GetProperty("startFiscalYear").GetInt32());
        Assert.Equal(2021, c.GetProperty("endFiscalYear").GetInt32());
        Assert.Equal("collaboration", c.GetProperty("relationshipType").GetProperty("code").GetString());
        Assert.Equal("協働", c.GetProperty("relationshipType").GetProperty("name").GetString());
        Assert.Equal("childcare", c.GetProperty("fields")[0].GetProperty("code").GetString());
        Assert.Equal("NPO法人こそだて", c.GetProperty("partners")[0].GetProperty("name").GetString());
        var section = c.GetProperty("sections")[0];
        Assert.Equal("activities", section.GetProperty("key").GetString());
        Assert.Contains("<strong>居場所</strong>", section.GetProperty("html").GetString());
        var file = c.GetProperty("attachments")[0];
        Assert.Matches($@"^http://localhost/cases/{id}/files/\d+$", file.GetProperty("url").GetString());
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        Assert.True(DateTimeOffset.TryParse(c.GetProperty("publishedAt").GetString(), out var published));
        Assert.Equal(TimeSpan.Zero, published.Offset);
        Assert.EndsWith("+00:00", c.GetProperty("publishedAt").GetString());

        // The list shows the same case with the summary shape.
        var (_, list) = await app.GetJsonAsync("/api/v1/cases?q=" + Uri.EscapeDataString("子育て"));
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetInt32());
        Assert.True(item.GetProperty("hasAttachments").GetBoolean());
        Assert.False(item.TryGetProperty("sections", out _));

        foreach (var hidden in new[] { draft, ofDisabled, 999_999 })
        {
            var problem = await app.AssertProblemAsync($"/api/v1/cases/{hidden}", HttpStatusCode.NotFound);
            Assert.Equal($"/api/v1/cases/{hidden}", problem.GetProperty("instance").GetString());
        }
        var everything = (await app.PageThroughAsync("/api/v1/cases?limit=100")).Ids().ToList();
        Assert.Contains(id, everything);
        Assert.DoesNotContain(draft, everything);
        Assert.DoesNotContain(ofDisabled, everything);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?cursor=WyJtZW1iZXJzIiwiMTIwMDA2Il0", "cursor")] // a members cursor
    [InlineData("?field=no-such-field", "field")]
    [InlineData("?type=friendship", "type")]
    [InlineData("?pref=48", "pref")]
    [InlineData("?kind=metropolis", "kind")]
    [InlineData("?from=1800", "from")]
    [InlineData("?from=2010&to=2000", "from")]
    [InlineData("?attachments=yes", "attachments")]
    [InlineData("?sort=oldest", "sort")]
    [InlineData("?fields=welfare", "fields")]
    public async Task Bad_parameters_are_400_problem_details_naming_the_parameter(string query, string field)
    {
        await using var app = await StartAsync();
        var problem = await app.AssertProblemAsync("/api/v1/cases" + query, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_refused()
    {
        await using var app = await StartAsync();
        for (var i = 0; i < 3; i++)
            await app.AddCaseAsync(new CaseSpec("chiba", $"事例{i}"));
        await app.WaitForIndexAsync();
        var (_, first) = await app.GetJsonAsync("/api/v1/cases?limit=1&sort=newest");
        var cursor = first.GetProperty("next").GetString();
        await app.AssertProblemAsync($"/api/v1/cases?limit=1&sort=fiscal&cursor={cursor}", HttpStatusCode.BadRequest);
        var (ok, _) = await app.GetJsonAsync($"/api/v1/cases?limit=1&sort=newest&cursor={cursor}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}

public sealed class CaseApiTests_Sqlite() : CaseApiTests(DatabaseProvider.Sqlite);

public sealed class CaseApiTests_PostgreSql() : CaseApiTests(DatabaseProvider.PostgreSql);
