using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// axe-core finds no WCAG 2.0/2.1 level A or AA violation on the publishing workflow's admin pages
/// (admin theme): the page form, the status page, the diff, the approvals inbox and the decision page,
/// and the approval routes: as first shown, with real content in them, and with validation errors.
/// The text on the diff's coloured lines and the muted notes is also measured directly (4.5:1).
/// Each test makes the pages it looks at, so the tests do not depend on one another.
/// </summary>
public sealed class PublishingAccessibilityTests(PublishingSiteFixture site, BrowserFixture browser) : IClassFixture<PublishingSiteFixture>, IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    // Notation the checker fixes (全角数字 in a slashed date, 丸数字), and what it only reports:
    // an image whose alt text is its file name (error) and a link that says 「こちら」 (warning).
    private const string ProblemBody = """
        ## 日時

        説明会は２０２５/4/1に開きます。①受付 ②説明

        ![IMG_0012.jpg](/images/IMG_0012.jpg)

        申し込みは[こちら](/chiba/pages/apply)から。
        """;

    [Fact]
    public async Task Page_form_new_and_with_validation_errors_has_no_WCAG_A_or_AA_violations()
    {
        var editor = await SignedInAsync(PublishingSiteFixture.EditorEmail);
        await editor.OpenAsync(site.Url("/admin/pages/new"));
        await Expect(editor.Locator("h1")).ToHaveTextAsync("ページの作成");
        await editor.AssertNoWcagViolationsAsync("/admin/pages/new");

        // Several kinds of wrong value: a missing title, a bad slug, an end before the start. (The menu order is set at /admin/menu.)
        await editor.Field("URL（スラッグ）").FillAsync("Bad Slug!");
        await editor.Field("公開日時（公開予約）").FillAsync("2026-04-02T10:00");
        await editor.Field("公開終了日時").FillAsync("2026-04-01T10:00");
        var refused = await editor.SubmitAsync("下書き保存");

        Assert.True(refused.WasRefused(), $"Expected the form again with 400, got {refused.Status}.");
        await Expect(editor.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(editor.Locator(".form-field__error")).ToHaveCountAsync(3); // タイトル, URL, 公開終了日時
        await Expect(editor.Field("タイトル")).ToHaveAttributeAsync("aria-invalid", "true");
        await editor.AssertNoWcagViolationsAsync("/admin/pages/new with validation errors");
        await TextContrast.AssertReadableAsync(editor.Locator(".form-field__hint"), "hints on the page form");
        await TextContrast.AssertReadableAsync(editor.Locator(".form-field__error"), "errors on the page form");
    }

    [Fact]
    public async Task Status_page_with_findings_history_and_decisions_has_no_WCAG_A_or_AA_violations()
    {
        const string title = "状態画面の確認";
        var editor = await SignedInAsync(PublishingSiteFixture.EditorEmail);
        var status = await site.CreateDraftAsync(editor, title, "a11y-status", ProblemBody);

        // Fresh draft: every kind of finding, and the auto-fix button.
        await Expect(editor.Locator("section.findings li")).ToHaveCountAsync(5); // ２０２５, ①, ②, the image, 「こちら」
        await Expect(AutoFixButton(editor)).ToBeVisibleAsync();
        await editor.AssertNoWcagViolationsAsync("the status page of a draft with findings");
        await TextContrast.AssertReadableAsync(editor.Locator("section.findings .muted"), "「自動修正できます」 notes");
        await TextContrast.AssertReadableAsync(editor.Locator(".finding--error strong"), "「エラー」 labels");

        // Fixed, asked for, remanded: findings that need a person, two versions, the decisions, the request form again.
        await PublishingSteps.AutoFixAsync(editor);
        await PublishingSteps.RequestApprovalAsync(editor, "確認をお願いします。");
        var approver = await SignedInAsync(PublishingSiteFixture.ApproverEmail);
        await site.OpenRequestAsync(approver, title);
        await PublishingSteps.DecideAsync(approver, "差し戻す", "画像の説明を書いてください。");

        await editor.OpenAsync(status);
        await Expect(editor.Locator("dl.definition")).ToContainTextAsync("差し戻し");
        await Expect(editor.Locator("section.findings li")).ToHaveCountAsync(2);
        // What is left needs a person (alt text, link text): no auto-fix button that would fix nothing.
        await Expect(editor.Locator("section.findings")).Not.ToContainTextAsync("自動修正できます");
        await Expect(AutoFixButton(editor)).ToHaveCountAsync(0);
        await Expect(editor.GetByRole(AriaRole.Region, new() { Name = "版の履歴" }).Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(editor.GetByRole(AriaRole.Region, new() { Name = "承認の経過" })).ToContainTextAsync("画像の説明を書いてください。");
        await Expect(editor.GetByRole(AriaRole.Region, new() { Name = "承認を依頼する" })).ToBeVisibleAsync();
        await editor.AssertNoWcagViolationsAsync("the status page of a remanded page with findings and history");

        // The request form refused for want of a comment.
        var refused = await editor.SubmitAsync("承認を依頼する");
        Assert.True(refused.WasRefused(), $"Expected the status page again with 400, got {refused.Status}.");
        await Expect(editor.Locator(".error-summary")).ToContainTextAsync("依頼のコメント");
        await editor.AssertNoWcagViolationsAsync("the status page with a refused request");
    }

    [Fact]
    public async Task Diff_page_has_no_WCAG_A_or_AA_violations_and_readable_added_and_removed_lines()
    {
        var editor = await SignedInAsync(PublishingSiteFixture.EditorEmail);
        await site.CreateDraftAsync(editor, "比較画面の確認", "a11y-diff", ProblemBody);
        await PublishingSteps.AutoFixAsync(editor);

        await editor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^比較\s*（第2版）$") }).ClickAsync();

        await Expect(editor.Locator("h1")).ToHaveTextAsync("第1版と第2版の比較");
        await Expect(editor.Locator(".diff-line--inserted")).Not.ToHaveCountAsync(0);
        await Expect(editor.Locator(".diff-line--deleted")).Not.ToHaveCountAsync(0);
        // Here the fields are the page's own sections.
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "本文", Exact = true, Level = 2 })).ToBeVisibleAsync();
        await editor.AssertNoWcagViolationsAsync("the diff of two versions");
        await TextContrast.AssertReadableAsync(editor.Locator(".diff-line--inserted, .diff-line--inserted > *"), "added lines");
        await TextContrast.AssertReadableAsync(editor.Locator(".diff-line--deleted, .diff-line--deleted > *"), "removed lines");
        await TextContrast.AssertReadableAsync(editor.Locator(".diff-line--unchanged"), "unchanged lines");
        await TextContrast.AssertReadableAsync(editor.Locator("section.diff h2 .muted"), "「（変更なし）」 notes");
    }

    [Fact]
    public async Task Approvals_inbox_has_no_WCAG_A_or_AA_violations_for_the_approver_and_the_author()
    {
        var editor = await SignedInAsync(PublishingSiteFixture.EditorEmail);
        // One request waiting, one remanded.
        await site.CreateDraftAsync(editor, "受信箱の確認（承認待ち）", "a11y-inbox-waiting", "承認待ちの本文");
        await PublishingSteps.RequestApprovalAsync(editor, "確認をお願いします。");
        await site.CreateDraftAsync(editor, "受信箱の確認（差し戻し）", "a11y-inbox-remanded", "差し戻しの本文");
        await PublishingSteps.RequestApprovalAsync(editor, "確認をお願いします。");
        var approver = await SignedInAsync(PublishingSiteFixture.ApproverEmail);
        await site.OpenRequestAsync(approver, "受信箱の確認（差し戻し）");
        await PublishingSteps.DecideAsync(approver, "差し戻す", "本文を書き足してください。");

        await approver.OpenAsync(site.Url("/admin/approvals"));
        await Expect(approver.GetByRole(AriaRole.Region, new() { Name = "依頼されたもの" })
            .GetByRole(AriaRole.Link, new() { Name = "受信箱の確認（承認待ち）" })).ToBeVisibleAsync();
        await approver.AssertNoWcagViolationsAsync("the approvals inbox of an approver with a request");

        await editor.OpenAsync(site.Url("/admin/approvals"));
        await Expect(editor.GetByRole(AriaRole.Region, new() { Name = "差し戻されたもの" })
            .GetByRole(AriaRole.Link, new() { Name = "受信箱の確認（差し戻し）" })).ToBeVisibleAsync();
        await Expect(editor.GetByRole(AriaRole.Region, new() { Name = "自分が依頼中のもの" })
            .GetByRole(AriaRole.Link, new() { Name = "受信箱の確認（承認待ち）" })).ToBeVisibleAsync();
        await editor.AssertNoWcagViolationsAsync("the approvals inbox of an author with remanded and waiting pages");
    }

    [Fact]
    public async Task Approval_view_with_findings_and_diff_and_with_errors_has_no_WCAG_A_or_AA_violations()
    {
        const string title = "承認画面の確認";
        var editor = await SignedInAsync(PublishingSiteFixture.EditorEmail);
        await site.CreateDraftAsync(editor, title, "a11y-approval", ProblemBody);
        await PublishingSteps.RequestApprovalAsync(editor, "確認をお願いします。");
        var approver = await SignedInAsync(PublishingSiteFixture.ApproverEmail);

        await site.OpenRequestAsync(approver, title);

        await Expect(approver.Locator("section.findings li")).ToHaveCountAsync(5);
        await Expect(approver.Locator(".diff-line--inserted")).Not.ToHaveCountAsync(0);
        // The changed fields are sections of 「公開中の内容との違い」, one heading level below it.
        var changes = approver.GetByRole(AriaRole.Region, new() { Name = "公開中の内容との違い" });
        await Expect(changes.GetByRole(AriaRole.Heading, new() { Name = "公開中の内容との違い", Level = 2 })).ToBeVisibleAsync();
        await Expect(changes.GetByRole(AriaRole.Heading, new() { Name = "本文", Exact = true, Level = 3 })).ToBeVisibleAsync();
        await Expect(changes.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveCountAsync(1);
        await approver.AssertNoWcagViolationsAsync("the approval view");
        await TextContrast.AssertReadableAsync(approver.Locator(".diff-line--inserted, .diff-line--inserted > *"), "added lines on the approval view");

        // 承認する without the comment that both decisions need.
        var refused = await approver.SubmitAsync("承認する");
        Assert.True(refused.WasRefused(), $"Expected the approval view again with 400, got {refused.Status}.");
        await Expect(approver.Locator(".error-summary")).ToContainTextAsync("コメントを入力してください");
        await Expect(approver.Field("コメント")).ToHaveAttributeAsync("aria-invalid", "true");
        await approver.AssertNoWcagViolationsAsync("the approval view with a validation error");
    }

    [Fact]
    public async Task Routes_list_and_form_empty_and_with_errors_have_no_WCAG_A_or_AA_violations()
    {
        var admin = await SignedInAsync(PublishingSiteFixture.SiteAdministratorEmail);
        await admin.OpenAsync(site.Url("/admin/routes"));
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = PublishingSiteFixture.RouteName })).ToBeVisibleAsync();
        await admin.AssertNoWcagViolationsAsync("/admin/routes");

        await admin.GetByRole(AriaRole.Link, new() { Name = "承認経路を作成する" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("承認経路の作成");
        await Expect(admin.GetByRole(AriaRole.Group, new() { Name = "第5段階" })).ToBeVisibleAsync();
        await admin.AssertNoWcagViolationsAsync("/admin/routes/new");

        // Nothing filled in: no name, no level.
        var empty = await admin.SubmitAsync("保存する");
        Assert.True(empty.WasRefused(), $"Expected the form again with 400, got {empty.Status}.");
        await Expect(admin.Locator(".error-summary")).ToContainTextAsync("経路の名前を入力してください");
        await Expect(admin.Locator(".error-summary")).ToContainTextAsync("少なくとも1つの段階");
        await admin.AssertNoWcagViolationsAsync("/admin/routes/new with no name and no level");

        // A level that needs more approvals than it has approvers, and a name already taken.
        await admin.Field("経路の名前").FillAsync(PublishingSiteFixture.RouteName);
        var level1 = admin.GetByRole(AriaRole.Group, new() { Name = "第1段階" });
        await level1.GetByRole(AriaRole.Checkbox, new() { Name = PublishingSiteFixture.ApproverName }).CheckAsync();
        await level1.GetByLabel("必要な承認数").FillAsync("3");
        var tooMany = await admin.SubmitAsync("保存する");
        Assert.True(tooMany.WasRefused(), $"Expected the form again with 400, got {tooMany.Status}.");
        await Expect(admin.Locator(".error-summary")).ToContainTextAsync("すでにあります");
        await Expect(admin.Locator(".error-summary")).ToContainTextAsync("承認者の数（1）を超えています");
        await admin.AssertNoWcagViolationsAsync("/admin/routes/new with a taken name and too many approvals required");
    }

    private static ILocator AutoFixButton(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "表記を自動修正する（新しい版として保存）" });

    private async Task<IPage> SignedInAsync(string email)
    {
        var context = await browser.NewContextAsync(site.Site.BaseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await site.SignInAsync(page, email);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
    }
}
