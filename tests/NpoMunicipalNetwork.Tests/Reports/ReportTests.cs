using NpoMunicipalNetwork.Reports;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using Microsoft.Extensions.DependencyInjection;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tests.Cases;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Reports;

/// <summary>Policy reports from the editor's form to the member site and the hub, over HTTP.</summary>
public abstract class ReportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private Task<TestApp> StartUncachedAsync() => StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });

    private static List<KeyValuePair<string, string>> Form(int? unit, string title, params (string Key, string Value)[] changes)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("title", title), new("fiscalYear", "2023"), new("authors", "山田太郎 | NPO政策研究会\n佐藤花子"),
            new("summary", $"{title}の概要。協働の実態を調べた。"), new("toc", "第1章 調査の目的\n  1.1 背景\n第2章 結果"),
            new("body", ""), new("topics", "childcare"), new("relatedCases", ""), new("owner", unit?.ToString() ?? ""), new("action", "publish"),
        };
        foreach (var (key, value) in changes)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.Add(new(key, value));
        }
        return fields;
    }

    private static async Task<int> CreateAsync(HttpClient editor, string prefix, List<KeyValuePair<string, string>> form, params (string Field, string FileName, byte[] Content)[] files)
    {
        var response = await CaseTestSite.SubmitMultipartAsync(editor, $"{prefix}/admin/reports/new", $"{prefix}/admin/reports", form, files);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task<HttpClient> SecretariatAsync(TestApp app)
    {
        await app.PublishWithoutApprovalAsync("hub");
        await app.CreateUserAsync("hub", "secretariat@example.jp", [Roles.NetworkAdministrator]);
        return await app.SignedInAsync("secretariat@example.jp");
    }

    [Fact]
    public async Task Published_reports_are_listed_on_the_hub_and_their_own_site_and_drafts_never()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var caseId = await s.CreateCaseAsync(s.A, "協働窓口の事例");
        var ofA = await CreateAsync(s.EditorA, $"/{s.A}", Form(s.UnitA, "A市の協働実態調査", ("relatedCases", caseId.ToString())));
        var draft = await CreateAsync(s.EditorA, $"/{s.A}", Form(s.UnitA, "A市の下書き報告書", ("action", "save")));
        var secretariat = await SecretariatAsync(app);
        var ofHub = await CreateAsync(secretariat, "", Form(null, "ネットワーク共同研究報告書", ("fiscalYear", "2024"), ("topics", "welfare")));

        var (hubList, hub) = await app.GetPageAsync("/reports");
        Assert.Equal(HttpStatusCode.OK, hubList.StatusCode);
        var titles = hub.QuerySelectorAll("main .case-card__title a").Select(a => a.TextContent).ToList();
        Assert.Equal(["ネットワーク共同研究報告書", "A市の協働実態調査"], titles); // newest fiscal year first
        Assert.Equal(["2024年度 (令和6年度)", "2023年度 (令和5年度)"], hub.QuerySelectorAll("main section > h2").Select(h => h.TextContent));
        Assert.Contains(hub.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/reports/{ofA}");

        var (_, siteA) = await app.GetPageAsync($"/{s.A}/reports");
        Assert.Equal(["A市の協働実態調査"], siteA.QuerySelectorAll("main .case-card__title a").Select(a => a.TextContent));
        var (_, siteB) = await app.GetPageAsync($"/{s.B}/reports");
        Assert.Empty(siteB.QuerySelectorAll("main .case-card"));

        foreach (var url in new[] { $"/reports/{draft}", $"/{s.A}/reports/{draft}", $"/{s.B}/reports/{ofA}", $"/{s.A}/reports/{ofHub}" })
            Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync(url)).Response.StatusCode);

        // The reading page, on the hub and on the member site.
        foreach (var url in new[] { $"/reports/{ofA}", $"/{s.A}/reports/{ofA}" })
        {
            var (page, doc) = await app.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("A市の協働実態調査", doc.QuerySelector("main h1")!.TextContent);
            Assert.Equal(["第1章 調査の目的", "1.1 背景", "第2章 結果"], doc.QuerySelectorAll(".report-contents li").Select(l => l.TextContent));
            Assert.Single(doc.QuerySelectorAll(".report-contents li.report-contents__section"));
            Assert.Equal(["山田太郎（NPO政策研究会）", "佐藤花子"], doc.QuerySelectorAll(".report-authors li").Select(l => l.TextContent));
            Assert.Equal($"/cases/{caseId}", doc.QuerySelector(".report-cases a")!.GetAttribute("href"));
            Assert.Contains("2023年度", doc.QuerySelector(".definition")!.TextContent);
        }

        // Closed (公開終了) → gone from lists and its page.
        await app.InTenantAsync(s.A, async db => { var r = await db.Reports.SingleAsync(x => x.Id == ofA); r.IsPublished = false; await db.SaveChangesAsync(); });
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/reports/{ofA}")).Response.StatusCode);
        Assert.DoesNotContain("A市の協働実態調査", (await app.GetPageAsync("/reports")).Document.Body!.TextContent);
        Assert.DoesNotContain("A市の下書き報告書", (await app.GetPageAsync("/reports")).Document.Body!.TextContent);
    }

    [Fact]
    public async Task Lists_filter_by_topic_and_fiscal_year_and_refuse_unknown_values_in_Japanese()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        await CreateAsync(s.EditorA, $"/{s.A}", Form(s.UnitA, "子育て2023"));
        await CreateAsync(s.EditorA, $"/{s.A}", Form(s.UnitA, "福祉2021", ("fiscalYear", "2021"), ("topics", "welfare")));
        await CreateAsync(s.EditorB, $"/{s.B}", Form(s.UnitB, "B市の福祉2023", ("topics", "welfare")));

        async Task<List<string>> Titles(string url) => (await app.GetPageAsync(url)).Document.QuerySelectorAll("main .case-card__title a").Select(a => a.TextContent).OrderBy(t => t).ToList();
        Assert.Equal(["B市の福祉2023", "福祉2021"], await Titles("/reports?topic=welfare"));
        Assert.Equal(["B市の福祉2023", "子育て2023"], await Titles("/reports?year=2023"));
        Assert.Equal(["B市の福祉2023"], await Titles("/reports?year=2023&topic=welfare"));
        Assert.Equal(["福祉2021"], await Titles($"/{s.A}/reports?topic=welfare"));
        var (_, filtered) = await app.GetPageAsync("/reports?topic=welfare");
        Assert.NotNull(filtered.QuerySelector("#f-topic option[value=welfare][selected]"));

        var (badTopic, doc) = await app.GetPageAsync("/reports?topic=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, badTopic.StatusCode);
        Assert.Contains("テーマ「<script>」はありません", doc.QuerySelector(".error-summary")!.TextContent);
        var (badYear, yearDoc) = await app.GetPageAsync("/reports?year=R5");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("年度「R5」は西暦4桁", yearDoc.QuerySelector(".error-summary")!.TextContent);
    }

    [Fact]
    public async Task Bad_input_is_named_per_field_and_nothing_is_written()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var draftCase = await s.CreateCaseAsync(s.B, "B市の下書き事例", ("action", "save"));
        var response = await CaseTestSite.SubmitMultipartAsync(s.EditorA, $"/{s.A}/admin/reports/new", $"/{s.A}/admin/reports",
            Form(s.UnitA, "", ("fiscalYear", "令和5"), ("topics", "no-such-topic"), ("relatedCases", $"{draftCase}, abc"), ("authors", "")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.DocumentAsync();
        string Error(string field) => doc.QuerySelector($"#error-{field}")?.TextContent ?? "";
        Assert.Contains("題名を入力してください", Error("title"));
        Assert.Contains("年度は西暦4桁", Error("fiscalYear"));
        Assert.Contains("テーマ「no-such-topic」は政策分野にありません", Error("topics"));
        Assert.Contains("「abc」は番号ではありません", Error("relatedCases"));
        Assert.Contains("執筆者・団体を入力してください", Error("authors"));
        Assert.NotNull(doc.QuerySelector(".error-summary a[href='#field-title']"));
        // Another member's draft case cannot be cited either.
        var cite = await CaseTestSite.SubmitMultipartAsync(s.EditorA, $"/{s.A}/admin/reports/new", $"/{s.A}/admin/reports",
            Form(s.UnitA, "下書き事例を引く報告書", ("relatedCases", draftCase.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, cite.StatusCode);
        Assert.Contains($"事例番号 {draftCase} の公開中の事例はありません", (await cite.DocumentAsync()).QuerySelector("#error-relatedCases")!.TextContent);
        Assert.Equal(0, await app.InTenantAsync(s.A, db => db.Reports.CountAsync()));
        Assert.Equal(0, await app.InTenantAsync(s.A, db => db.ContentRevisions.CountAsync(r => r.ContentType == "Report")));
    }

    [Fact]
    public async Task Pdfs_are_checked_on_their_bytes_and_served_only_while_the_report_is_published()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var id = await CreateAsync(s.EditorA, $"/{s.A}", Form(s.UnitA, "PDFつき報告書", ("newFileTitle", "本編")), ("newFile", "honpen.pdf", Pdf));
        var (_, doc) = await app.GetPageAsync($"/reports/{id}");
        var href = doc.QuerySelectorAll("main a").First(a => a.TextContent.Contains("本編")).GetAttribute("href")!;
        var file = await app.CreateClient().GetAsync(href);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
        var fileId = await app.InTenantAsync(s.A, db => db.Reports.Where(r => r.Id == id).SelectMany(r => r.Files).Select(f => f.StoredFileId).SingleAsync());
        // A member site other than the owner's does not serve it.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/{s.B}/reports/{id}/files/{fileId}")).StatusCode);

        // An image is fine for cases but not for a report: PDF only, checked on the bytes.
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        var bad = await CaseTestSite.SubmitMultipartAsync(s.EditorA, $"/{s.A}/admin/reports/new", $"/{s.A}/admin/reports",
            Form(s.UnitA, "画像の報告書"), ("newFile", "figure.pdf", png));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("PDF のいずれでもありません", (await bad.DocumentAsync()).QuerySelector("#error-newFile")!.TextContent);
        Assert.False(await app.InTenantAsync(s.A, db => db.Reports.AnyAsync(r => r.Title == "画像の報告書")));

        await app.InTenantAsync(s.A, async db => { var r = await db.Reports.SingleAsync(x => x.Id == id); r.IsPublished = false; await db.SaveChangesAsync(); });
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(href)).StatusCode);
    }

    [Fact]
    public async Task An_editor_of_another_site_can_neither_read_nor_change_a_report_nor_attach_its_files()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var id = await CreateAsync(s.EditorA, $"/{s.A}", Form(s.UnitA, "A市の下書き", ("action", "save"), ("newFileTitle", "内部資料")), ("newFile", "naibu.pdf", Pdf));
        var fileId = await app.InTenantAsync(s.A, db => db.ContentRevisions.Where(r => r.ContentType == "Report" && r.ContentId == id).Select(r => r.PayloadJson).SingleAsync());
        var storedId = System.Text.Json.JsonDocument.Parse(fileId!).RootElement.GetProperty("files")[0].GetProperty("storedFileId").GetInt32();
        var version = await app.InTenantAsync(s.A, db => db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await s.EditorB.GetAsync($"/{s.B}/admin/reports/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.EditorB.GetAsync($"/{s.B}/admin/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.EditorB.GetAsync($"/{s.B}/admin/reports/{id}/files/{storedId}")).StatusCode);
        var post = await s.EditorB.SubmitAsync($"/{s.B}/admin/reports/new", $"/{s.B}/admin/reports/{id}", Form(s.UnitB, "乗っ取り", ("version", version.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.EditorB.SubmitAsync($"/{s.B}/admin/reports/new", $"/{s.B}/admin/reports/{id}/delete")).StatusCode);
        var direct = await s.EditorB.GetAsync($"/{s.A}/admin/reports/{id}/edit");
        Assert.True(direct.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, direct.StatusCode.ToString());

        // Naming A's file in B's own form attaches nothing: only files already on the report (or uploaded now) count.
        var own = await CreateAsync(s.EditorB, $"/{s.B}", Form(s.UnitB, "B市の報告書", ("fileTitle-" + storedId, "盗んだ資料"), ("removeFile", "0")));
        Assert.Empty(await app.InTenantAsync(s.B, db => db.Reports.Where(r => r.Id == own).SelectMany(r => r.Files).ToListAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/{s.B}/reports/{own}/files/{storedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/reports/{own}/files/{storedId}")).StatusCode);

        Assert.Equal("A市の下書き", await app.InTenantAsync(s.A, db => db.Reports.Where(r => r.Id == id).Select(r => r.Title).SingleAsync()));
        Assert.Equal(1, await app.InTenantAsync(s.A, db => db.ContentRevisions.CountAsync(r => r.ContentType == "Report" && r.ContentId == id)));
    }

    [Fact]
    public async Task A_report_goes_through_approval_and_the_hub_home_can_feature_the_newest()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app, approvalA: true);
        var id = await CreateAsync(s.EditorA, $"/{s.A}", Form(s.UnitA, "承認を経る報告書", ("action", "save")));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/reports/{id}")).Response.StatusCode);
        Assert.Null(await app.InTenantAsync(null, db => NpoMunicipalNetwork.Reports.PublishedReports.FeaturedForHubAsync(db, default)));

        // The shared workflow screens serve reports: the status page names the report and its history.
        var status = await s.EditorA.GetAsync($"/{s.A}/admin/reports/{id}");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("承認を経る報告書", (await status.DocumentAsync()).QuerySelector("main")!.TextContent);

        // Approval itself is the shared engine's (tested with pages and cases); here it is completed through the workflow.
        await app.InTenantAsync(s.A, async db =>
        {
            using var scope = app.Services.CreateScope();
            var workflow = new NpoMunicipalNetwork.Reports.ReportWorkflow(db, TimeProvider.System,
                scope.ServiceProvider.GetRequiredService<NpoMunicipalNetwork.Publishing.ApprovalEngine>(),
                scope.ServiceProvider.GetRequiredService<NpoMunicipalNetwork.Publishing.Checks.ContentCheckerProvider>());
            var report = await NpoMunicipalNetwork.Reports.ReportWorkflow.WithChildren(db.Reports).SingleAsync(r => r.Id == id);
            await workflow.PublishDirectlyAsync(report, default);
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/reports/{id}")).Response.StatusCode);
        var featured = await app.InTenantAsync(null, db => NpoMunicipalNetwork.Reports.PublishedReports.FeaturedForHubAsync(db, default));
        Assert.Equal(id, featured!.Id);
        Assert.Equal($"/{s.A}/reports/{id}", featured.SitePath);

        // The secretariat's own report is preferred once there is one.
        var secretariat = await SecretariatAsync(app);
        var hubReport = await CreateAsync(secretariat, "", Form(null, "事務局の報告書", ("fiscalYear", "2020")));
        Assert.Equal(hubReport, (await app.InTenantAsync(null, db => NpoMunicipalNetwork.Reports.PublishedReports.FeaturedForHubAsync(db, default)))!.Id);
    }
}

public sealed class ReportTests_Sqlite() : ReportTests(DatabaseProvider.Sqlite);

public sealed class ReportTests_PostgreSql() : ReportTests(DatabaseProvider.PostgreSql);
