using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>The hub's pages load in a real browser, in Japanese, and can be used with the keyboard.</summary>
public sealed class HubPagesTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>
{
    private const string NetworkName = "NPO活動推進自治体ネットワーク";

    [Fact]
    public async Task Hub_home_loads_in_Japanese_with_the_network_title()
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();

        await page.OpenAsync(site.Url("/"));

        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal(NetworkName, await page.TitleAsync());
        await Expect(page.Locator("h1")).ToHaveTextAsync(NetworkName);
        await Expect(page.Locator("main#main")).ToBeVisibleAsync();
        // The six sample member sites of the setup recipe are linked from the home page.
        await Expect(page.Locator("#sites-title + .card-list > li")).ToHaveCountAsync(6);
    }

    [Fact]
    public async Task Member_directory_loads_with_the_member_rows()
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();

        await page.OpenAsync(site.Url("/members"));

        Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal($"会員団体一覧 | {NetworkName}", await page.TitleAsync());
        await Expect(page.Locator("h1")).ToHaveTextAsync("会員団体一覧");
        await Expect(page.Locator("#filter-pref")).ToBeVisibleAsync();
        var names = await page.DirectoryColumnAsync(1);
        Assert.Equal(6, names.Count);
        foreach (var expected in new[] { "千葉県", "横浜市", "滋賀県", "佐賀県", "静岡県", "山形県" })
            Assert.Contains(expected, names);
    }

    [Fact]
    public async Task First_Tab_focuses_the_skip_link_and_activating_it_moves_focus_to_main()
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Url("/members"));

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.Locator("a.skip-link");
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToHaveTextAsync("本文へ移動");
        await Expect(skipLink).ToHaveAttributeAsync("href", "#main");
        await Expect(skipLink).ToBeInViewportAsync(); // visible once focused, not left off-screen

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        Assert.EndsWith("#main", page.Url);

        // The next Tab continues inside main, not back at the top of the page.
        await page.Keyboard.PressAsync("Tab");
        var insideMain = await page.EvaluateAsync<bool>("() => document.getElementById('main').contains(document.activeElement)");
        Assert.True(insideMain, "After the skip link, the next Tab should land inside <main>.");
    }
}
