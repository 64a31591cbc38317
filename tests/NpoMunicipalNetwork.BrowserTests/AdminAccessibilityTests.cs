using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// axe-core finds no WCAG 2.0/2.1 level A or AA violation on the sign-in pages and the admin area
/// (admin theme): as first shown, and with the server's validation errors on the page.
/// </summary>
public sealed class AdminAccessibilityTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>, IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>Pages seen before signing in. /setup still shows its form: the administrator here was made without it.</summary>
    public static TheoryData<string> SignedOutPages => new()
    {
        "/account/login",
        "/account/login?done=logout",     // with the notice box
        "/setup",
    };

    /// <summary>Admin pages of a signed-in network administrator on the hub.</summary>
    public static TheoryData<string> AdminPages => new()
    {
        "/admin",                     // dashboard
        "/admin/departments",         // organisation tree
        "/admin/departments/new",     // unit form, empty
        "/admin/users",               // users list
        "/admin/users/invite",        // invitation form
        "/admin/pages",               // pages list
        "/admin/audit",               // audit log, all sites (secretariat)
        "/admin/opendata",            // open-data builds (secretariat)
        "/admin/webhooks",            // webhook subscriptions, form and delivery log
        "/admin/accessibility",       // accessibility test runs (secretariat)
        "/chiba/admin/menu",          // a member site's page menu editor
        "/chiba/admin/home",          // a member site's home settings (overview, links)
    };

    [Theory]
    [MemberData(nameof(SignedOutPages))]
    public async Task Signed_out_page_has_no_WCAG_A_or_AA_violations(string path)
    {
        await site.EnsureAdministratorAsync();
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Url(path));

        await page.AssertNoWcagViolationsAsync(path);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admin_page_has_no_WCAG_A_or_AA_violations(string path)
    {
        var page = await SignedInPageAsync();
        await page.OpenAsync(site.Url(path));
        await Expect(page.Locator("main#main h1")).ToBeVisibleAsync();

        await page.AssertNoWcagViolationsAsync(path);
    }

    [Fact]
    public async Task Department_form_with_validation_errors_has_no_WCAG_A_or_AA_violations()
    {
        var page = await SignedInPageAsync();
        await page.OpenAsync(site.Url("/admin/departments/new"));
        // Wrong values in several kinds of field, so errors show on a text, a tel, an email and a number input.
        await page.Field("電話番号").FillAsync("12-34");
        await page.Field("メールアドレス").FillAsync("not-an-address");
        await page.Field("表示順").FillAsync("-1");

        await SubmitExpecting400Async(page, "保存する");

        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator(".form-field__error")).ToHaveCountAsync(4); // 名称, 電話番号, メールアドレス, 表示順
        await page.AssertNoWcagViolationsAsync("/admin/departments/new with validation errors");
    }

    [Fact]
    public async Task Invite_form_with_validation_errors_has_no_WCAG_A_or_AA_violations()
    {
        var page = await SignedInPageAsync();
        await page.OpenAsync(site.Url("/admin/users/invite"));

        await SubmitExpecting400Async(page, "招待メールを送る");

        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        // No unit exists on this site yet: the 所属 group says so rather than standing empty.
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "所属" })).ToContainTextAsync("組織がまだ登録されていません。");
        await page.AssertNoWcagViolationsAsync("/admin/users/invite with validation errors");
    }

    [Fact]
    public async Task Audit_log_with_a_wrong_date_filter_has_no_WCAG_A_or_AA_violations()
    {
        var page = await SignedInPageAsync();
        var response = await page.GotoAsync(site.Url("/admin/audit?from=2025/04/01"));
        Assert.Equal(400, response!.Status);

        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#error-from")).ToContainTextAsync("期間の開始日");
        await page.AssertNoWcagViolationsAsync("/admin/audit with a wrong date filter");
    }

    [Fact]
    public async Task Login_and_setup_forms_with_validation_errors_have_no_WCAG_A_or_AA_violations()
    {
        await site.EnsureAdministratorAsync();
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();

        await page.OpenAsync(site.Url("/account/login"));
        await SubmitExpecting400Async(page, "ログイン");
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await page.AssertNoWcagViolationsAsync("/account/login with validation errors");

        await page.OpenAsync(site.Url("/setup"));
        await SubmitExpecting400Async(page, "登録する");
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await page.AssertNoWcagViolationsAsync("/setup with validation errors");
    }

    private async Task<IPage> SignedInPageAsync()
    {
        await site.EnsureAdministratorAsync();
        var context = await browser.NewContextAsync(site.BaseUrl);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.SignInAsync(site, SiteFixture.AdministratorEmail, SiteFixture.AdministratorPassword);
        return page;
    }

    private static async Task SubmitExpecting400Async(IPage page, string button)
    {
        var response = await page.SubmitAsync(button);
        Assert.True(response.WasRefused(), $"Expected the form again with 400, got {response.Status} for {response.Request.Method} {response.Url}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
    }
}
