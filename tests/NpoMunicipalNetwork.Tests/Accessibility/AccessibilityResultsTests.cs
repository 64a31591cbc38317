using NpoMunicipalNetwork.Tests.Home;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accessibility;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Accessibility;

/// <summary>The accessibility policy, the test results page, checker runs and axe imports.</summary>
public abstract class AccessibilityResultsTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Dictionary<string, string?> Settings = new() { ["OutputCache:Seconds"] = "0", ["Accessibility:PolicyDate"] = "2026-04-01" };

    [Fact]
    public async Task The_policy_states_target_scope_exceptions_and_date_and_every_site_links_to_it()
    {
        await using var app = await StartAsync(settings: Settings);
        var a = await app.CreateTenantWithPageAsync("about", "概要");

        var (response, doc) = await app.GetPageAsync("/accessibility");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        var main = doc.QuerySelector("main")!.TextContent;
        Assert.Equal("ウェブアクセシビリティ方針", doc.QuerySelector("main h1")!.TextContent);
        Assert.Contains("JIS X 8341-3:2016", main);
        Assert.Contains("適合レベルAAに準拠", main);
        Assert.Contains("WCAG 2.1", main);
        Assert.Contains("すべての会員サイト", main);
        Assert.Contains("PDF", main);
        Assert.Contains("令和8年4月1日（2026年4月1日）に策定", main);
        Assert.Contains(doc.QuerySelectorAll("main a"), x => x.GetAttribute("href") == "/accessibility/results");
        Assert.Contains("まだ試験の結果はありません", main);

        var (_, memberHome) = await app.GetPageAsync($"/{a}/");
        Assert.Contains(memberHome.QuerySelectorAll("footer a"), x => x.GetAttribute("href") == "/accessibility" && x.TextContent == "ウェブアクセシビリティ方針");
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientFor().GetAsync($"/{a}/accessibility")).StatusCode);

        var (_, results) = await app.GetPageAsync("/accessibility/results");
        Assert.Contains("まだ試験の結果はありません", results.QuerySelector("main")!.TextContent);
        Assert.Empty(results.QuerySelectorAll("main table"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientFor().GetAsync("/accessibility/results/12345")).StatusCode);
    }

    [Fact]
    public async Task A_checker_run_finds_the_missing_alt_on_its_page_and_nowhere_else_and_the_results_page_shows_it()
    {
        await using var app = await StartAsync(settings: Settings);
        var a = await app.ApplyContentAsync(
            ("no-alt", "代替テキストのない画像", "## 活動の様子\n\n![](https://example.jp/photo.png)"),
            ("with-alt", "代替テキストのある画像", "## 活動の様子\n\n![市民活動センターの外観](https://example.jp/center.png)"),
            ("text-only", "文章だけのページ", "NPOとの協働について説明します。"));
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var secretariat = await app.SignedInAsync("secretariat@example.jp");

        var run = await secretariat.SubmitAsync("/admin/accessibility", "/admin/accessibility/checker-runs");
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);

        var stored = await app.InTenantAsync(null, db => db.AccessibilityRuns.Include(r => r.Pages).ThenInclude(p => p.Criteria).SingleAsync());
        Assert.Equal(AccessibilitySource.Checker, stored.Source);
        CriterionOutcome Outcome(string slug, string criterion) =>
            stored.Pages.Single(p => p.Url == $"/{a}/pages/{slug}").Criteria.Single(c => c.Criterion == criterion).Outcome;
        Assert.Equal(CriterionOutcome.Fail, Outcome("no-alt", "1.1.1"));
        Assert.Equal(CriterionOutcome.Pass, Outcome("with-alt", "1.1.1"));
        Assert.Equal(CriterionOutcome.NotApplicable, Outcome("text-only", "1.1.1"));
        Assert.Equal(CriterionOutcome.Pass, Outcome("no-alt", "1.3.1")); // a good heading structure
        Assert.Equal(CriterionOutcome.NotApplicable, Outcome("text-only", "2.4.4"));
        // Only the page with the problem fails 1.1.1, whatever else the site has.
        Assert.Equal([$"/{a}/pages/no-alt"], stored.Pages.Where(p => p.Criteria.Any(c => c.Criterion == "1.1.1" && c.Outcome == CriterionOutcome.Fail)).Select(p => p.Url));
        Assert.Contains("不適合1ページ", (await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(e => e.TargetType == AuditTargetTypes.AccessibilityRun))).Summary);

        var (_, doc) = await app.GetPageAsync("/accessibility/results");
        var criteria = doc.QuerySelectorAll("main table").First();
        Assert.Contains("達成基準ごとの結果", criteria.QuerySelector("caption")!.TextContent);
        Assert.All(criteria.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var alt = criteria.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.StartsWith("1.1.1"));
        Assert.Equal("row", alt.QuerySelector("th")!.GetAttribute("scope"));
        Assert.Contains("非テキストコンテンツ", alt.QuerySelector("th")!.TextContent);
        Assert.Equal("不適合", alt.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal("1", alt.QuerySelectorAll("td")[3].TextContent); // pages failing

        var pages = doc.QuerySelectorAll("main table")[1];
        var bad = pages.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Contains($"/{a}/pages/no-alt"));
        Assert.Contains("代替テキストのない画像", bad.QuerySelector("th")!.TextContent);
        Assert.Equal("不適合", bad.QuerySelectorAll("td")[0].TextContent);
        Assert.StartsWith("1.1.1", bad.QuerySelectorAll("td")[1].TextContent);
        var good = pages.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent.Contains($"/{a}/pages/with-alt"));
        Assert.Equal("適合", good.QuerySelectorAll("td")[0].TextContent);
        Assert.Contains("試験日時", doc.QuerySelector("main dl")!.TextContent);
        Assert.Contains("令和", doc.QuerySelector("main dl")!.TextContent);
    }

    [Fact]
    public async Task Axe_results_are_imported_mapped_to_criteria_and_shown_and_a_bad_file_stores_nothing()
    {
        await using var app = await StartAsync(settings: Settings);
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var secretariat = await app.SignedInAsync("secretariat@example.jp");

        var json = """
            {
              "tool": "axe-core 4.10.2",
              "pages": [
                { "url": "http://localhost/chiba/", "title": "千葉県",
                  "violations": [ { "id": "image-alt", "tags": ["cat.text-alternatives", "wcag2a", "wcag111", "section508"], "nodes": [ {}, {} ] } ],
                  "passes": [ { "id": "color-contrast", "tags": ["wcag2aa", "wcag143"], "nodes": [ {} ] },
                              { "id": "document-title", "tags": ["wcag2a", "wcag242"], "nodes": [ {} ] },
                              { "id": "region", "tags": ["best-practice"], "nodes": [ {} ] } ],
                  "inapplicable": [ { "id": "video-caption", "tags": ["wcag2a", "wcag122"], "nodes": [] } ],
                  "incomplete": [] },
                { "url": "http://localhost/members", "title": "会員団体一覧",
                  "violations": [],
                  "passes": [ { "id": "image-alt", "tags": ["wcag2a", "wcag111"], "nodes": [ {} ] }, { "id": "meta-viewport", "tags": ["wcag2aa", "wcag144"], "nodes": [ {} ] } ],
                  "inapplicable": [] }
              ]
            }
            """;

        var imported = await UploadAsync(secretariat, json);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var run = await app.InTenantAsync(null, db => db.AccessibilityRuns.Include(r => r.Pages).ThenInclude(p => p.Criteria).SingleAsync());
        Assert.Equal(AccessibilitySource.Axe, run.Source);
        Assert.Equal("axe-core 4.10.2", run.Tool);
        var chiba = run.Pages.Single(p => p.Url == "http://localhost/chiba/");
        Assert.Equal(["1.1.1", "1.2.2", "1.4.3", "2.4.2"], chiba.Criteria.Select(c => c.Criterion).Order());
        var alt = chiba.Criteria.Single(c => c.Criterion == "1.1.1");
        Assert.Equal((CriterionOutcome.Fail, 2, "image-alt"), (alt.Outcome, alt.Problems, alt.Rules));
        Assert.Equal(CriterionOutcome.NotApplicable, chiba.Criteria.Single(c => c.Criterion == "1.2.2").Outcome);
        Assert.Equal(CriterionOutcome.Pass, chiba.Criteria.Single(c => c.Criterion == "1.4.3").Outcome);

        var (_, doc) = await app.GetPageAsync("/accessibility/results");
        var main = doc.QuerySelector("main")!;
        Assert.Contains("axe-core 4.10.2", main.TextContent);
        var rows = main.QuerySelectorAll("table").First().QuerySelectorAll("tbody tr").ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Split(' ')[0], tr => tr.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal("不適合", rows["1.1.1"]);
        Assert.Equal("適合", rows["1.4.3"]);
        Assert.Equal("該当なし", rows["1.2.2"]);
        Assert.Equal("適合", rows["1.4.4"]);
        var members = main.QuerySelectorAll("table")[1].QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("会員団体一覧"));
        Assert.Equal("適合", members.QuerySelectorAll("td")[0].TextContent);
        Assert.NotNull(doc.QuerySelectorAll("main a").FirstOrDefault(x => x.GetAttribute("href") == $"/accessibility/results/{run.Id}"));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClientFor().GetAsync($"/accessibility/results/{run.Id}")).StatusCode);

        // Broken or incomplete files are refused with the reason, and nothing is stored.
        foreach (var (bad, reason) in new[]
        {
            ("{ not json", "JSON として読めません"),
            ("""{ "pages": [] }""", "試験したページがありません"),
            ("""[ { "title": "URLなし", "violations": [], "passes": [] } ]""", "url がない"),
            ("""[ { "url": "http://localhost/", "passes": [] } ]""", "violations の配列がありません"),
        })
        {
            var refused = await UploadAsync(secretariat, bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await refused.DocumentAsync();
            Assert.Contains(reason, page.QuerySelector("#error-results")!.TextContent);
            Assert.Equal("#field-results", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        }
        Assert.Equal(1, await app.InTenantAsync(null, db => db.AccessibilityRuns.CountAsync()));
        Assert.Equal(1, await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.TargetType == AuditTargetTypes.AccessibilityRun)));
    }

    [Fact]
    public async Task Only_the_secretariat_runs_and_imports_tests()
    {
        await using var app = await StartAsync(settings: Settings);
        var a = await app.CreateTenantWithPageAsync("about", "概要");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        var siteAdmin = await app.SignedInAsync("admin@a.example.jp", $"/{a}");
        var anonymous = app.Browser();

        Assert.Equal(HttpStatusCode.Forbidden, (await siteAdmin.GetAsync($"/{a}/admin/accessibility")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await siteAdmin.SubmitAsync($"/{a}/admin/menu", $"/{a}/admin/accessibility/checker-runs")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await siteAdmin.SubmitAsync($"/{a}/admin/menu", "/admin/accessibility/checker-runs")).StatusCode); // anonymous on the hub
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostAsync("/admin/accessibility/runs", new FormUrlEncodedContent([new("x", "y")]))).StatusCode);
        Assert.False(await app.InTenantAsync(null, db => db.AccessibilityRuns.AnyAsync()));
    }

    /// <summary>Posts a results file as the admin page's form does (multipart, with the page's antiforgery token).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string json)
    {
        var page = await (await client.GetAsync("/admin/accessibility")).DocumentAsync();
        var token = page.QuerySelector("form[action='/admin/accessibility/runs'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "results", "axe-results.json" },
        };
        return await client.PostAsync("/admin/accessibility/runs", content);
    }
}

public sealed class AccessibilityResultsTests_Sqlite() : AccessibilityResultsTests(DatabaseProvider.Sqlite);

public sealed class AccessibilityResultsTests_PostgreSql() : AccessibilityResultsTests(DatabaseProvider.PostgreSql);
