using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Cases.Exchange;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.OpenData;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.OpenData;

/// <summary>The open-data ZIP: its files, formats, codebook and licence, public data only, built by the secretariat, served with validators.</summary>
public abstract class OpenDataBundleTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly string[] Datasets =
        ["governments", "members", "sites", "cases", "case-vocabulary", "forums", "forum-sessions", "forum-materials", "reports", "news"];

    [Fact]
    public async Task The_bundle_holds_every_dataset_as_csv_and_json_with_a_codebook_and_readme()
    {
        await using var app = await StartAsync();
        var w = await OpenDataWorld.BuildAsync(app);
        await w.BuildBundleAsync();
        var bundle = await w.DownloadAsync();

        var expected = Datasets.SelectMany(d => new[] { d + ".csv", d + ".json" }).Concat(["README.md", "LICENSE.txt", "codebook.md", "codebook.json"]);
        Assert.Equal(expected.Order(), bundle.Entries.Keys.Order());

        // Every file is documented, and the codebook's columns are exactly the CSV header and the JSON keys.
        var codebook = bundle.Json("codebook.json");
        Assert.Equal("CC BY 4.0", codebook.GetProperty("licence").GetProperty("name").GetString());
        foreach (var file in codebook.GetProperty("files").EnumerateArray())
        {
            var name = file.GetProperty("name").GetString()!;
            var columns = file.GetProperty("columns").EnumerateArray().ToList();
            var csv = bundle.Csv(name + ".csv");
            Assert.Equal(columns.Select(c => c.GetProperty("label").GetString()), csv[0]);
            Assert.Equal(file.GetProperty("rows").GetInt32(), csv.Count - 1);
            var items = bundle.Items(name + ".json");
            Assert.Equal(csv.Count - 1, items.Count);
            var keys = columns.Select(c => c.GetProperty("key").GetString()!).ToHashSet();
            foreach (var item in items)
                Assert.Subset(keys, item.EnumerateObject().Select(p => p.Name).ToHashSet());
            Assert.All(columns, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("meaning").GetString())));
            Assert.Contains($"## {name}.csv", bundle.Text("codebook.md"));
        }
        Assert.Equal(Datasets.Order(), codebook.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order());

        // CSV: CRLF line ends, the case export's columns, formula-looking text neutralised.
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bundle.Entries["cases.csv"]));
        var cases = bundle.Csv("cases.csv");
        Assert.Equal(CaseColumns.Labels, cases[0]);
        var row = cases.Single(r => r[0] == w.PublishedCase.ToString());
        Assert.Equal("'=HYPERLINK(\"x\") に見える概要", row[CaseColumns.All.ToList().IndexOf(CaseColumns.Summary)]);
        Assert.Equal("410004", row[CaseColumns.All.ToList().IndexOf(CaseColumns.MemberCode)]);
        var json = bundle.Items("cases.json").Single(i => i.GetProperty("id").GetInt32() == w.PublishedCase);
        Assert.Equal("=HYPERLINK(\"x\") に見える概要", json.GetProperty("summary").GetString()); // JSON is data, not a spreadsheet
        Assert.Equal("collaboration", json.GetProperty("relationshipType").GetString());

        // Registry and vocabulary are whole; the forum programme names its speakers.
        Assert.Equal(await app.InTenantAsync(null, db => db.Governments.CountAsync()), bundle.Items("governments.json").Count);
        Assert.Contains(bundle.Items("case-vocabulary.json"), t => t.GetProperty("kind").GetString() == "field" && t.GetProperty("code").GetString() == "welfare");
        var session = bundle.Items("forum-sessions.json").First(s => s.GetProperty("title").GetString() == "全体会テスト");
        Assert.Equal("試験 一郎", session.GetProperty("speakers")[0].GetProperty("name").GetString());
        Assert.Contains("試験 一郎|テスト市|基調講演", bundle.Csv("forum-sessions.csv").Single(r => r[3] == "全体会テスト"));

        var readme = bundle.Text("README.md");
        Assert.Contains("CC BY 4.0", readme);
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/", readme);
        Assert.Matches(@"作成日時: 令和\d+年\d+月\d+日", readme);
        Assert.Contains("CC BY 4.0", bundle.Text("LICENSE.txt"));
    }

    [Fact]
    public async Task Only_public_data_goes_into_the_bundle()
    {
        await using var app = await StartAsync();
        var w = await OpenDataWorld.BuildAsync(app);
        await w.BuildBundleAsync();
        var bundle = await w.DownloadAsync();

        var caseTitles = bundle.Items("cases.json").Select(c => c.GetProperty("title").GetString()).ToList();
        Assert.Contains(OpenDataWorld.PublishedTitle, caseTitles);
        Assert.DoesNotContain(OpenDataWorld.DraftTitle, caseTitles);
        Assert.DoesNotContain(OpenDataWorld.ClosedTitle, caseTitles);
        Assert.DoesNotContain(OpenDataWorld.DisabledSiteTitle, caseTitles);
        Assert.Equal(await app.InTenantAsync(null, db => NpoMunicipalNetwork.Cases.PublishedCases.All(db).CountAsync()), caseTitles.Count);

        var materials = bundle.Items("forum-materials.json").Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.Contains(OpenDataWorld.PublicMaterial, materials);
        Assert.DoesNotContain(OpenDataWorld.MemberMaterial, materials);
        Assert.Contains(bundle.Items("news.json"), n => n.GetProperty("title").GetString() == OpenDataWorld.PublishedNews);
        Assert.Contains(bundle.Items("reports.json"), n => n.GetProperty("title").GetString() == OpenDataWorld.PublishedReport);

        // Not even a title of a hidden item leaks, in any file.
        foreach (var (name, bytes) in bundle.Entries)
            foreach (var hidden in new[] { OpenDataWorld.DraftTitle, OpenDataWorld.ClosedTitle, OpenDataWorld.DisabledSiteTitle, OpenDataWorld.MemberMaterial,
                         "members.pdf", OpenDataWorld.DraftNews, OpenDataWorld.DraftReport })
                Assert.False(Encoding.UTF8.GetString(bytes).Contains(hidden), $"{hidden} in {name}");
        Assert.DoesNotContain(bundle.Items("sites.json"), s => s.GetProperty("displayName").GetString() == "停止市");
        // Registrations are personal data: no file carries an e-mail address of a registrant or staff account.
        Assert.DoesNotContain("secretariat@example.jp", string.Join("", bundle.Entries.Values.Select(Encoding.UTF8.GetString)));
    }

    [Fact]
    public async Task Only_the_secretariat_builds_on_demand_and_the_build_is_audited()
    {
        await using var app = await StartAsync();
        var w = await OpenDataWorld.BuildAsync(app);
        await app.CreateUserAsync("saga", "admin@saga.example.jp", [Roles.SiteAdministrator]);
        var siteAdmin = await app.SignedInAsync("admin@saga.example.jp", "/saga");

        Assert.Equal(HttpStatusCode.Forbidden, (await siteAdmin.GetAsync("/saga/admin/opendata")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await siteAdmin.SubmitAsync("/saga/admin/webhooks", "/saga/admin/opendata/build")).StatusCode);
        var anonymous = await app.Browser().PostAsync("/admin/opendata/build", new FormUrlEncodedContent([]));
        Assert.DoesNotContain("built=1", anonymous.Headers.Location?.OriginalString ?? "");
        Assert.Equal(0, await app.InTenantAsync(null, db => db.OpenDataBundles.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientFor().GetAsync("/opendata/latest.zip")).StatusCode);

        var page = await (await w.Secretariat.GetAsync("/admin/opendata")).DocumentAsync();
        Assert.Contains("まだ作成していません", page.QuerySelector("main")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/admin/opendata");
        await w.BuildBundleAsync();

        var bundle = await app.InTenantAsync(null, db => db.OpenDataBundles.SingleAsync());
        Assert.Equal(OpenDataTrigger.Manual, bundle.Trigger);
        Assert.Equal("secretariat", bundle.BuiltByName);
        var entry = await app.InTenantAsync(null, db => db.AuditEntries.IgnoreQueryFilters().SingleAsync(a => a.TargetType == AuditTargetTypes.OpenData));
        Assert.Null(entry.TenantId);
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal("secretariat", entry.ActorName);
        var after = await (await w.Secretariat.GetAsync("/admin/opendata?built=1")).DocumentAsync();
        Assert.Contains("オープンデータを作成しました", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("手動（secretariat）", after.QuerySelector("main table")!.TextContent);
    }

    [Fact]
    public async Task The_download_carries_validators_and_answers_not_modified_and_the_page_describes_it()
    {
        await using var app = await StartAsync();
        var w = await OpenDataWorld.BuildAsync(app);
        var (before, empty) = await app.GetPageAsync("/opendata");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains("まだ作成されていません", empty.QuerySelector("main")!.TextContent);
        await w.BuildBundleAsync();

        var client = app.CreateClientFor();
        var first = await client.GetAsync("/opendata/latest.zip");
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;
        var length = (await first.Content.ReadAsByteArrayAsync()).Length;
        Assert.Contains("npo-opendata-", first.Content.Headers.ContentDisposition!.ToString());
        var again = new HttpRequestMessage(HttpMethod.Get, "/opendata/latest.zip");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        var since = new HttpRequestMessage(HttpMethod.Get, "/opendata/latest.zip");
        since.Headers.IfModifiedSince = modified;
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(since)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Get, "/opendata/latest.zip");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"old\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);

        var (response, doc) = await app.GetPageAsync("/opendata");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ja", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("オープンデータ", doc.QuerySelector("h1")!.TextContent);
        var download = doc.QuerySelector("a[href='/opendata/latest.zip']")!;
        Assert.Contains("KB", download.TextContent);
        var licence = doc.QuerySelector("a[rel=license]")!;
        Assert.Equal("CC BY 4.0", licence.TextContent);
        Assert.Equal(OpenDataOptions.DefaultLicenceUrl, licence.GetAttribute("href"));
        Assert.Matches(@"令和\d+年", doc.QuerySelector("main table")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll("main table tbody tr"), tr => tr.TextContent.Contains("cases.csv") && tr.TextContent.Contains("政策事例"));
        Assert.All(doc.QuerySelectorAll("main table"), t => Assert.NotNull(t.QuerySelector("caption")));
        Assert.True(length > 1000);

        // Hub only: a member site has no open-data page.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClientFor().GetAsync("/saga/opendata")).StatusCode);
    }

    [Fact]
    public async Task The_licence_setting_is_named_in_the_bundle_and_on_the_page()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?>
        {
            ["OpenData:Licence"] = "CC0 1.0", ["OpenData:LicenceUrl"] = "https://creativecommons.org/publicdomain/zero/1.0/deed.ja",
        });
        var w = await OpenDataWorld.BuildAsync(app);
        await w.BuildBundleAsync();
        var bundle = await w.DownloadAsync();

        Assert.Contains("「CC0 1.0」", bundle.Text("README.md"));
        Assert.Contains("https://creativecommons.org/publicdomain/zero/1.0/deed.ja", bundle.Text("LICENSE.txt"));
        Assert.DoesNotContain("CC BY", bundle.Text("README.md"));
        Assert.Equal("CC0 1.0", bundle.Json("cases.json").GetProperty("licence").GetProperty("name").GetString());
        var (_, doc) = await app.GetPageAsync("/opendata");
        Assert.Equal("CC0 1.0", doc.QuerySelector("a[rel=license]")!.TextContent);
    }

    [Fact]
    public async Task The_daily_build_runs_when_due_and_keeps_only_the_newest_bundles()
    {
        await using var app = await StartAsync(settings: new Dictionary<string, string?> { ["OpenData:Keep"] = "2" });
        var scheduler = app.Services.GetRequiredService<OpenDataScheduler>();

        Assert.True(await scheduler.RunIfDueAsync(DateTime.MinValue, default)); // none yet: builds
        Assert.False(await scheduler.RunIfDueAsync(DateTime.MinValue, default)); // one exists
        Assert.True(await scheduler.RunIfDueAsync(DateTime.UtcNow.AddMinutes(1), default)); // today's time passed with no newer bundle
        Assert.True(await scheduler.RunIfDueAsync(DateTime.UtcNow.AddMinutes(2), default));
        var kept = await app.InTenantAsync(null, db => db.OpenDataBundles.Select(b => new { b.Trigger, b.BuiltByName }).ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.All(kept, b => Assert.Equal(OpenDataTrigger.Scheduled, b.Trigger));

        // 04:00 in Japan is 19:00 UTC the day before.
        var at = new TimeOnly(4, 0);
        Assert.Equal(new DateTime(2026, 11, 29, 19, 0, 0, DateTimeKind.Utc), OpenDataScheduler.NextRunUtc(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), at));
        Assert.Equal(new DateTime(2026, 11, 30, 19, 0, 0, DateTimeKind.Utc), OpenDataScheduler.NextRunUtc(new DateTime(2026, 11, 29, 19, 0, 0, DateTimeKind.Utc), at));
    }
}

public sealed class OpenDataBundleTests_Sqlite() : OpenDataBundleTests(DatabaseProvider.Sqlite);

public sealed class OpenDataBundleTests_PostgreSql() : OpenDataBundleTests(DatabaseProvider.PostgreSql);
