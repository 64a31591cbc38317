using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Cases;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tests.Infrastructure;
using static NpoMunicipalNetwork.Tests.Api.Writes.ApiTestSite;

namespace NpoMunicipalNetwork.Tests.Api.Writes;

/// <summary>Keyed writes of cases and news: the same rules and workflow as the admin area, the key's site only, problem details on every error.</summary>
public abstract class ApiWriteTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<ApiTestSite> SiteAsync(bool approvalA = false, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" };
        foreach (var (k, v) in settings ?? [])
            all[k] = v;
        return await ApiTestSite.CreateAsync(await StartAsync(settings: all), approvalA);
    }

    [Fact]
    public async Task A_case_created_and_updated_through_the_API_shows_on_the_public_site_and_is_audited_as_the_key()
    {
        var s = await SiteAsync();
        await using var _ = s.App;
        var api = s.Api(await s.IssueKeyAsync(s.A, "事例登録システム", "write:cases"));

        var created = await api.PostAsync("/api/v1/cases", Json(Case("子育て相談窓口の協働運営", s.UnitA)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await BodyAsync(created);
        var id = (int)body["id"]!;
        Assert.Equal("published", (string?)body["state"]);
        Assert.Equal($"/api/v1/cases/{id}", created.Headers.Location!.OriginalString);
        var etag = created.Headers.ETag!.Tag;
        Assert.Equal($"\"{(int)body["version"]!}\"", etag);

        var page = await s.App.GetPageAsync($"/{s.A}/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("子育て相談窓口の協働運営", page.Document.QuerySelector("h1")!.TextContent);

        var changed = Case("子育て相談窓口の協働運営（改訂）", s.UnitA);
        var updated = await PutAsync(api, $"/api/v1/cases/{id}", changed, etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);
        Assert.Contains("（改訂）", (await s.App.GetPageAsync($"/{s.A}/cases/{id}")).Document.QuerySelector("h1")!.TextContent);

        var audit = await s.App.InTenantAsync(s.A, db => db.AuditEntries.Where(e => e.TargetType == "PolicyCase" && e.TargetId == id.ToString())
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.ActorName, e.ActorUserId }).ToListAsync());
        Assert.Equal(["Create", "Publish", "Update", "Publish"], audit.Select(a => a.Action.ToString()));
        Assert.All(audit, a => Assert.StartsWith("APIキー: 事例登録システム (npo_", a.ActorName));
        Assert.All(audit, a => Assert.Null(a.ActorUserId));
    }

    [Fact]
    public async Task An_update_needs_the_current_ETag_and_a_stale_one_changes_nothing()
    {
        var s = await SiteAsync();
        await using var _ = s.App;
        var api = s.Api(await s.IssueKeyAsync(s.A, "連携", "write:cases"));
        var created = await api.PostAsync("/api/v1/cases", Json(Case("元の事例名", s.UnitA, publish: false)));
        var id = (int)(await BodyAsync(created))["id"]!;
        var etag = created.Headers.ETag!.Tag;
        Assert.Equal("draft", (string?)(await BodyAsync(created))["state"]);

        await ProblemAsync(await PutAsync(api, $"/api/v1/cases/{id}", Case("If-Matchなし", s.UnitA), null), (HttpStatusCode)428);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, $"/api/v1/cases/{id}", Case("一度目の更新", s.UnitA, publish: false), etag)).StatusCode);
        var stale = await ProblemAsync(await PutAsync(api, $"/api/v1/cases/{id}", Case("古い版からの更新", s.UnitA), etag), HttpStatusCode.PreconditionFailed);
        Assert.Contains("If-Match", (string?)stale["detail"]);

        var revisions = await s.App.InTenantAsync(s.A, db => db.ContentRevisions.Where(r => r.ContentType == "PolicyCase" && r.ContentId == id).Select(r => r.Title).ToListAsync());
        Assert.Equal(new[] { "元の事例名", "一度目の更新" }.Order(), revisions.Order());
        Assert.False(await s.App.InTenantAsync(s.A, db => db.PolicyCases.AnyAsync(c => c.Id == id && c.IsPublished)));
    }

    [Fact]
    public async Task The_ETag_of_a_read_can_be_sent_back_as_If_Match_unless_a_newer_draft_waits()
    {
        var s = await SiteAsync();
        await using var _ = s.App;
        var api = s.Api(await s.IssueKeyAsync(s.A, "連携", "write:cases"));
        var created = await api.PostAsync("/api/v1/cases", Json(Case("読んでから直す事例", s.UnitA)));
        var id = (int)(await BodyAsync(created))["id"]!;
        var version = (int)(await BodyAsync(created))["version"]!;

        var read = await api.GetAsync($"/api/v1/cases/{id}");
        var readTag = read.Headers.ETag!.Tag;
        Assert.StartsWith($"\"{version}.", readTag);
        using (var revalidate = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}"))
        {
            revalidate.Headers.TryAddWithoutValidation("If-None-Match", readTag);
            Assert.Equal(HttpStatusCode.NotModified, (await api.SendAsync(revalidate)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, $"/api/v1/cases/{id}", Case("読んでから直した事例", s.UnitA), readTag)).StatusCode);
        // The same read is now stale: nothing is overwritten.
        await ProblemAsync(await PutAsync(api, $"/api/v1/cases/{id}", Case("古い読み取りからの更新", s.UnitA), readTag), HttpStatusCode.PreconditionFailed);

        // A draft saved over the published case: the public read still shows the published text, so its ETag
        // names no version, and a PUT based on it would overwrite a draft the client never saw.
        var fresh = (await api.GetAsync($"/api/v1/cases/{id}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(api, $"/api/v1/cases/{id}", Case("公開中の事例の下書き", s.UnitA, publish: false), fresh)).StatusCode);
        var afterDraft = await api.GetAsync($"/api/v1/cases/{id}");
        Assert.Contains("読んでから直した事例", await afterDraft.Content.ReadAsStringAsync());
        Assert.DoesNotContain(".", afterDraft.Headers.ETag!.Tag);
        await ProblemAsync(await PutAsync(api, $"/api/v1/cases/{id}", Case("下書きを知らない更新", s.UnitA), afterDraft.Headers.ETag!.Tag), HttpStatusCode.PreconditionFailed);
        var titles = await s.App.InTenantAsync(s.A, db => db.ContentRevisions.Where(r => r.ContentType == "PolicyCase" && r.ContentId == id).Select(r => r.Title).ToListAsync());
        Assert.DoesNotContain("古い読み取りからの更新", titles);
        Assert.DoesNotContain("下書きを知らない更新", titles);
    }

    [Fact]
    public async Task Text_in_a_body_follows_the_forms_rules_bidi_controls_and_invisible_titles_are_refused_and_text_is_stored_in_nfc()
    {
        var s = await SiteAsync();
        await using var _ = s.App;
        var api = s.Api(await s.IssueKeyAsync(s.A, "広報システム", "write:news"), bearer: false);
        var before = await s.App.InTenantAsync(s.A, db => db.NewsItems.CountAsync());

        var bidi = await api.PostAsync("/api/v1/news", Json(new { title = "\u202Eお知らせ", body = "本文" }));
        Assert.Equal(HttpStatusCode.BadRequest, bidi.StatusCode);
        Assert.Contains("書字方向を変える制御文字", (string)(await BodyAsync(bidi))["errors"]!["title"]![0]!);
        var invisible = await api.PostAsync("/api/v1/news", Json(new { title = "\u200B\u200B", body = "本文" }));
        Assert.Equal(HttpStatusCode.BadRequest, invisible.StatusCode);
        Assert.NotNull((await BodyAsync(invisible))["errors"]!["title"]);
        Assert.Equal(before, await s.App.InTenantAsync(s.A, db => db.NewsItems.CountAsync()));

        // カ + combining ゛ is stored as the one precomposed ガ, as a form would store it.
        var created = await api.PostAsync("/api/v1/news", Json(new { title = "カ\u3099イドのお知らせ", body = "本文" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await BodyAsync(created))["id"]!;
        Assert.Equal("ガイドのお知らせ", await s.App.InTenantAsync(s.A, db => db.ContentRevisions.Where(r => r.ContentType == "News" && r.ContentId == id).Select(r => r.Title).SingleAsync()));
    }

    [Fact]
    public async Task News_created_through_the_API_is_published_on_the_site()
    {
        var s = await SiteAsync();
        await using var _ = s.App;
        var api = s.Api(await s.IssueKeyAsync(s.A, "広報システム", "write:news"), bearer: false);
        var created = await api.PostAsync("/api/v1/news", Json(new { title = "協働フォーラムの参加者募集", body = "## 募集\n\n市民活動団体の参加を募集します。", ownerDepartmentId = s.UnitA, publish = true }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await BodyAsync(created))["id"]!;
        var page = await s.App.GetPageAsync($"/{s.A}/news/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("市民活動団体の参加を募集します。", page.Document.Body!.TextContent);

        var updated = await PutAsync(api, $"/api/v1/news/{id}", new { title = "協働フォーラムの参加者募集（締切延長）", body = "締切を延長しました。", publish = true }, created.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Contains("締切延長", (await s.App.GetPageAsync($"/{s.A}/news/{id}")).Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Scopes_are_enforced_with_403_problems_and_a_missing_or_wrong_key_is_401()
    {
        var s = await SiteAsync();
        await using var _ = s.App;
        var newsOnly = s.Api(await s.IssueKeyAsync(s.A, "お知らせ専用", "write:news"));
        var readOnly = s.Api(await s.IssueKeyAsync(s.A, "読み取り専用", "read"));

        var refused = await ProblemAsync(await newsOnly.PostAsync("/api/v1/cases", Json(Case("スコープ外", s.UnitA))), HttpStatusCode.Forbidden);
        Assert.Contains("write:cases", (string?)refused["detail"]);
        await ProblemAsync(await readOnly.PostAsync("/api/v1/news", Json(new { title = "x", body = "y" })), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, (await newsOnly.PostAsync("/api/v1/news", Json(new { title = "お知らせ", body = "本文" }))).StatusCode);

        var none = await s.App.CreateClientFor().PostAsync("/api/v1/cases", Json(Case("鍵なし", s.UnitA)));
        await ProblemAsync(none, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString());
        await ProblemAsync(await s.Api("npo_0123456789ab_" + new string('A', 43)).PostAsync("/api/v1/cases", Json(Case("偽の鍵", s.UnitA))), HttpStatusCode.Unauthorized);
        await ProblemAsync(await s.Api("not-a-key").PostAsync("/api/v1/cases", Json(Case("形式違い", s.UnitA))), HttpStatusCode.Unauthorized);
        // A signed-in administrator's cookie is not a key: the API never accepts it (so it needs no antiforgery token).
        await ProblemAsync(await s.AdminA.PostAsync("/api/v1/cases", Json(Case("クッキー", s.UnitA))), HttpStatusCode.Unauthorized);

        Assert.False(await s.App.InTenantAsync(s.A, db => db.PolicyCases.AnyAsync()));
    }

    [Fact]
    public async Task A_key_of_A_never_reaches_Bs_cases_nor_names_a_tenant()
    {
        var s = await SiteAsync();
        await using var _ = s.App;
        var keyA = s.Api(await s.IssueKeyAsync(s.A, "Aの連携", "write:cases", "write:news"));
        var keyB = s.Api(await s.IssueKeyAsync(s.B, "Bの連携", "write:cases"));
        var created = await keyB.PostAsync("/api/v1/cases", Json(Case("Bの事例", s.UnitB)));
        var caseOfB = (int)(await BodyAsync(created))["id"]!;

        await ProblemAsync(await PutAsync(keyA, $"/api/v1/cases/{caseOfB}", Case("乗っ取り", s.UnitA), created.Headers.ETag!.Tag), HttpStatusCode.NotFound);
        await ProblemAsync(await PutAsync(keyA, $"/api/v1/cases/{caseOfB}", Case("乗っ取り", s.UnitA), "*"), HttpStatusCode.NotFound);
        // The API lives on the hub only: a site's URL (B's, or even A's own) never chooses where a key writes.
        await ProblemAsync(await keyA.PostAsync($"/{s.B}/api/v1/cases", Json(Case("Bのサイトへ", s.UnitA))), HttpStatusCode.NotFound);
        await ProblemAsync(await keyA.PostAsync($"/{s.A}/api/v1/cases", Json(Case("Aのサイトへ", s.UnitA))), HttpStatusCode.NotFound);
        // A body that names a tenant or site is refused whole.
        var withTenant = Case("テナント指定", s.UnitA);
        withTenant["tenantId"] = 1;
        var problem = await ProblemAsync(await keyA.PostAsync("/api/v1/cases", Json(withTenant)), HttpStatusCode.BadRequest);
        Assert.Contains("APIキー", (string?)problem["errors"]!["tenantId"]![0]);
        // B's unit as owner is not a unit of A.
        var foreignUnit = await ProblemAsync(await keyA.PostAsync("/api/v1/cases", Json(Case("Bの課", s.UnitB))), HttpStatusCode.BadRequest);
        Assert.NotNull(foreignUnit["errors"]!["ownerDepartmentId"]);
        Assert.Equal(HttpStatusCode.Created, (await keyA.PostAsync("/api/v1/cases", Json(Case("Aの事例", s.UnitA)))).StatusCode);

        Assert.Equal(["Bの事例"], await s.App.InTenantAsync(s.B, db => db.PolicyCases.Select(c => c.Title).ToListAsync()));
        Assert.Equal(["Aの事例"], await s.App.InTenantAsync(s.A, db => db.PolicyCases.Select(c => c.Title).ToListAsync()));
    }

    [Fact]
    public async Task Malformed_invalid_and_oversized_bodies_are_problems_and_write_nothing()
    {
        var s = await SiteAsync();
        await using var _ = s.App;
        var api = s.Api(await s.IssueKeyAsync(s.A, "連携", "write:cases", "write:news"));
        async Task<(int Cases, int Revisions, int News)> Counts() => await s.App.InTenantAsync(s.A, async db =>
            (await db.PolicyCases.CountAsync(), await db.ContentRevisions.CountAsync(), await db.NewsItems.CountAsync()));
        var before = await Counts();

        var malformed = await ProblemAsync(await api.PostAsync("/api/v1/cases", Raw("{\"title\": \"閉じていない")), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", (string?)malformed["detail"]);
        await ProblemAsync(await api.PostAsync("/api/v1/news", Raw("[1, 2")), HttpStatusCode.BadRequest);
        await ProblemAsync(await api.PostAsync("/api/v1/cases", new StringContent("title=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")), HttpStatusCode.UnsupportedMediaType);

        var wrongType = Case("型違い", s.UnitA);
        wrongType["startFiscalYear"] = "平成18年度";
        var typeProblem = await ProblemAsync(await api.PostAsync("/api/v1/cases", Json(wrongType)), HttpStatusCode.BadRequest);
        Assert.Contains("開始年度", (string?)typeProblem["errors"]!["startFiscalYear"]![0]);

        var invalid = Case("", s.UnitA);
        invalid["fields"] = new[] { "no-such-field" };
        invalid["relationshipType"] = "partnership";
        var validation = await ProblemAsync(await api.PostAsync("/api/v1/cases", Json(invalid)), HttpStatusCode.BadRequest);
        Assert.Equal("事例名を入力してください。", (string?)validation["errors"]!["title"]![0]);
        Assert.Contains("no-such-field", (string?)validation["errors"]!["fields"]![0]);
        Assert.Contains("support・collaboration・outsourcing", (string?)validation["errors"]!["relationshipType"]![0]);
        var newsProblem = await ProblemAsync(await api.PostAsync("/api/v1/news", Json(new { title = "", body = "本文", publishAt = "来週" })), HttpStatusCode.BadRequest);
        Assert.Contains("タイトル", (string?)newsProblem["errors"]!["title"]![0]);
        Assert.Contains("公開日時", (string?)newsProblem["errors"]!["publishAt"]![0]);

        var huge = Case("大きすぎる事例", s.UnitA);
        huge["background"] = new string('あ', 400_000); // 1.2 MB in UTF-8
        await ProblemAsync(await api.PostAsync("/api/v1/cases", Json(huge)), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Publishing_where_the_site_requires_approval_submits_the_case_for_approval()
    {
        var s = await SiteAsync(approvalA: true);
        await using var _ = s.App;
        var api = s.Api(await s.IssueKeyAsync(s.A, "連携", "write:cases"));

        // No route yet: the request is refused whole, naming the field.
        var noRoute = await ProblemAsync(await api.PostAsync("/api/v1/cases", Json(Case("承認の要る事例", s.UnitA))), HttpStatusCode.BadRequest);
        Assert.Contains("承認経路", (string?)noRoute["errors"]!["approvalRouteId"]![0]);
        Assert.False(await s.App.InTenantAsync(s.A, db => db.PolicyCases.AnyAsync()));

        var approver = await s.App.CreateUserAsync(s.A, "approver@a.example.jp", [NpoMunicipalNetwork.Accounts.Roles.Approver]);
        await s.App.InTenantAsync(s.A, async db =>
        {
            db.ApprovalRoutes.Add(new ApprovalRoute { Name = "課長決裁", Levels = [new ApprovalLevel { Level = 1, RequiredCount = 1, ApproverUserIds = approver.ToString() }] });
            await db.SaveChangesAsync();
        });
        var created = await api.PostAsync("/api/v1/cases", Json(Case("承認の要る事例", s.UnitA)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await BodyAsync(created);
        Assert.Equal("waitingForApproval", (string?)body["state"]);
        Assert.NotNull(body["approvalRequestId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await s.App.GetPageAsync($"/{s.A}/cases/{(int)body["id"]!}")).Response.StatusCode);
        var request = await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.SingleAsync());
        Assert.Equal(ApprovalStatus.Open, request.Status);
        Assert.Contains(s.App.Mails(), m => m.Subject.Contains("承認の依頼") && m.To.ToString().Contains("approver@a.example.jp"));
        Assert.True(await s.App.InTenantAsync(s.A, db => db.AuditEntries.AnyAsync(e => e.Action == NpoMunicipalNetwork.Audit.AuditAction.Request && e.ActorName!.StartsWith("APIキー"))));

        // While it waits, an update is a conflict, as in the admin area.
        var waiting = await ProblemAsync(await PutAsync(api, $"/api/v1/cases/{(int)body["id"]!}", Case("待機中の変更", s.UnitA), created.Headers.ETag!.Tag), HttpStatusCode.Conflict);
        Assert.Contains("取り下げ", (string?)waiting["detail"]);
    }
}

public sealed class ApiWriteTests_Sqlite() : ApiWriteTests(DatabaseProvider.Sqlite);

public sealed class ApiWriteTests_PostgreSql() : ApiWriteTests(DatabaseProvider.PostgreSql);
