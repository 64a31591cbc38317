using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// The publishing workflow of a member site, in a real browser with JavaScript turned off (the admin
/// area is plain HTML forms): an editor writes a page with notation problems, sees the checker's
/// findings, has them fixed automatically, compares the versions and asks for approval; the approver
/// finds the request in the inbox, reads the findings and the changes, and approves with a comment;
/// then, and only then, the public site shows the page.
/// </summary>
public sealed class PublishingWorkflowTests(PublishingSiteFixture site, BrowserFixture browser) : IClassFixture<PublishingSiteFixture>
{
    private const string Title = "NPO協働説明会のお知らせ";
    private const string Slug = "kyodo-briefing";
    // 全角数字 in a date written with slashes, and 丸数字 (機種依存文字): both flagged, both fixable.
    private const string Body = "## 日時\n\n説明会は２０２５/4/1に開きます。\n\n## 内容\n\n①受付 ②説明";
    private const string RequestComment = "説明会のお知らせです。ご確認をお願いします。";
    private const string ApprovalComment = "内容を確認しました。公開してください。";

    [Fact]
    public async Task Editor_writes_fixes_and_submits_a_page_the_approver_approves_it_and_it_goes_public()
    {
        await using var editorContext = await browser.NewContextAsync(site.Site.BaseUrl, javaScriptEnabled: false);
        var editor = await editorContext.NewPageAsync();
        await site.SignInAsync(editor, PublishingSiteFixture.EditorEmail);

        // --- The editor writes a new page through the menu and saves a draft -------------------
        await editor.GetByRole(AriaRole.Navigation, new() { Name = "管理メニュー" })
            .GetByRole(AriaRole.Link, new() { Name = "ページ", Exact = true }).ClickAsync();
        await Expect(editor.Locator("h1")).ToHaveTextAsync("ページ");
        await editor.GetByRole(AriaRole.Link, new() { Name = "ページを作成する" }).ClickAsync();
        await Expect(editor.Locator("h1")).ToHaveTextAsync("ページの作成");
        // Only the editor's own unit can own the page, and it is chosen already.
        await Expect(editor.Field("担当の所属（問い合わせ先）").Locator("option:checked"))
            .ToHaveTextAsync($"{PublishingSiteFixture.EditorUnitName}（課）");
        await editor.Field("タイトル").FillAsync(Title);
        await editor.Field("URL（スラッグ）").FillAsync(Slug);
        await editor.Field("本文（Markdown）").FillAsync(Body);
        // A site that requires approval offers no "publish" button on the form.
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "保存して公開する" })).ToHaveCountAsync(0);

        var saved = await editor.SubmitAsync("下書き保存");

        Assert.True(saved.WasRedirectAfterPost());
        await Expect(editor).ToHaveURLAsync(new Regex(Regex.Escape(site.Url("/admin/pages/")) + @"\d+$"));
        var statusUrl = editor.Url;
        await Expect(editor.Locator("h1")).ToHaveTextAsync($"「{Title}」の状態");
        await Expect(StateOf(editor)).ToHaveTextAsync("下書き");
        Assert.Equal(404, await PublicStatusAsync(editor));

        // --- The checker's findings are on the status page --------------------------------------
        var findings = editor.Locator("section.findings");
        await Expect(findings.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("アクセシビリティ・表記のチェック");
        await Expect(findings).ToContainTextAsync("件の指摘があります");
        await Expect(findings.Locator("li", new() { HasText = "全角英数字「２０２５」" })).ToContainTextAsync("自動修正できます");
        await Expect(findings.Locator("li", new() { HasText = "機種依存文字「①」" })).ToContainTextAsync("エラー:");
        await Expect(findings.Locator("li", new() { HasText = "機種依存文字「①」" })).ToContainTextAsync("「(1)」に置き換えてください");
        await Expect(Revisions(editor)).ToHaveCountAsync(1);

        // --- Auto-fix: a new version, and nothing left to report ---------------------------------
        var fixedUp = await editor.SubmitAsync("表記を自動修正する（新しい版として保存）");

        Assert.True(fixedUp.WasRedirectAfterPost());
        Assert.Equal(statusUrl, editor.Url);
        await Expect(findings).ToContainTextAsync("問題は見つかりませんでした。");
        await Expect(findings.Locator("li")).ToHaveCountAsync(0);
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "表記を自動修正する（新しい版として保存）" })).ToHaveCountAsync(0);
        await Expect(Revisions(editor)).ToHaveCountAsync(2);
        await Expect(Revisions(editor).Nth(0)).ToContainTextAsync("第2版");
        await Expect(Revisions(editor).Nth(0)).ToContainTextAsync("表記の自動修正");
        await Expect(Revisions(editor).Nth(0)).ToContainTextAsync(PublishingSiteFixture.EditorName);
        await Expect(Revisions(editor).Nth(1)).ToContainTextAsync("第1版");
        await Expect(Revisions(editor).Nth(1)).ToContainTextAsync("作成");
        await Expect(StateOf(editor)).ToHaveTextAsync("下書き");

        // --- What the fix changed: the first version against the second -----------------------
        await editor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^比較\s*（第2版）$") }).ClickAsync();
        await Expect(editor.Locator("h1")).ToHaveTextAsync("第1版と第2版の比較");
        var bodyDiff = editor.Locator("section.diff").Filter(new() { Has = editor.GetByRole(AriaRole.Heading, new() { Name = "本文", Exact = true }) });
        await Expect(bodyDiff.Locator(".diff-line--deleted")).ToContainTextAsync(["削除説明会は２０２５/4/1に開きます。", "削除①受付 ②説明"]);
        await Expect(bodyDiff.Locator(".diff-line--inserted")).ToContainTextAsync(["追加説明会は2025年4月1日に開きます。", "追加(1)受付 (2)説明"]);
        await Expect(bodyDiff.Locator(".diff-line--deleted del")).ToHaveCountAsync(2);
        await Expect(bodyDiff.Locator(".diff-line--inserted ins")).ToHaveCountAsync(2);
        await Expect(editor.Locator("section.diff").Filter(new() { Has = editor.GetByRole(AriaRole.Heading, new() { Name = "タイトル（変更なし）" }) }))
            .ToHaveCountAsync(1);
        await editor.GetByRole(AriaRole.Link, new() { Name = "状態の画面へ戻る" }).ClickAsync();
        await Expect(editor).ToHaveURLAsync(statusUrl);

        // --- Ask for approval on the route -------------------------------------------------------
        var request = editor.GetByRole(AriaRole.Region, new() { Name = "承認を依頼する" });
        Assert.Equal([site.RouteId.ToString()],
            await request.GetByLabel("承認経路").SelectOptionAsync(new SelectOptionValue { Label = PublishingSiteFixture.RouteName }));
        await request.GetByLabel("依頼のコメント").FillAsync(RequestComment);
        var requested = await editor.SubmitAsync("承認を依頼する");

        Assert.True(requested.WasRedirectAfterPost());
        Assert.Equal(statusUrl, editor.Url);
        await Expect(StateOf(editor)).ToHaveTextAsync("承認待ち");
        await Expect(editor.Locator("dl.definition")).ToContainTextAsync(RequestComment);
        await Expect(editor.GetByRole(AriaRole.Region, new() { Name = "承認を依頼する" })).ToHaveCountAsync(0);
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "依頼を取り下げて下書きに戻す" })).ToBeVisibleAsync();
        Assert.Equal(404, await PublicStatusAsync(editor));

        // --- The approver: dashboard → inbox → the request ---------------------------------------
        await using var approverContext = await browser.NewContextAsync(site.Site.BaseUrl, javaScriptEnabled: false);
        var approver = await approverContext.NewPageAsync();
        await site.SignInAsync(approver, PublishingSiteFixture.ApproverEmail);
        await approver.GetByRole(AriaRole.Link, new() { Name = "1 件あります", Exact = true }).ClickAsync();
        await Expect(approver).ToHaveURLAsync(site.Url("/admin/approvals"));
        await Expect(approver.Locator("h1")).ToHaveTextAsync("承認");
        var inbox = approver.GetByRole(AriaRole.Region, new() { Name = "依頼されたもの" });
        var row = inbox.GetByRole(AriaRole.Row).Filter(new() { HasText = Title });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(PublishingSiteFixture.EditorName);
        await Expect(row).ToContainTextAsync("第1段階 / 全1段階");
        await row.GetByRole(AriaRole.Link, new() { Name = Title, Exact = true }).ClickAsync();

        await Expect(approver).ToHaveURLAsync(new Regex(Regex.Escape(site.Url("/admin/approvals/")) + @"\d+$"));
        await Expect(approver.Locator("h1")).ToHaveTextAsync($"承認: {Title}");
        var details = approver.Locator("dl.definition");
        await Expect(details).ToContainTextAsync(PublishingSiteFixture.EditorName);
        await Expect(details).ToContainTextAsync($"{PublishingSiteFixture.RouteName}（第1段階 / 全1段階）");
        await Expect(details).ToContainTextAsync(RequestComment);
        await Expect(approver.Locator("section.findings")).ToContainTextAsync("問題は見つかりませんでした。");
        // A new page: everything is an addition against the (empty) live copy.
        var changes = approver.Locator("section.diff").Filter(new() { Has = approver.GetByRole(AriaRole.Heading, new() { Name = "本文", Exact = true }) });
        await Expect(changes.Locator(".diff-line--inserted").Filter(new() { HasText = "説明会は2025年4月1日に開きます。" })).ToHaveCountAsync(1);
        await Expect(changes.Locator(".diff-line--deleted")).ToHaveCountAsync(0);
        await Expect(approver.Locator("section.diff").Filter(new() { Has = approver.GetByRole(AriaRole.Heading, new() { Name = "タイトル", Exact = true }) }))
            .ToContainTextAsync("追加" + Title);

        // --- Approve with a comment -------------------------------------------------------------
        await approver.Field("コメント").FillAsync(ApprovalComment);
        var approved = await approver.SubmitAsync("承認する");

        Assert.True(approved.WasRedirectAfterPost());
        await Expect(approver).ToHaveURLAsync(site.Url("/admin/approvals"));
        await Expect(approver.GetByRole(AriaRole.Region, new() { Name = "依頼されたもの" })).ToContainTextAsync("承認を依頼されたものはありません。");

        // --- The public site shows the fixed page -----------------------------------------------
        await using var visitorContext = await browser.NewContextAsync(site.Site.BaseUrl, javaScriptEnabled: false);
        var visitor = await visitorContext.NewPageAsync();
        await visitor.OpenAsync(site.Url($"/pages/{Slug}"));
        await Expect(visitor.Locator("main h1")).ToHaveTextAsync(Title);
        var main = visitor.Locator("main");
        await Expect(main.GetByRole(AriaRole.Heading, new() { Name = "日時", Exact = true })).ToBeVisibleAsync();
        await Expect(main).ToContainTextAsync("説明会は2025年4月1日に開きます。");
        await Expect(main).ToContainTextAsync("(1)受付 (2)説明");
        await Expect(main).Not.ToContainTextAsync("２０２５");
        await Expect(main).Not.ToContainTextAsync("①");

        // --- And the editor's status page records the decision ----------------------------------
        await editor.OpenAsync(statusUrl);
        await Expect(StateOf(editor)).ToHaveTextAsync("公開");
        var decisions = editor.GetByRole(AriaRole.Region, new() { Name = "承認の経過" });
        await Expect(decisions.GetByRole(AriaRole.Row).Filter(new() { HasText = PublishingSiteFixture.ApproverName }))
            .ToContainTextAsync("第1段階" + PublishingSiteFixture.ApproverName + "承認" + ApprovalComment);
        await Expect(Revisions(editor).Nth(0)).ToContainTextAsync("第2版（公開中）");
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = $"/{PublishingSiteFixture.Tenant}/pages/{Slug}" })).ToBeVisibleAsync();
    }

    private static ILocator StateOf(IPage page) =>
        page.Locator("dl.definition dt:text-is('状態') + dd");

    private static ILocator Revisions(IPage page) =>
        page.GetByRole(AriaRole.Region, new() { Name = "版の履歴" }).Locator("tbody tr");

    /// <summary>The public page's status code, asked without leaving the page the person is on.</summary>
    private async Task<int> PublicStatusAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync(site.Url($"/pages/{Slug}"));
        return response.Status;
    }
}
