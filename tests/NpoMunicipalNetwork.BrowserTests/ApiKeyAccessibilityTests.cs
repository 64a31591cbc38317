using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// The API key pages of a member site (the secretariat's session works on every site): the list, the form with its
/// errors, the one page that shows a new key and the list after revoking, all without a WCAG 2.0/2.1 A or AA violation.
/// </summary>
public sealed class ApiKeyAccessibilityTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>, IAsyncDisposable
{
    private IBrowserContext? _context;

    [Fact]
    public async Task Issuing_and_revoking_a_key_has_no_WCAG_A_or_AA_violations()
    {
        await site.EnsureAdministratorAsync();
        _context = await browser.NewContextAsync(site.BaseUrl);
        var page = await _context.NewPageAsync();
        await page.SignInAsync(site, SiteFixture.AdministratorEmail, SiteFixture.AdministratorPassword);

        await page.OpenAsync(site.Url("/chiba/admin/api-keys/new"));
        var refused = await page.SubmitAsync("発行する");
        Assert.True(refused.WasRefused(), $"Expected the form again with 400, got {refused.Status}.");
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await page.AssertNoWcagViolationsAsync("/chiba/admin/api-keys/new with validation errors");

        await page.Field("キーの名前").FillAsync("事例登録システム");
        await page.GetByLabel("政策事例の登録・更新（write:cases）").CheckAsync();
        await page.SubmitAsync("発行する");
        await Expect(page.Locator("h1")).ToHaveTextAsync("APIキーを発行しました");
        await Expect(page.Locator("#api-key")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^npo_[0-9a-f]{12}_"));
        await page.AssertNoWcagViolationsAsync("the page that shows a new key");

        await page.OpenAsync(site.Url("/chiba/admin/api-keys"));
        await Expect(page.Locator("table tbody")).ToContainTextAsync("事例登録システム");
        await page.Locator("table a[href$='/revoke']").First.ClickAsync();
        await page.SubmitAsync("失効させる");
        await Expect(page.Locator(".notice-box")).ToBeVisibleAsync();
        await page.AssertNoWcagViolationsAsync("/chiba/admin/api-keys after revoking");
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
            await _context.DisposeAsync();
    }
}
