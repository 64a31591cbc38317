using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// The display settings bar works by keyboard and without JavaScript, and every scheme and size
/// still passes axe (WCAG 2.1 A/AA, colour contrast included).
/// </summary>
public sealed class DisplaySettingsTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>
{
    public static TheoryData<string, string> Combinations => new()
    {
        { "large", "contrast" },
        { "xlarge", "dark" },
        { "standard", "dark" },
    };

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task Each_text_size_and_colour_scheme_has_no_WCAG_A_or_AA_violations(string text, string colors)
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        foreach (var path in new[] { $"/display?text={text}&return=/", $"/display?colors={colors}&return=/chiba/" })
            await page.OpenAsync(site.Url(path));
        await Expect(page.Locator("html")).ToHaveClassAsync($"text-{text} colors-{colors}");
        await page.AssertNoWcagViolationsAsync($"/chiba/ ({text}, {colors})");
        await page.OpenAsync(site.Url("/members/120006"));
        await page.AssertNoWcagViolationsAsync($"/members/120006 ({text}, {colors})");
    }

    [Fact]
    public async Task The_choice_is_made_with_the_keyboard_without_JavaScript_and_announced()
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl, javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Url("/chiba/"));
        var large = page.GetByRole(AriaRole.Link, new() { Name = "大", Exact = true });
        await large.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(site.Url("/chiba/"));
        await Expect(page.Locator("html")).ToHaveClassAsync("text-large colors-standard");
        await Expect(page.Locator(".display-settings a[aria-current=true]").First).ToHaveTextAsync("大（選択中）");
    }
}
