using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// The member directory's filter form, used as a person would: pick a prefecture in the select,
/// press the button. It is a plain GET form, so it must also work with JavaScript turned off.
/// </summary>
public sealed class MemberFilterTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>
{
    private const string Chiba = "千葉県";

    [Fact]
    public async Task Prefecture_filter_shows_only_Chiba_members()
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Url("/members"));

        await FilterByChibaAsync(page, allGovernments: false);

        Assert.Equal("12", QueryValue(page.Url, "pref"));
        Assert.NotEqual("all", QueryValue(page.Url, "scope"));
        var prefectures = await page.DirectoryColumnAsync(PageExtensions.PrefectureColumn);
        Assert.NotEmpty(prefectures);
        Assert.All(prefectures, p => Assert.Equal(Chiba, p.Trim()));
        // Of the six sample members only Chiba Prefecture itself is in Chiba.
        Assert.Equal([Chiba], (await page.DirectoryColumnAsync(1)).Select(n => n.Trim()));
        await Expect(page.Locator("#filter-pref")).ToHaveValueAsync("12");
    }

    [Fact]
    public async Task Prefecture_filter_with_all_governments_shows_many_Chiba_rows()
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Url("/members"));

        await FilterByChibaAsync(page, allGovernments: true);

        Assert.Equal("12", QueryValue(page.Url, "pref"));
        Assert.Equal("all", QueryValue(page.Url, "scope"));
        await AssertManyChibaRowsAsync(page);
        await Expect(page.Locator("#filter-pref")).ToHaveValueAsync("12");
        await Expect(page.Locator("input[name=scope][value=all]")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Filter_form_works_without_JavaScript()
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        // Prove the context really runs no page script: an inline script would change the title.
        await page.SetContentAsync("<title>off</title><script>document.title = 'on';</script>");
        Assert.Equal("off", await page.TitleAsync());

        await page.OpenAsync(site.Url("/members"));

        await FilterByChibaAsync(page, allGovernments: true);

        Assert.Equal("12", QueryValue(page.Url, "pref"));
        Assert.Equal("all", QueryValue(page.Url, "scope"));
        await AssertManyChibaRowsAsync(page);

        // The pager is plain links too.
        await page.GetByRole(AriaRole.Link, new() { Name = "次のページ" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"[?&]page=2(&|$)"));
        var secondPage = await page.DirectoryColumnAsync(PageExtensions.PrefectureColumn);
        Assert.NotEmpty(secondPage);
        Assert.All(secondPage, p => Assert.Equal(Chiba, p.Trim()));
    }

    private static async Task FilterByChibaAsync(IPage page, bool allGovernments)
    {
        var selected = await page.Locator("#filter-pref").SelectOptionAsync(new SelectOptionValue { Value = "12" });
        Assert.Equal(["12"], selected);
        Assert.StartsWith(Chiba, await page.Locator("#filter-pref option:checked").InnerTextAsync());
        if (allGovernments)
            await page.GetByLabel("全国の全団体").CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "表示する" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"[?&]pref=12(&|$)"));
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    private static async Task AssertManyChibaRowsAsync(IPage page)
    {
        var prefectures = await page.DirectoryColumnAsync(PageExtensions.PrefectureColumn);
        // Chiba has the prefecture and 54 municipalities: a full first page of 50.
        Assert.True(prefectures.Count >= 40, $"Expected many rows for all governments in {Chiba}, got {prefectures.Count}.");
        Assert.All(prefectures, p => Assert.Equal(Chiba, p.Trim()));
        await Expect(page.Locator("h1")).ToContainTextAsync(Chiba);
    }

    private static string? QueryValue(string url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(url).Query).TryGetValue(name, out var v) ? v.ToString() : null;
}
