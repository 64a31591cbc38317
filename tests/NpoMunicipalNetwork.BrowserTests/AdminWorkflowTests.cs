using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// A new install used as the secretariat would, in a real browser with JavaScript turned off
/// (the admin area is plain HTML forms): the first administrator registers with the setup code from
/// the console, adds a unit, and invites a colleague into it, who gets a mail with a working link.
/// </summary>
public sealed class AdminWorkflowTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>
{
    private const string AdminName = "事務局 一郎";
    private const string AdminEmail = "ichiro@npo-network.example.jp";
    private const string AdminPassword = "setup-pass-2026";
    private const string Unit = "市民協働課";
    private const string InviteeName = "協働 花子";
    private const string InviteeEmail = "hanako@city.example.lg.jp";
    private const string InviteePassword = "hanako-pass-2026";

    [Fact]
    public async Task First_administrator_sets_up_the_site_adds_a_unit_and_invites_an_editor()
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl, javaScriptEnabled: false);
        var page = await context.NewPageAsync();

        // --- /setup with the one-time code that the start printed to the console ---------------
        var code = site.SetupCode;
        Assert.False(string.IsNullOrEmpty(code), "A fresh site with no administrator should have issued a setup code.");
        await page.OpenAsync(site.Url("/setup"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("最初の管理者の登録");
        await page.Field("初期設定コード").PressSequentiallyAsync(code);
        await page.Field("氏名").PressSequentiallyAsync(AdminName);
        await page.Field("メールアドレス").PressSequentiallyAsync(AdminEmail);
        await page.Field("パスワード").PressSequentiallyAsync(AdminPassword);
        await page.Field("パスワード（確認）").PressSequentiallyAsync(AdminPassword);
        var setup = await page.SubmitAsync("登録する");

        Assert.True(setup.WasRedirectAfterPost());
        await Expect(page).ToHaveURLAsync(site.Url("/admin"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("ダッシュボード");
        await Expect(page.Locator(".admin-user__name")).ToContainTextAsync(AdminName);
        // The code is used up: the setup page is gone.
        Assert.Null(site.SetupCode);
        var again = await page.GotoAsync(site.Url("/setup"));
        Assert.Equal(404, again!.Status);

        // --- Units: the empty form is refused with an error summary that links to the fields ---
        await page.OpenAsync(site.Url("/admin"));
        await AdminMenu(page).GetByRole(AriaRole.Link, new() { Name = "組織", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("組織");
        await page.GetByRole(AriaRole.Link, new() { Name = "組織を追加する" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("組織の追加");

        var empty = await page.SubmitAsync("保存する");

        Assert.True(empty.WasRefused());
        // Without JavaScript focus stays put, so the title (read first) says the form has errors.
        Assert.StartsWith("エラー: 組織の追加 | ", await page.TitleAsync());
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("入力内容を確認してください");
        var nameError = summary.GetByRole(AriaRole.Link, new() { Name = "名称を入力してください。" });
        await Expect(nameError).ToHaveAttributeAsync("href", "#field-name");
        // Every link in the summary leads to a form control (or a group of them) on this page.
        var links = summary.Locator("a");
        Assert.True(await links.CountAsync() >= 1);
        foreach (var href in await links.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            Assert.Matches("^#field-[A-Za-z]+$", href);
            await Expect(page.Locator(href).Locator("xpath=self::input|self::select|self::textarea|self::fieldset")).ToHaveCountAsync(1);
        }
        // The message is also next to the field, and the field says it is invalid and why.
        var nameField = page.Field("名称");
        var fieldError = page.Locator("#error-name.form-field__error");
        await Expect(fieldError).ToBeVisibleAsync();
        await Expect(fieldError).ToContainTextAsync("名称を入力してください。");
        await Expect(nameField).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(nameField).ToHaveAttributeAsync("aria-describedby", new Regex(@"(^|\s)error-name(\s|$)"));
        await Expect(nameField).ToHaveCSSAsync("border-top-color", "rgb(206, 0, 0)"); // --error
        await Expect(page.Field("FAX番号")).Not.ToHaveCSSAsync("border-top-color", "rgb(206, 0, 0)");
        // Following the summary link puts the person on the field.
        await nameError.ClickAsync();
        await Expect(nameField).ToBeFocusedAsync();

        // --- A unit through the form, then in the tree ------------------------------------------
        await nameField.PressSequentiallyAsync(Unit);
        Assert.Equal(["Ka"], await page.Field("区分").SelectOptionAsync(new SelectOptionValue { Label = "課" }));
        await Expect(page.Field("上位の組織")).ToHaveValueAsync(""); // （最上位）
        await page.Field("電話番号").PressSequentiallyAsync("043-223-4146");
        await page.Field("メールアドレス").PressSequentiallyAsync("kyodo@city.example.lg.jp");
        var created = await page.SubmitAsync("保存する");

        Assert.True(created.WasRedirectAfterPost());
        await Expect(page).ToHaveURLAsync(site.Url("/admin/departments"));
        Assert.StartsWith("組織 | ", await page.TitleAsync());
        var unitInTree = page.Locator("ul.tree > li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = Unit, Exact = true }) });
        await Expect(unitInTree).ToHaveCountAsync(1);
        await Expect(unitInTree).ToContainTextAsync($"{Unit}（課）");
        await Expect(unitInTree).ToContainTextAsync("電話 043-223-4146");

        // --- Invite an editor of that unit ------------------------------------------------------
        await AdminMenu(page).GetByRole(AriaRole.Link, new() { Name = "利用者", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("利用者");
        await page.GetByRole(AriaRole.Link, new() { Name = "利用者を招待する" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("利用者の招待");
        await page.Field("氏名").PressSequentiallyAsync(InviteeName);
        await page.Field("メールアドレス").PressSequentiallyAsync(InviteeEmail);
        await page.GetByRole(AriaRole.Group, new() { Name = "権限" })
            .GetByRole(AriaRole.Checkbox, new() { Name = "編集者", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "所属" })
            .GetByRole(AriaRole.Checkbox, new() { Name = $"{Unit}（課）", Exact = true }).CheckAsync();
        var invited = await page.SubmitAsync("招待メールを送る");

        Assert.True(invited.WasRedirectAfterPost());
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(site.Url("/admin/users")) + @"(\?|$)"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = InviteeName, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByRole(AriaRole.Cell)).ToHaveTextAsync([InviteeName, InviteeEmail, "編集者", Unit, "招待中"]);

        // --- The invitation mail in the pickup folder -----------------------------------------
        var mail = Assert.Single(site.SentMail());
        var message = await MimeMessage.LoadAsync(mail, TestContext.Current.CancellationToken);
        Assert.Equal(InviteeEmail, Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains("招待", message.Subject);
        Assert.Contains(InviteeName, message.TextBody);
        var link = Regex.Match(message.TextBody ?? "", @"https?://\S+/account/invitation\?\S+");
        Assert.True(link.Success, "The invitation mail should contain the link to /account/invitation:\n" + message.TextBody);
        Assert.StartsWith(site.Url("/account/invitation?user="), link.Value);
        Assert.Contains("token=", link.Value);

        // --- The link works: the colleague sets a password and signs in ------------------------
        await using var inviteeContext = await browser.NewContextAsync(site.BaseUrl, javaScriptEnabled: false);
        var invitee = await inviteeContext.NewPageAsync();
        await invitee.OpenAsync(link.Value);
        await Expect(invitee.Locator("h1")).ToHaveTextAsync("利用者登録の完了");
        await invitee.Field("パスワード").PressSequentiallyAsync(InviteePassword);
        await invitee.Field("パスワード（確認）").PressSequentiallyAsync(InviteePassword);
        Assert.True((await invitee.SubmitAsync("登録を完了する")).WasRedirectAfterPost());
        await invitee.SignInAsync(site, InviteeEmail, InviteePassword);
        await Expect(invitee.Locator("h1")).ToHaveTextAsync("ダッシュボード");
        await Expect(invitee.Locator("main")).ToContainTextAsync($"所属: {Unit}");

        await page.ReloadAsync();
        await Expect(row.GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("利用中");
    }

    private static ILocator AdminMenu(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "管理メニュー" });
}
