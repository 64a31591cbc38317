using NpoMunicipalNetwork.Pages;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Publishing;

/// <summary>
/// The approval route end to end, over HTTP: a two-level route (level 1: two of three named approvers;
/// level 2: any approver of the author's unit), remands, withdrawal, early approval, staged edits.
/// </summary>
public abstract class WorkflowTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private sealed record Site(TestApp App, string A, int Unit, Dictionary<string, HttpClient> People, int Route, int RouteToPrevious, FakeTimeProvider Clock);

    private async Task<Site> BuildAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
        // The fake clock moves hours in a test; the output cache keeps real time, so it is off here
        // (another instance's cached copy may outlive a close by up to OutputCache:Seconds, by design).
        var app = await StartAsync(settings: new Dictionary<string, string?> { ["OutputCache:Seconds"] = "0" }, services: s => s.AddSingleton<TimeProvider>(clock));
        var a = await app.CreateTenantWithPageAsync("intro", "はじめに");
        var unit = await app.CreateDepartmentAsync(a, "市民協働課");
        var other = await app.CreateDepartmentAsync(a, "広報課");
        await app.CreateUserAsync(a, "author@a.example.jp", [Roles.MemberEditor], [unit]);
        var ap = new List<int>();
        foreach (var n in new[] { 1, 2, 3 })
            ap.Add(await app.CreateUserAsync(a, $"ap{n}@a.example.jp", [Roles.Approver], [other]));
        await app.CreateUserAsync(a, "chief@a.example.jp", [Roles.Approver], [unit]);
        await app.CreateUserAsync(a, "outsider@a.example.jp", [Roles.Approver], [other]);

        async Task<int> Route(string name, RemandTarget remand) => await app.InTenantAsync(a, async db =>
        {
            var route = new ApprovalRoute
            {
                Name = name, RemandTo = remand,
                Levels = [
                    new ApprovalLevel { Level = 1, RequiredCount = 2, ApproverUserIds = string.Join(",", ap) },
                    new ApprovalLevel { Level = 2, RequiredCount = 1, AuthorsUnitApprovers = true },
                ],
            };
            db.ApprovalRoutes.Add(route);
            await db.SaveChangesAsync();
            return route.Id;
        });
        var people = new Dictionary<string, HttpClient>();
        foreach (var who in new[] { "author", "ap1", "ap2", "ap3", "chief", "outsider" })
            people[who] = await app.SignedInAsync($"{who}@a.example.jp", $"/{a}");
        return new Site(app, a, unit, people, await Route("課内→課長", RemandTarget.Author), await Route("前段へ戻す経路", RemandTarget.PreviousLevel), clock);
    }

    private static async Task<int> CreatePageAsync(Site s, string slug, string title, string? publishAt = null, string? closeAt = null)
    {
        var response = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/new", $"/{s.A}/admin/pages",
            ("title", title), ("slug", slug), ("owner", s.Unit.ToString()), ("body", $"{title}の本文"), ("action", "save"),
            ("publishAt", publishAt ?? ""), ("closeAt", closeAt ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private static async Task<int> RequestAsync(Site s, int page, int route)
    {
        var response = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/{page}", $"/{s.A}/admin/pages/{page}/request",
            ("route", route.ToString()), ("comment", "確認をお願いします"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.Where(r => r.ContentId == page).MaxAsync(r => r.Id));
    }

    private static Task<HttpResponseMessage> DecideAsync(Site s, string who, int request, string decision, string comment = "確認しました") =>
        s.People[who].SubmitAsync($"/{s.A}/admin/approvals/{request}", $"/{s.A}/admin/approvals/{request}", ("decision", decision), ("comment", comment));

    private static async Task<HttpStatusCode> PublicStatus(Site s, string slug) => (await s.App.GetPageAsync($"/{s.A}/pages/{slug}")).Response.StatusCode;

    private static Task<WorkflowState> StateOf(Site s, int page) => s.App.InTenantAsync(s.A, db => db.Pages.Where(p => p.Id == page).Select(p => p.WorkflowState).SingleAsync());

    [Fact]
    public async Task Two_levels_with_required_counts_publish_only_when_the_last_level_approves()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var page = await CreatePageAsync(s, "grant", "補助金のご案内");
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatus(s, "grant"));

        var request = await RequestAsync(s, page, s.Route);
        Assert.Equal(WorkflowState.Waiting, await StateOf(s, page));
        var inbox = await (await s.People["ap3"].GetAsync($"/{s.A}/admin/approvals")).DocumentAsync();
        Assert.Contains("補助金のご案内", inbox.QuerySelector("section[aria-labelledby=to-approve]")!.TextContent);

        var noComment = await DecideAsync(s, "ap1", request, "approve", "");
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("コメントを入力してください", (await noComment.DocumentAsync()).QuerySelector("#error-comment")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s, "ap1", request, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatus(s, "grant"));
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s, "ap2", request, "approve")).StatusCode);

        // Level 1 is done: its approvers have nothing left to do, and a stranger to the route never had.
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(s, "ap3", request, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(s, "outsider", request, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(s, "author", request, "approve")).StatusCode);
        Assert.DoesNotContain("補助金のご案内", (await (await s.People["ap3"].GetAsync($"/{s.A}/admin/approvals")).DocumentAsync()).QuerySelector("section[aria-labelledby=to-approve]")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatus(s, "grant"));

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s, "chief", request, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await PublicStatus(s, "grant"));
        Assert.Equal(WorkflowState.None, await StateOf(s, page));

        var audit = await AuditOf(s, page);
        Assert.Equal(["Create:author", "Request:author", "Approve:ap1", "Approve:ap2", "Approve:chief", "Publish:chief"], audit);
    }

    private static Task<List<string>> AuditOf(Site s, int page) => s.App.InTenantAsync(s.A, db => db.AuditEntries
        .Where(e => e.TargetType == "Page" && e.TargetId == page.ToString()).OrderBy(e => e.Id)
        .Select(e => e.Action.ToString() + ":" + e.ActorName).ToListAsync());

    [Fact]
    public async Task A_remand_returns_to_the_author_with_its_comment_and_the_author_can_resubmit_or_withdraw()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var page = await CreatePageAsync(s, "event", "講座のお知らせ");
        var request = await RequestAsync(s, page, s.Route);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s, "ap1", request, "remand", "日付の表記を直してください")).StatusCode);
        Assert.Contains("Remand:ap1", await AuditOf(s, page));
        Assert.Equal(WorkflowState.Remanded, await StateOf(s, page));
        var authorInbox = await (await s.People["author"].GetAsync($"/{s.A}/admin/approvals")).DocumentAsync();
        Assert.Contains("講座のお知らせ", authorInbox.QuerySelector("section[aria-labelledby=remanded]")!.TextContent);
        var status = await (await s.People["author"].GetAsync($"/{s.A}/admin/pages/{page}")).DocumentAsync();
        Assert.Contains("日付の表記を直してください", status.QuerySelector("section[aria-labelledby=decisions-title]")!.TextContent);
        Assert.Contains("差し戻し", status.QuerySelector("dl.definition")!.TextContent);

        var again = await RequestAsync(s, page, s.Route);
        var withdrawn = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/{page}", $"/{s.A}/admin/pages/{page}/withdraw");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(WorkflowState.Draft, await StateOf(s, page));
        Assert.Equal(HttpStatusCode.Forbidden, (await DecideAsync(s, "ap1", again, "approve")).StatusCode);
        Assert.Equal(ApprovalStatus.Withdrawn, await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.Where(r => r.Id == again).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_remand_to_the_previous_level_makes_that_level_decide_again()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var page = await CreatePageAsync(s, "report", "報告書の公開");
        var request = await RequestAsync(s, page, s.RouteToPrevious);
        await DecideAsync(s, "ap1", request, "approve");
        await DecideAsync(s, "ap2", request, "approve");

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s, "chief", request, "remand", "第1段階で表を確認してください")).StatusCode);
        Assert.Equal(WorkflowState.Waiting, await StateOf(s, page));
        Assert.Equal(1, await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.Where(r => r.Id == request).Select(r => r.CurrentLevel).SingleAsync()));

        // Earlier approvals at level 1 no longer count: two fresh ones are needed.
        await DecideAsync(s, "ap3", request, "approve");
        Assert.Equal(1, await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.Where(r => r.Id == request).Select(r => r.CurrentLevel).SingleAsync()));
        await DecideAsync(s, "ap1", request, "approve");
        Assert.Equal(2, await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.Where(r => r.Id == request).Select(r => r.CurrentLevel).SingleAsync()));
        await DecideAsync(s, "chief", request, "approve");
        Assert.Equal(HttpStatusCode.OK, await PublicStatus(s, "report"));
    }

    [Fact]
    public async Task A_higher_level_approver_can_approve_early()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var page = await CreatePageAsync(s, "urgent", "緊急のお知らせ");
        var request = await RequestAsync(s, page, s.Route);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(s, "chief", request, "approve", "急ぎのため先に承認します")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await PublicStatus(s, "urgent"));
        var decision = await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.Include(r => r.Decisions).SingleAsync(r => r.Id == request));
        Assert.Equal((ApprovalStatus.Approved, 2), (decision.Status, decision.Decisions.Single().Level));
    }

    [Fact]
    public async Task A_staged_edit_of_a_live_page_is_never_public_before_approval()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var page = await CreatePageAsync(s, "guide", "手引き（旧）");
        await DecideAsync(s, "chief", await RequestAsync(s, page, s.Route), "approve");
        Assert.Equal("手引き（旧）", (await s.App.GetPageAsync($"/{s.A}/pages/guide")).Document.QuerySelector("main h1")!.TextContent);

        var version = await s.App.InTenantAsync(s.A, db => db.Pages.Where(p => p.Id == page).Select(p => p.Version).SingleAsync());
        var edit = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/{page}/edit", $"/{s.A}/admin/pages/{page}",
            ("title", "手引き（新）"), ("slug", "guide"), ("owner", s.Unit.ToString()), ("body", "新しい本文"), ("version", version.ToString()), ("action", "save"));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var request = await RequestAsync(s, page, s.Route);
        await DecideAsync(s, "ap1", request, "approve");

        var (_, meanwhile) = await s.App.GetPageAsync($"/{s.A}/pages/guide");
        Assert.Equal("手引き（旧）", meanwhile.QuerySelector("main h1")!.TextContent);
        Assert.DoesNotContain("新しい本文", meanwhile.Body!.TextContent);
        var (_, siteHome) = await s.App.GetPageAsync($"/{s.A}/");
        Assert.DoesNotContain("手引き（新）", siteHome.Body!.TextContent);

        await DecideAsync(s, "ap2", request, "approve");
        await DecideAsync(s, "chief", request, "approve");
        var (_, after) = await s.App.GetPageAsync($"/{s.A}/pages/guide");
        Assert.Equal("手引き（新）", after.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task Revisions_are_kept_compared_and_restored_as_a_new_draft()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var page = await CreatePageAsync(s, "faq", "よくある質問");
        var version = await s.App.InTenantAsync(s.A, db => db.Pages.Where(p => p.Id == page).Select(p => p.Version).SingleAsync());
        await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/{page}/edit", $"/{s.A}/admin/pages/{page}",
            ("title", "よくある質問（改訂）"), ("slug", "faq"), ("owner", s.Unit.ToString()), ("body", "よくある質問（改訂）の本文"), ("version", version.ToString()), ("action", "save"));

        var diff = await (await s.People["author"].GetAsync($"/{s.A}/admin/pages/{page}/diff?from=1&to=2")).DocumentAsync();
        var lines = diff.QuerySelectorAll(".diff-line").Select(l => l.TextContent).ToList();
        Assert.Contains("削除よくある質問", lines);
        Assert.Contains("追加よくある質問（改訂）", lines);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.People["author"].GetAsync($"/{s.A}/admin/pages/{page}/diff?from=1&to=9")).StatusCode);

        var restored = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/{page}", $"/{s.A}/admin/pages/{page}/revisions/1/restore");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var revisions = await s.App.InTenantAsync(s.A, db => db.ContentRevisions.Where(r => r.ContentId == page).OrderBy(r => r.Number).Select(r => new { r.Number, r.Title, r.Note }).ToListAsync());
        Assert.Equal(3, revisions.Count);
        Assert.Equal(("よくある質問", "第1版から復元"), (revisions[2].Title, revisions[2].Note));
        Assert.Equal(WorkflowState.Draft, await StateOf(s, page));
    }

    [Fact]
    public async Task A_scheduled_page_opens_and_closes_at_its_times_once_even_with_two_instances()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        // 2025-04-01 09:00 JST is "now"; open at 10:00 JST, close at 12:00 JST.
        var page = await CreatePageAsync(s, "timed", "期間限定のお知らせ", "2025-04-01T10:00", "2025-04-01T12:00");
        await DecideAsync(s, "chief", await RequestAsync(s, page, s.Route), "approve");
        Assert.Equal(WorkflowState.Scheduled, await StateOf(s, page));
        Assert.Contains("公開待ち", (await (await s.People["author"].GetAsync($"/{s.A}/admin/pages/{page}")).DocumentAsync()).QuerySelector("dl.definition")!.TextContent);

        await using var second = s.App.StartAnotherOnSameDatabase();
        var schedulers = new[] { s.App.Services.GetRequiredService<PublishingScheduler>(), second.Services.GetRequiredService<PublishingScheduler>() };
        Assert.Equal((0, 0), await schedulers[0].RunOnceAsync());
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatus(s, "timed"));

        s.Clock.Advance(TimeSpan.FromHours(1));
        var opened = await Task.WhenAll(schedulers.Select(x => x.RunOnceAsync()));
        Assert.Equal(1, opened.Sum(r => r.Opened));
        Assert.Equal(HttpStatusCode.OK, await PublicStatus(s, "timed"));
        Assert.Equal((0, 0), await schedulers[1].RunOnceAsync());

        s.Clock.Advance(TimeSpan.FromHours(2));
        var closed = await Task.WhenAll(schedulers.Select(x => x.RunOnceAsync()));
        Assert.Equal(1, closed.Sum(r => r.Closed));
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatus(s, "timed"));
        var audit = await AuditOf(s, page);
        Assert.Equal(1, audit.Count(a => a == "Publish:公開予約（自動）"));
        Assert.Equal(1, audit.Count(a => a == "Close:公開予約（自動）"));
        Assert.Contains("公開終了", (await (await s.People["author"].GetAsync($"/{s.A}/admin/pages/{page}")).DocumentAsync()).QuerySelector("dl.definition")!.TextContent);
    }

    [Fact]
    public async Task Without_approval_a_small_site_publishes_directly_and_with_approval_it_cannot()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var page = await CreatePageAsync(s, "direct", "直接公開");
        var refused = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/{page}", $"/{s.A}/admin/pages/{page}/publish");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatus(s, "direct"));

        await s.App.PublishWithoutApprovalAsync(s.A);
        var published = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/{page}", $"/{s.A}/admin/pages/{page}/publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await PublicStatus(s, "direct"));
    }

    [Fact]
    public async Task The_checker_reports_on_the_status_page_fixes_notation_and_a_strict_route_refuses_errors()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var response = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/new", $"/{s.A}/admin/pages",
            ("title", "説明会"), ("slug", "briefing"), ("owner", s.Unit.ToString()), ("action", "save"),
            ("body", "説明会は２０２５/4/1に開きます。①受付 ②説明\n\n![IMG_0012.jpg](https://example.jp/IMG_0012.jpg)"));
        var page = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());

        var status = await (await s.People["author"].GetAsync($"/{s.A}/admin/pages/{page}")).DocumentAsync();
        var findings = status.QuerySelector("section.findings")!.TextContent;
        Assert.Contains("エラー:", findings);
        Assert.Contains("代替テキスト", findings);

        var fixedUp = await s.People["author"].SubmitAsync($"/{s.A}/admin/pages/{page}", $"/{s.A}/admin/pages/{page}/autofix");
        Assert.Equal(HttpStatusCode.Redirect, fixedUp.StatusCode);
        var body = await s.App.InTenantAsync(s.A, db => db.ContentRevisions.Where(r => r.ContentId == page).OrderByDescending(r => r.Number).Select(r => r.BodyMarkdown).FirstAsync());
        Assert.Contains("2025年4月1日", body);
        Assert.Contains("(1)受付", body);
        Assert.Contains("IMG_0012.jpg", body); // alt text is for a person to write, never guessed

        await s.App.InTenantAsync(s.A, async db =>
        {
            var route = await db.ApprovalRoutes.SingleAsync(r => r.Id == s.Route);
            route.BlockOnCheckErrors = true;
            await db.SaveChangesAsync();
        });
        var request = await RequestAsync(s, page, s.Route);
        var refused = await DecideAsync(s, "chief", request, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("エラーが残っている", (await refused.DocumentAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatus(s, "briefing"));
    }

    [Fact]
    public async Task Each_step_mails_the_people_it_concerns_and_old_requests_are_reminded_once_a_day()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var before = s.App.Mails().Count;
        var page = await CreatePageAsync(s, "mail", "メールの確認");
        var request = await RequestAsync(s, page, s.Route);

        var toApprovers = s.App.Mails().Skip(before).ToList();
        Assert.Equal(["ap1@a.example.jp", "ap2@a.example.jp", "ap3@a.example.jp"], toApprovers.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(toApprovers, m => Assert.Contains("承認の依頼: メールの確認", m.Subject));
        Assert.Contains($"/{s.A}/admin/approvals/{request}", toApprovers[0].TextBody);

        await DecideAsync(s, "ap1", request, "approve");
        await DecideAsync(s, "ap2", request, "approve");
        var toChief = s.App.Mails().Skip(before + 3).ToList();
        Assert.Equal(["chief@a.example.jp"], toChief.Select(m => m.To.Mailboxes.Single().Address));

        await DecideAsync(s, "chief", request, "remand", "見出しを直してください");
        var toAuthor = s.App.Mails().Last();
        Assert.Equal("author@a.example.jp", toAuthor.To.Mailboxes.Single().Address);
        Assert.Contains("差し戻されました", toAuthor.Subject);
        Assert.Contains("見出しを直してください", toAuthor.TextBody);

        var again = await RequestAsync(s, page, s.Route);
        var scheduler = s.App.Services.GetRequiredService<PublishingScheduler>();
        Assert.Equal(0, await scheduler.SendRemindersAsync());
        s.Clock.Advance(TimeSpan.FromDays(4));
        var count = s.App.Mails().Count;
        Assert.Equal(1, await scheduler.SendRemindersAsync());
        Assert.Equal(0, await scheduler.SendRemindersAsync());
        Assert.All(s.App.Mails().Skip(count), m => Assert.Contains("日以上お待ちです", m.Subject));
        Assert.Equal(3, s.App.Mails().Count - count);

        var author = await s.App.SignedInAsync("author@a.example.jp", $"/{s.A}"); // four days on, the old sign-in has expired
        await author.SubmitAsync($"/{s.A}/admin/pages/{page}", $"/{s.A}/admin/pages/{page}/withdraw");
        Assert.Contains("取り下げ", s.App.Mails().Last().Subject);
        Assert.Equal(ApprovalStatus.Withdrawn, await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.Where(r => r.Id == again).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Drafts_waiting_and_closed_pages_are_never_public_anywhere()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        await CreatePageAsync(s, "draft-only", "下書きだけのページ");
        await RequestAsync(s, await CreatePageAsync(s, "waiting", "承認待ちのページ"), s.Route);
        var closing = await CreatePageAsync(s, "closing", "終了するページ", closeAt: "2025-04-01T10:00");
        await DecideAsync(s, "chief", await RequestAsync(s, closing, s.Route), "approve");
        Assert.Equal(HttpStatusCode.OK, await PublicStatus(s, "closing"));
        s.Clock.Advance(TimeSpan.FromHours(2));
        await s.App.Services.GetRequiredService<PublishingScheduler>().RunOnceAsync();

        foreach (var slug in new[] { "draft-only", "waiting", "closing" })
            Assert.Equal(HttpStatusCode.NotFound, await PublicStatus(s, slug));
        var (_, siteHome) = await s.App.GetPageAsync($"/{s.A}/");
        var (_, hubHome) = await s.App.GetPageAsync("/");
        foreach (var title in new[] { "下書きだけのページ", "承認待ちのページ", "終了するページ" })
        {
            Assert.DoesNotContain(title, siteHome.Body!.TextContent);
            Assert.DoesNotContain(title, hubHome.Body!.TextContent);
        }
    }

    [Fact]
    public async Task A_site_administrator_defines_routes_with_checked_levels()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        await s.App.CreateUserAsync(s.A, "siteadmin@a.example.jp", [Roles.SiteAdministrator]);
        var admin = await s.App.SignedInAsync("siteadmin@a.example.jp", $"/{s.A}");
        var ap1 = await s.App.InTenantAsync(null, db => db.Users.Where(u => u.Email == "ap1@a.example.jp").Select(u => u.Id).SingleAsync());

        var empty = await admin.SubmitAsync($"/{s.A}/admin/routes/new", $"/{s.A}/admin/routes", ("name", ""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var doc = await empty.DocumentAsync();
        Assert.Contains("経路の名前を入力してください", doc.QuerySelector("#error-name")!.TextContent);
        Assert.Contains("少なくとも1つの段階", doc.QuerySelector(".error-summary")!.TextContent);

        var tooMany = await admin.SubmitAsync($"/{s.A}/admin/routes/new", $"/{s.A}/admin/routes", ("name", "広報経由"), ("level1.approvers", ap1.ToString()), ("level1.required", "2"));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.People["author"].GetAsync($"/{s.A}/admin/routes")).StatusCode);

        var ok = await admin.SubmitAsync($"/{s.A}/admin/routes/new", $"/{s.A}/admin/routes",
            ("name", "広報経由"), ("level1.unit", "true"), ("level3.approvers", ap1.ToString()), ("level3.required", "1"), ("remandTo", "PreviousLevel"));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var route = await s.App.InTenantAsync(s.A, db => db.ApprovalRoutes.Include(r => r.Levels).SingleAsync(r => r.Name == "広報経由"));
        Assert.Equal(RemandTarget.PreviousLevel, route.RemandTo);
        Assert.Equal([(1, true, ""), (2, false, ap1.ToString())], route.Levels.OrderBy(l => l.Level).Select(l => (l.Level, l.AuthorsUnitApprovers, l.ApproverUserIds)));
    }

    [Fact]
    public async Task Another_sites_approver_cannot_see_or_decide_a_request()
    {
        var s = await BuildAsync();
        await using var _ = s.App;
        var request = await RequestAsync(s, await CreatePageAsync(s, "mine", "Aのページ"), s.Route);
        var b = await s.App.CreateTenantWithPageAsync("x", "x");
        await s.App.CreateUserAsync(b, "admin@b.example.jp", [Roles.SiteAdministrator, Roles.Approver]);
        var bAdmin = await s.App.SignedInAsync("admin@b.example.jp", $"/{b}");

        Assert.Equal(HttpStatusCode.NotFound, (await bAdmin.GetAsync($"/{b}/admin/approvals/{request}")).StatusCode);
        var post = await bAdmin.SubmitAsync($"/{b}/admin/pages/new", $"/{b}/admin/approvals/{request}", ("decision", "approve"), ("comment", "乗っ取り"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await bAdmin.GetAsync($"/{s.A}/admin/approvals/{request}")).StatusCode);
        Assert.Empty(await s.App.InTenantAsync(s.A, db => db.ApprovalRequests.Where(r => r.Id == request).SelectMany(r => r.Decisions).ToListAsync()));
    }
}

public sealed class WorkflowTests_Sqlite() : WorkflowTests(DatabaseProvider.Sqlite);

public sealed class WorkflowTests_PostgreSql() : WorkflowTests(DatabaseProvider.PostgreSql);
