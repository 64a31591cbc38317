using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NpoMunicipalNetwork.BrowserTests.Infrastructure;

namespace NpoMunicipalNetwork.BrowserTests;

/// <summary>
/// axe-core finds no WCAG 2.0/2.1 level A or AA violation on the site's main kinds of page:
/// the hub, the member directory, a member profile, a member site's home and one of its pages.
/// </summary>
public sealed class AccessibilityTests(SiteFixture site, BrowserFixture browser) : IClassFixture<SiteFixture>
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static TheoryData<string> Pages => new()
    {
        "/",                                  // hub home
        "/members",                           // member directory, members only
        "/members?pref=12&scope=all",         // all governments of Chiba (a full page of rows and a pager)
        "/members/120006",                    // member profile (千葉県)
        "/chiba/",                            // member site home
        "/chiba/pages/partnership",           // member site page
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_WCAG_A_or_AA_violations(string path)
    {
        await using var context = await browser.NewContextAsync(site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.OpenAsync(site.Url(path));

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
        });

        Assert.True(result.Violations.Length == 0, Describe(path, result));
        // A run that checked nothing would pass vacuously.
        Assert.NotEmpty(result.Passes);
    }

    private static string Describe(string path, AxeResult result)
    {
        var text = new StringBuilder($"axe found {result.Violations.Length} WCAG 2.x A/AA violation(s) on {path}:");
        foreach (var v in result.Violations)
        {
            text.AppendLine().Append($"- [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes.Take(10))
            {
                text.AppendLine().Append($"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []);
                foreach (var check in checks.Where(c => !string.IsNullOrWhiteSpace(c.Message)))
                    text.AppendLine().Append($"      {check.Id}: {check.Message}");
            }
            if (v.Nodes.Length > 10)
                text.AppendLine().Append($"    … and {v.Nodes.Length - 10} more element(s)");
        }
        return text.ToString();
    }
}
