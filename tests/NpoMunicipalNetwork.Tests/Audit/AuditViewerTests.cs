using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Audit;

/// <summary><c>/admin/audit</c> and its CSV: who reads which entries, the filters, paging and the file itself.</summary>
public abstract class AuditViewerTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private sealed record World(TestApp App, string A, string B, HttpClient AdminA, HttpClient AdminB, HttpClient HubAdmin, HttpClient Secretariat, HttpClient EditorA);

    /// <summary>Two sites with an administrator each, the secretariat, and one marked entry for A, for B and for the network.</summary>
    private async Task<World> BuildAsync()
    {
        var app = await StartAsync();
        var a = await app.CreateTenantWithPageAsync("p", "p");
        var b = await app.CreateTenantWithPageAsync("q", "q");
        await app.CreateUserAsync(a, "admin@a.example.jp", [Roles.SiteAdministrator]);
        await app.CreateUserAsync(a, "editor@a.example.jp", [Roles.MemberEditor]);
        await app.CreateUserAsync(b, "admin@b.example.jp", [Roles.SiteAdministrator]);
        await app.CreateUserAsync("hub", "hub-admin@example.jp", [Roles.SiteAdministrator]);
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        var aId = await AuditRecordingTests.TenantIdAsync(app, a);
        var bId = await AuditRecordingTests.TenantIdAsync(app, b);
        var now = DateTime.UtcNow;
        await SeedAsync(app,
            Entry(aId, now, AuditAction.Update, "Aさん", "Aのページ", "A-marked-entry"),
            Entry(bId, now, AuditAction.Update, "Bさん", "Bのページ", "B-marked-entry"),
            Entry(null, now, AuditAction.RegistryChange, "事務局", "札幌市（011002）", "network-marked-entry"));
        return new World(app, a, b,
            await app.SignedInAsync("admin@a.example.jp", $"/{a}"),
            await app.SignedInAsync("admin@b.example.jp", $"/{b}"),
            await app.SignedInAsync("hub-admin@example.jp"),
            await app.SignedInAsync("secretariat@example.jp"),
            await app.SignedInAsync("editor@a.example.jp", $"/{a}"));
    }

    private static AuditEntry Entry(int? tenant, DateTime utc, AuditAction action, string actor, string target, string summary) => new()
    {
        TenantId = tenant, OccurredUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc), Action = action, ActorName = actor, IpAddress = "192.0.2.10",
        TargetType = AuditTargetTypes.Page, TargetId = "1", TargetLabel = target, Summary = summary,
    };

    private static Task SeedAsync(TestApp app, params AuditEntry[] entries) => app.InTenantAsync(null, async db =>
    {
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
    });

    private static async Task<string> TableAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.DocumentAsync()).QuerySelector("main")!.TextContent;
    }

    private static async Task<(byte[] Bytes, List<string[]> Rows)> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes.AsSpan(3)));
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
            rows.Add(csv.Record!);
        return (bytes, rows);
    }

    [Fact]
    public async Task A_site_administrator_reads_their_own_site_only_whatever_the_filters_say()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var a = $"/{w.A}";

        var page = await TableAsync(w.AdminA, $"{a}/admin/audit");
        Assert.Contains("A-marked-entry", page);
        Assert.Contains("ログインしました", page); // admin A's own sign-in, recorded on A
        Assert.DoesNotContain("B-marked-entry", page);
        Assert.DoesNotContain("network-marked-entry", page);
        Assert.DoesNotContain("admin@b.example.jp", page);

        foreach (var query in new[] { $"site={w.B}", "site=_network", "target=B", "target=Bのページ", "actor=Bさん", "action=RegistryChange", "target=札幌市" })
        {
            var filtered = await TableAsync(w.AdminA, $"{a}/admin/audit?{query}");
            Assert.DoesNotContain("B-marked-entry", filtered);
            Assert.DoesNotContain("network-marked-entry", filtered);
            var (_, rows) = await CsvAsync(w.AdminA, $"{a}/admin/audit.csv?{query}");
            Assert.DoesNotContain(rows, r => r.Contains("B-marked-entry") || r.Contains("network-marked-entry"));
        }
        var (_, all) = await CsvAsync(w.AdminA, $"{a}/admin/audit.csv");
        Assert.Contains(all, r => r[6] == "A-marked-entry");
        Assert.All(all.Skip(1), r => Assert.Equal("テスト市 " + w.A, r[1]));

        // No site column and no site filter for a site's own log.
        var doc = await (await w.AdminA.GetAsync($"{a}/admin/audit")).DocumentAsync();
        Assert.Null(doc.QuerySelector("select[name=site]"));

        // B's administrator sees B's, not A's; A's administrator is a stranger on the hub.
        var pageB = await TableAsync(w.AdminB, $"/{w.B}/admin/audit");
        Assert.Contains("B-marked-entry", pageB);
        Assert.DoesNotContain("A-marked-entry", pageB);
        Assert.Equal(HttpStatusCode.Redirect, (await w.AdminA.GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.AdminA.GetAsync("/admin/audit.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await w.AdminA.GetAsync($"/{w.B}/admin/audit.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.EditorA.GetAsync($"{a}/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.EditorA.GetAsync($"{a}/admin/audit.csv")).StatusCode);
    }

    [Fact]
    public async Task The_secretariat_reads_every_site_and_the_network_on_the_hub_and_one_site_inside_it()
    {
        var w = await BuildAsync();
        await using var _ = w.App;

        var page = await TableAsync(w.Secretariat, "/admin/audit");
        Assert.Contains("A-marked-entry", page);
        Assert.Contains("B-marked-entry", page);
        Assert.Contains("network-marked-entry", page);
        Assert.Contains("テスト市 " + w.A, page); // the site column
        Assert.Contains("ネットワーク全体", page);

        var onlyA = await TableAsync(w.Secretariat, $"/admin/audit?site={w.A}");
        Assert.Contains("A-marked-entry", onlyA);
        Assert.DoesNotContain("B-marked-entry", onlyA);
        Assert.DoesNotContain("network-marked-entry", onlyA);
        var network = await TableAsync(w.Secretariat, "/admin/audit?site=_network");
        Assert.Contains("network-marked-entry", network);
        Assert.DoesNotContain("A-marked-entry", network);
        var (_, rows) = await CsvAsync(w.Secretariat, "/admin/audit.csv");
        Assert.Contains(rows, r => r[6] == "A-marked-entry" && r[1] == "テスト市 " + w.A);
        Assert.Contains(rows, r => r[6] == "B-marked-entry");
        Assert.Contains(rows, r => r[6] == "network-marked-entry" && r[1] == "ネットワーク全体");

        var unknownSite = await w.Secretariat.GetAsync("/admin/audit?site=no-such-site");
        Assert.Equal(HttpStatusCode.BadRequest, unknownSite.StatusCode);
        Assert.Contains("サイト「no-such-site」", (await unknownSite.DocumentAsync()).QuerySelector("#error-site")!.TextContent);

        // Inside a member's admin area the secretariat reads that site's log, as its administrators do.
        var insideA = await TableAsync(w.Secretariat, $"/{w.A}/admin/audit");
        Assert.Contains("A-marked-entry", insideA);
        Assert.DoesNotContain("B-marked-entry", insideA);
        Assert.DoesNotContain("network-marked-entry", insideA);

        // A site administrator of the hub is not the secretariat: the hub's own entries only.
        var hub = await TableAsync(w.HubAdmin, "/admin/audit");
        Assert.Contains("ログインしました", hub);
        Assert.DoesNotContain("A-marked-entry", hub);
        Assert.DoesNotContain("network-marked-entry", hub);
    }

    [Fact]
    public async Task The_csv_is_utf8_with_a_bom_japanese_headers_and_one_row_per_entry_safe_for_spreadsheets()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var aId = await AuditRecordingTests.TenantIdAsync(w.App, w.A);
        await SeedAsync(w.App, Entry(aId, new DateTime(2025, 3, 31, 15, 30, 5), AuditAction.Publish, "=HYPERLINK(\"http://evil.example\")", "表,カンマ\"引用\"", "改行を\n含む内容"));

        var response = await w.AdminA.GetAsync($"/{w.A}/admin/audit.csv?action=Publish");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));

        var (bytes, rows) = await CsvAsync(w.AdminA, $"/{w.A}/admin/audit.csv?action=Publish");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(["日時（JST）", "サイト", "操作", "利用者", "IPアドレス", "対象", "内容"], rows[0]);
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal("2025-04-01 00:30:05", row[0]); // 15:30 UTC is half past midnight in Japan
        Assert.Equal("テスト市 " + w.A, row[1]);
        Assert.Equal("公開", row[2]);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\")", row[3]); // a formula reaches the spreadsheet as text
        Assert.Equal("192.0.2.10", row[4]);
        Assert.Equal("ページ: 表,カンマ\"引用\"", row[5]);
        Assert.Equal("改行を\n含む内容", row[6]);

        // Without filters: the header and every entry of the site, newest first.
        var (_, all) = await CsvAsync(w.AdminA, $"/{w.A}/admin/audit.csv");
        var expected = await w.App.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.TenantId == aId));
        Assert.Equal(expected + 1, all.Count);
        Assert.Equal("改行を\n含む内容", all[^1][6]);
    }

    [Fact]
    public async Task Filters_select_by_japan_date_action_actor_and_target_and_pages_run_newest_first()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var a = $"/{w.A}";
        var aId = await AuditRecordingTests.TenantIdAsync(w.App, w.A);
        await SeedAsync(w.App,
            Entry(aId, new DateTime(2025, 3, 31, 14, 59, 59), AuditAction.Approve, "承認 太郎", "予算のページ", "before-april"),
            Entry(aId, new DateTime(2025, 3, 31, 15, 0, 0), AuditAction.Approve, "承認 太郎", "予算のページ", "first-of-april"),
            Entry(aId, new DateTime(2025, 4, 30, 14, 59, 0), AuditAction.Remand, "承認 花子", "決算のページ", "end-of-april"),
            Entry(aId, new DateTime(2025, 4, 30, 15, 0, 0), AuditAction.Approve, "承認 花子", "決算のページ", "first-of-may"));

        var april = await TableAsync(w.AdminA, $"{a}/admin/audit?from=2025-04-01&to=2025-04-30");
        Assert.Contains("first-of-april", april);
        Assert.Contains("end-of-april", april);
        Assert.DoesNotContain("before-april", april);
        Assert.DoesNotContain("first-of-may", april);
        Assert.Contains("令和7年4月1日 00:00:00", april);
        Assert.Contains("2 件", april);

        var approvals = await TableAsync(w.AdminA, $"{a}/admin/audit?action=Approve&actor=花子");
        Assert.Contains("first-of-may", approvals);
        Assert.Contains("1 件", approvals);
        var budget = await TableAsync(w.AdminA, $"{a}/admin/audit?target=予算");
        Assert.Contains("before-april", budget);
        Assert.Contains("first-of-april", budget);
        Assert.DoesNotContain("end-of-april", budget);
        var (_, csv) = await CsvAsync(w.AdminA, $"{a}/admin/audit.csv?from=2025-04-01&to=2025-04-30");
        Assert.Equal(["end-of-april", "first-of-april"], csv.Skip(1).Select(r => r[6]));

        // 25 more: 20 on the first page, newest first, 5 on the second; the filter stays in the page links.
        var start = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        await SeedAsync(w.App, Enumerable.Range(1, 25).Select(i => Entry(aId, start.AddMinutes(i), AuditAction.Publish, "公開 係", "ページ" + i, $"publish-{i:00}")).ToArray());
        var first = await (await w.AdminA.GetAsync($"{a}/admin/audit?action=Publish")).DocumentAsync();
        var firstRows = first.QuerySelectorAll("tbody tr").Select(tr => tr.Children[^1].TextContent).ToList();
        Assert.Equal(20, firstRows.Count);
        Assert.Equal("publish-25", firstRows[0]);
        Assert.Equal("publish-06", firstRows[^1]);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("action=Publish", next);
        var second = await (await w.AdminA.GetAsync(next)).DocumentAsync();
        Assert.Equal(["publish-05", "publish-04", "publish-03", "publish-02", "publish-01"], second.QuerySelectorAll("tbody tr").Select(tr => tr.Children[^1].TextContent));
        Assert.Contains("action=Publish", first.QuerySelector("a[href*='audit.csv']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_naming_the_field_on_the_page_and_for_the_csv()
    {
        var w = await BuildAsync();
        await using var _ = w.App;
        var a = $"/{w.A}";

        var badFrom = await w.AdminA.GetAsync($"{a}/admin/audit?from=2025/04/01");
        Assert.Equal(HttpStatusCode.BadRequest, badFrom.StatusCode);
        var doc = await badFrom.DocumentAsync();
        Assert.Contains("期間の開始日は 2025-04-01 の形式で", doc.QuerySelector("#error-from")!.TextContent);
        Assert.Equal("true", doc.QuerySelector("#field-from")!.GetAttribute("aria-invalid"));
        Assert.Equal("2025/04/01", doc.QuerySelector("#field-from")!.GetAttribute("value"));
        Assert.StartsWith("エラー:", doc.Title);
        Assert.Null(doc.QuerySelector("table")); // nothing listed under a filter that was not understood

        var reversed = await w.AdminA.GetAsync($"{a}/admin/audit?from=2025-05-01&to=2025-04-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("期間の終了日は開始日と同じか後の日付", (await reversed.DocumentAsync()).QuerySelector("#error-to")!.TextContent);

        var badAction = await w.AdminA.GetAsync($"{a}/admin/audit?action=Drop");
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
        Assert.Contains("操作", (await badAction.DocumentAsync()).QuerySelector("#error-action")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.AdminA.GetAsync($"{a}/admin/audit?action=3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await w.AdminA.GetAsync($"{a}/admin/audit?from=0001-01-01")).StatusCode);

        var badCsv = await w.AdminA.GetAsync($"{a}/admin/audit.csv?to=31-04-2025");
        Assert.Equal(HttpStatusCode.BadRequest, badCsv.StatusCode);
        Assert.Contains("期間の終了日は 2025-04-01 の形式で", (await badCsv.DocumentAsync()).Body!.TextContent);
    }

    [Fact]
    public async Task The_admin_menu_offers_the_log_to_those_who_may_read_it()
    {
        var w = await BuildAsync();
        await using var _ = w.App;

        async Task<bool> InMenu(HttpClient client, string url) =>
            (await (await client.GetAsync(url)).DocumentAsync()).QuerySelectorAll("nav[aria-label=管理メニュー] a").Any(l => l.TextContent == "監査ログ");

        Assert.True(await InMenu(w.AdminA, $"/{w.A}/admin"));
        Assert.True(await InMenu(w.Secretariat, "/admin"));
        Assert.False(await InMenu(w.EditorA, $"/{w.A}/admin"));
        var current = await (await w.AdminA.GetAsync($"/{w.A}/admin/audit")).DocumentAsync();
        Assert.Equal("page", current.QuerySelector($"nav[aria-label=管理メニュー] a[href='/{w.A}/admin/audit']")!.GetAttribute("aria-current"));
        var table = current.QuerySelector("table")!;
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.All(current.QuerySelectorAll("form.toolbar input:not([type=hidden]), form.toolbar select"),
            input => Assert.NotNull(current.QuerySelector($"label[for='{input.Id}']")));
    }
}

public sealed class AuditViewerTests_Sqlite() : AuditViewerTests(DatabaseProvider.Sqlite);

public sealed class AuditViewerTests_PostgreSql() : AuditViewerTests(DatabaseProvider.PostgreSql);
