using NpoMunicipalNetwork.BrowserTests.Infrastructure;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// axe-core finds no WCAG 2.0/2.1 level A or AA violation on the site's main kinds of page:
/// the hub, the member directory, a member profile, a member site's home and one of its pages, and the site search.
/// </summary>
public sealed class AccessibilityTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>
{
    public static TheoryData<string> Pages => new()
    {
        "/",                                  // hub home
        "/members",                           // member directory, members only
        "/members?pref=12&scope=all",         // all governments of Chiba (a full page of rows and a pager)
        "/members/120006",                    // member profile (千葉県)
        "/chiba/",                            // member site home
        "/chiba/pages/partnership",           // member site page
        "/reports",                           // policy reports of the network, with the filter form
        "/statistics",                        // statistics: SVG charts and their tables
        "/opendata",                          // open-data bundle: facts, files, licence
        "/search?q=%E5%8D%94%E5%83%8D",       // site search for 協働: type filter with counts, marked snippets, pager
        "/chiba/search?q=%E5%8D%94%E5%83%8D", // the same on a member site (its own content only)
        "/search?q=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84", // a site search with no result, and its help
        "/accessibility",                     // the web accessibility policy
        "/accessibility/results",             // test results (none stored yet in this site)
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_WCAG_A_or_AA_violations(string path)
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Url(path));

        await page.AssertNoWcagViolationsAsync(path);
    }
}
