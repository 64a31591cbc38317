using NpoMunicipalNetwork.Cases;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Cases;

/// <summary>Policy cases from the editor's form to the member site and the hub, over HTTP.</summary>
public abstract class CaseEditingTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<TestApp> StartUncachedAsync() => StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" });

    [Fact]
    public async Task A_published_case_appears_on_its_member_site_and_in_the_hub_database_from_the_same_row()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var id = await s.CreateCaseAsync(s.A, "子育て支援の協働窓口");

        var (memberPage, doc) = await app.GetPageAsync($"/{s.A}/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, memberPage.StatusCode);
        Assert.Equal("子育て支援の協働窓口", doc.QuerySelector("main h1")!.TextContent);
        var facts = doc.QuerySelector(".definition")!.TextContent;
        Assert.Contains("2006年度（平成18年度）〜継続中", facts);
        Assert.Contains("協働（コラボレーション）", facts);
        Assert.Contains("子育て", facts);
        Assert.Contains("補助金", facts);
        Assert.Equal(["背景・課題", "取組内容"], doc.QuerySelectorAll("main section h2[id^=section-]").Select(h => h.TextContent));
        Assert.Contains("2,700,000円", doc.QuerySelector("tfoot")!.TextContent);
        Assert.Contains("市民協働課", doc.QuerySelector(".contact")!.TextContent);

        var (hubPage, hubDoc) = await app.GetPageAsync($"/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, hubPage.StatusCode);
        Assert.Equal("子育て支援の協働窓口", hubDoc.QuerySelector("main h1")!.TextContent);
        Assert.Contains("市民協働課", hubDoc.QuerySelector(".contact")!.TextContent); // the member's unit, read for the hub
        Assert.Contains(hubDoc.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/{s.A}/cases/{id}");
        // One address for search engines and shares: the member's page, from both copies.
        Assert.Equal($"http://localhost/{s.A}/cases/{id}", hubDoc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"http://localhost/{s.A}/cases/{id}", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("子育て支援の協働窓口", hubDoc.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));

        var (_, list) = await app.GetPageAsync($"/{s.A}/cases");
        Assert.Contains(list.QuerySelectorAll(".case-card a"), a => a.GetAttribute("href") == $"/{s.A}/cases/{id}");
        // Another member's site does not show it.
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{s.B}/cases/{id}")).Response.StatusCode);
    }

    [Fact]
    public async Task A_staged_edit_and_a_draft_are_never_public()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var draft = await s.CreateCaseAsync(s.A, "下書きの事例", ("action", "save"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/{s.A}/cases/{draft}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/cases/{draft}")).Response.StatusCode);
        Assert.DoesNotContain("下書きの事例", (await app.GetPageAsync($"/{s.A}/cases")).Document.Body!.TextContent);

        var live = await s.CreateCaseAsync(s.A, "公開中の事例");
        var version = await app.InTenantAsync(s.A, db => db.PolicyCases.Where(c => c.Id == live).Select(c => c.Version).SingleAsync());
        var edit = await s.EditorA.SubmitAsync($"/{s.A}/admin/cases/{live}/edit", $"/{s.A}/admin/cases/{live}",
            CaseTestSite.Form(s.UnitA, "差し替え中の題名", ("action", "save"), ("version", version.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var (_, doc) = await app.GetPageAsync($"/cases/{live}");
        Assert.Equal("公開中の事例", doc.QuerySelector("main h1")!.TextContent);
        var state = await app.InTenantAsync(s.A, db => db.PolicyCases.Where(c => c.Id == live).Select(c => c.WorkflowState).SingleAsync());
        Assert.Equal(WorkflowState.Draft, state);
    }

    [Fact]
    public async Task Bad_input_is_named_per_field_in_Japanese_and_nothing_is_written()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var before = await app.InTenantAsync(s.A, db => db.PolicyCases.CountAsync());
        var response = await s.CreateAsync(s.EditorA, s.A, CaseTestSite.Form(s.UnitA, "",
            ("summary", new string('あ', 301)), ("relationshipType", "support"), ("methods", "project-cooperation"),
            ("budgets", "2006: -5"), ("partners", "法人A | 1234567890123"), ("links", "リンク | javascript:alert(1)"),
            ("startFiscalYear", "二〇〇六"), ("adaptedFrom", "999999")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.DocumentAsync();
        string Error(string field) => doc.QuerySelector($"#error-{field}")?.TextContent ?? "";
        Assert.Contains("事例名を入力してください", Error("title"));
        Assert.Contains("概要は300文字以内", Error("summary"));
        Assert.Contains("開始年度は西暦4桁", Error("startFiscalYear"));
        Assert.Contains("手法「事業協力」は関係区分「支援」では使えません", Error("methods"));
        Assert.Contains("予算額がマイナス", Error("budgets"));
        Assert.Contains("法人番号「1234567890123」が正しくありません", Error("partners"));
        Assert.Contains("http:// または https://", Error("links"));
        Assert.Contains("事例番号 999999", Error("adaptedFrom"));
        Assert.NotNull(doc.QuerySelector(".error-summary a[href='#field-title']"));
        Assert.Equal(before, await app.InTenantAsync(s.A, db => db.PolicyCases.CountAsync()));
        Assert.Equal(0, await app.InTenantAsync(s.A, db => db.ContentRevisions.CountAsync(r => r.ContentType == "PolicyCase")));
    }

    [Fact]
    public async Task An_editor_of_another_site_can_neither_read_nor_change_a_case()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var id = await s.CreateCaseAsync(s.A, "A市の事例", ("action", "save"));
        var version = await app.InTenantAsync(s.A, db => db.PolicyCases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        // Through B's own admin area the case does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await s.EditorB.GetAsync($"/{s.B}/admin/cases/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await s.EditorB.GetAsync($"/{s.B}/admin/cases/{id}")).StatusCode);
        var post = await s.EditorB.SubmitAsync($"/{s.B}/admin/cases/new", $"/{s.B}/admin/cases/{id}",
            CaseTestSite.Form(s.UnitB, "乗っ取り", ("version", version.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var delete = await s.EditorB.SubmitAsync($"/{s.B}/admin/cases/new", $"/{s.B}/admin/cases/{id}/delete");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        // On A's admin area B's session is not accepted.
        var direct = await s.EditorB.GetAsync($"/{s.A}/admin/cases/{id}/edit");
        Assert.True(direct.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, direct.StatusCode.ToString());
        // And B cannot cite A's unpublished case either.
        var cite = await s.CreateAsync(s.EditorB, s.B, CaseTestSite.Form(s.UnitB, "B市の事例", ("adaptedFrom", id.ToString())));
        Assert.Equal(HttpStatusCode.BadRequest, cite.StatusCode);

        Assert.Equal("A市の事例", await app.InTenantAsync(s.A, db => db.PolicyCases.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));
        Assert.Equal(1, await app.InTenantAsync(s.A, db => db.ContentRevisions.CountAsync(r => r.ContentType == "PolicyCase" && r.ContentId == id)));
    }

    [Fact]
    public async Task Cases_go_through_the_approval_route_like_pages()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app, approvalA: true);
        var approver = await app.CreateUserAsync(s.A, "approver@a.example.jp", [Roles.Approver], [s.UnitA]);
        var route = await app.InTenantAsync(s.A, async db =>
        {
            var r = new ApprovalRoute { Name = "課長決裁", Levels = [new ApprovalLevel { Level = 1, RequiredCount = 1, ApproverUserIds = approver.ToString() }] };
            db.ApprovalRoutes.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var id = await s.CreateCaseAsync(s.A, "承認を経る事例", ("action", "save"));
        var request = await s.EditorA.SubmitAsync($"/{s.A}/admin/cases/{id}", $"/{s.A}/admin/cases/{id}/request", ("route", route.ToString()), ("comment", "確認をお願いします"));
        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetPageAsync($"/cases/{id}")).Response.StatusCode);

        var boss = await app.SignedInAsync("approver@a.example.jp", $"/{s.A}");
        var inbox = await (await boss.GetAsync($"/{s.A}/admin/approvals")).DocumentAsync();
        var link = inbox.QuerySelectorAll("main a").First(a => a.TextContent.Contains("承認を経る事例"));
        Assert.Contains("事例", link.Closest("tr")!.TextContent); // the kind of item is its own column
        var view = await (await boss.GetAsync(link.GetAttribute("href")!)).DocumentAsync();
        Assert.Contains(view.QuerySelectorAll(".diff-line"), l => l.TextContent.Contains("関係区分: 協働"));
        var decide = await boss.SubmitAsync(link.GetAttribute("href")!, link.GetAttribute("href")!, ("decision", "approve"), ("comment", "承認します"));
        Assert.Equal(HttpStatusCode.Redirect, decide.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetPageAsync($"/cases/{id}")).Response.StatusCode);
        var audit = await app.InTenantAsync(s.A, db => db.AuditEntries.Where(e => e.TargetType == "PolicyCase" && e.TargetId == id.ToString()).Select(e => e.Summary).ToListAsync());
        Assert.Contains(audit, a => a.Contains("を承認"));
        Assert.Contains(audit, a => a.Contains("を公開"));
    }

    [Fact]
    public async Task Attachments_are_checked_on_their_bytes_and_served_only_while_the_case_is_public()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var ok = await CaseTestSite.SubmitMultipartAsync(s.EditorA, $"/{s.A}/admin/cases/new", $"/{s.A}/admin/cases",
            CaseTestSite.Form(s.UnitA, "資料つきの事例", ("newFileTitle", "事業報告書")), ("newFile", "report.pdf", pdf));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var id = int.Parse(ok.Headers.Location!.OriginalString.Split('/').Last());
        var (_, doc) = await app.GetPageAsync($"/cases/{id}");
        var href = doc.QuerySelectorAll("main a").First(a => a.TextContent.Contains("事業報告書")).GetAttribute("href")!;
        var file = await app.CreateClient().GetAsync(href);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());

        var files = await app.InTenantAsync(s.A, db => db.StoredFiles.CountAsync());
        var bad = await CaseTestSite.SubmitMultipartAsync(s.EditorA, $"/{s.A}/admin/cases/new", $"/{s.A}/admin/cases",
            CaseTestSite.Form(s.UnitA, "偽PDFの事例"), ("newFile", "evil.pdf", "<html><script>alert(1)</script></html>"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("いずれでもありません", (await bad.DocumentAsync()).QuerySelector("#error-newFile")!.TextContent);
        Assert.Equal(files, await app.InTenantAsync(s.A, db => db.StoredFiles.CountAsync()));
        Assert.False(await app.InTenantAsync(s.A, db => db.PolicyCases.AnyAsync(c => c.Title == "偽PDFの事例")));

        // Unpublished (closed) → the file is no longer public.
        await app.InTenantAsync(s.A, async db => { var c = await db.PolicyCases.SingleAsync(x => x.Id == id); c.IsPublished = false; await db.SaveChangesAsync(); });
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync(href)).StatusCode);
    }

    [Fact]
    public async Task Adoption_links_show_both_ways_count_on_cards_and_rank_the_most_adapted()
    {
        await using var app = await StartUncachedAsync();
        var s = await CaseTestSite.CreateAsync(app);
        var source = await s.CreateCaseAsync(s.A, "元になった協働事業提案制度");
        var other = await s.CreateCaseAsync(s.A, "あまり参照されない事例");
        var adopter1 = await s.CreateCaseAsync(s.B, "B市版の提案制度", ("adaptedFrom", source.ToString()));
        await s.CreateCaseAsync(s.B, "B市の別の事業", ("adaptedFrom", $"{source}, {other}"));
        await s.CreateCaseAsync(s.B, "B市の下書き", ("adaptedFrom", other.ToString()), ("action", "save"));

        var (_, doc) = await app.GetPageAsync($"/cases/{source}");
        var adoption = doc.QuerySelector("section[aria-labelledby=adoption-title]")!.TextContent;
        Assert.Contains("B市版の提案制度", adoption);
        Assert.Contains("B市の別の事業", adoption);
        var (_, adopterDoc) = await app.GetPageAsync($"/cases/{adopter1}");
        Assert.Contains("元になった協働事業提案制度", adopterDoc.QuerySelector("section[aria-labelledby=adoption-title]")!.TextContent);
        Assert.Contains("参考にした数: 2件", adopterDoc.QuerySelector(".case-card")!.TextContent);

        var (_, ranked) = await app.GetPageAsync("/cases/adopted");
        var cards = ranked.QuerySelectorAll(".case-card").Select(c => (Title: c.QuerySelector(".case-card__title a")!.TextContent, Text: c.TextContent)).ToList();
        var sourceAt = cards.FindIndex(c => c.Title == "元になった協働事業提案制度");
        var less = cards.FindIndex(c => c.Title == "あまり参照されない事例");
        Assert.True(sourceAt >= 0 && less > sourceAt, string.Join(" / ", cards.Select(c => c.Title)));
        Assert.Contains("参考にした数: 2件", cards[sourceAt].Text);
        Assert.Contains("参考にした数: 1件", cards[less].Text); // the draft's citation does not count
    }
}

public sealed class CaseEditingTests_Sqlite() : CaseEditingTests(DatabaseProvider.Sqlite);

public sealed class CaseEditingTests_PostgreSql() : CaseEditingTests(DatabaseProvider.PostgreSql);
