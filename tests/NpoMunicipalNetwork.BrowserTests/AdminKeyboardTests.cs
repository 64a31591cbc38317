using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>The sign-in page and the admin area can be used with the keyboard alone.</summary>
public sealed class AdminKeyboardTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>, IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>Admin pages (signed in); the skip link must be the first stop of the Tab key on each.</summary>
    public static TheoryData<string> AdminPages => new()
    {
        "/admin",
        "/admin/departments",
        "/admin/departments/new",
        "/admin/users",
        "/admin/users/invite",
        "/admin/pages",
        "/admin/audit",
    };

    [Fact]
    public async Task Login_page_Tab_order_is_skip_link_then_email_password_and_the_login_button()
    {
        var page = await NewPageAsync();
        await page.OpenAsync(site.Url("/account/login"));

        var stops = new List<string>();
        for (var i = 0; i < 15 && !stops.Contains("button:ログイン"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await FocusedAsync(page));
            // Each stop shows where the focus is (WCAG 2.4.7).
            Assert.True(await FocusIsVisibleAsync(page), $"No visible focus indicator on {stops[^1]}.");
        }

        Assert.Equal("a:本文へ移動", stops[0]);
        var email = stops.IndexOf("input:email");
        Assert.True(email > 0, "Tab never reached the メールアドレス field: " + string.Join(" → ", stops));
        Assert.Equal(["input:email", "input:password", "button:ログイン"], stops.Skip(email).Take(3));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "ログイン", Exact = true })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Signing_in_works_with_the_keyboard_alone()
    {
        await site.EnsureAdministratorAsync();
        var page = await NewPageAsync();
        await page.OpenAsync(site.Url("/account/login"));

        // Tab to the e-mail field, type, Tab to the password, type, Enter submits the form.
        for (var i = 0; i < 15 && await FocusedAsync(page) != "input:email"; i++)
            await page.Keyboard.PressAsync("Tab");
        await Expect(page.Field("メールアドレス")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(SiteFixture.AdministratorEmail);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Field("パスワード")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(SiteFixture.AdministratorPassword);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(site.Url("/admin"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("ダッシュボード");
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Admin_page_has_the_skip_link_first_and_it_moves_focus_to_main(string path)
    {
        await site.EnsureAdministratorAsync();
        var page = await NewPageAsync();
        await page.SignInAsync(site, SiteFixture.AdministratorEmail, SiteFixture.AdministratorPassword);
        await page.OpenAsync(site.Url(path));

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.Locator("a.skip-link");
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToHaveTextAsync("本文へ移動");
        await Expect(skipLink).ToHaveAttributeAsync("href", "#main");
        await Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var insideMain = await page.EvaluateAsync<bool>("() => document.getElementById('main').contains(document.activeElement)");
        Assert.True(insideMain, "After the skip link, the next Tab should land inside <main>.");
    }

    /// <summary>The focused element as "tag:name", e.g. <c>input:email</c>, <c>button:ログイン</c>, <c>a:本文へ移動</c>.</summary>
    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const e = document.activeElement;
          if (!e || e === document.body) return 'body';
          const tag = e.tagName.toLowerCase();
          if (tag === 'input' || tag === 'select' || tag === 'textarea') return tag + ':' + e.name;
          return tag + ':' + e.textContent.trim();
        }
        """);

    private static Task<bool> FocusIsVisibleAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const e = document.activeElement;
          if (!e || !e.matches(':focus-visible')) return false;
          const s = getComputedStyle(e);
          return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
        }
        """);

    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.NewContextAsync(site.BaseUrl);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
    }
}
