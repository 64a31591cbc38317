using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>axe-core, limited to the WCAG 2.0 and 2.1 level A and AA rules, with a readable failure message.</summary>
public static class AxeChecks
{
    public static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs axe on the page as it is now and asserts no violation (and that axe checked something).</summary>
    public static async Task AssertNoWcagViolationsAsync(this IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
        });

        Assert.True(result.Violations.Length == 0, Describe(what, result));
        // A run that checked nothing would pass vacuously.
        Assert.NotEmpty(result.Passes);
    }

    public static string Describe(string what, AxeResult result)
    {
        var text = new StringBuilder($"axe found {result.Violations.Length} WCAG 2.x A/AA violation(s) on {what}:");
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
