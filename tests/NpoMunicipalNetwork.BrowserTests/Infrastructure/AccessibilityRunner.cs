using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NpoMunicipalNetwork.BrowserTests.Infrastructure;

/// <summary>
/// Tests a running site with axe-core the way the 試験結果 page reports it: reads the sitemaps that
/// the site's robots.txt lists (the hub's and every member site's), opens each page in Chromium, runs
/// axe with the WCAG 2.0/2.1 A and AA rules, and uploads the results as JSON to
/// <c>/admin/accessibility/runs</c> in a network administrator's session (the admin page's own form,
/// antiforgery token included). The site stores the run; nothing is judged here.
/// </summary>
public sealed partial class AccessibilityRunner(IBrowserContext context, string baseUrl)
{
    private readonly string _root = baseUrl.TrimEnd('/');

    /// <summary>Every page URL in the site's sitemaps, in their order, without duplicates; at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<string>> SitemapUrlsAsync(int max)
    {
        var request = context.APIRequest;
        var robots = await (await request.GetAsync($"{_root}/robots.txt")).TextAsync();
        var sitemaps = SitemapLine().Matches(robots).Select(m => m.Groups[1].Value.Trim()).ToList();
        if (sitemaps.Count == 0)
            sitemaps.Add($"{_root}/sitemap.xml");
        var urls = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sitemap in sitemaps)
        {
            var response = await request.GetAsync(sitemap);
            if (!response.Ok)
                continue;
            XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            foreach (var loc in XDocument.Parse(await response.TextAsync()).Descendants(ns + "loc"))
                if (seen.Add(loc.Value) && urls.Count < max)
                    urls.Add(loc.Value);
            if (urls.Count >= max)
                break;
        }
        return urls;
    }

    [GeneratedRegex(@"^Sitemap:\s*(\S+)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SitemapLine();

    /// <summary>Pages left out of the last run, with the status they answered.</summary>
    public List<string> Skipped { get; } = [];

    /// <summary>Opens each page and runs axe; a page that does not answer 200 is left out (it is not a published page) and listed in <see cref="Skipped"/>.</summary>
    public async Task<string> RunAsync(IReadOnlyList<string> urls)
    {
        var page = await context.NewPageAsync();
        var results = new List<object>();
        string? version = null;
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (response is not { Status: 200 })
            {
                Skipped.Add($"{url}: {response?.Status.ToString() ?? "no response"}");
                continue;
            }
            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = AxeChecks.WcagTags } });
            version ??= axe.TestEngine?.Version;
            results.Add(new
            {
                url = new Uri(url).PathAndQuery,
                title = await page.TitleAsync(),
                violations = Rules(axe.Violations),
                passes = Rules(axe.Passes),
                inapplicable = Rules(axe.Inapplicable),
                incomplete = Rules(axe.Incomplete),
            });
        }
        await page.CloseAsync();
        return JsonSerializer.Serialize(new { tool = version is null ? "axe-core" : $"axe-core {version}", pages = results });
    }

    /// <summary>What the site reads of a rule: its id, its tags (wcag111 …) and how many elements it concerned.</summary>
    private static object[] Rules(AxeResultItem[]? items) =>
        (items ?? []).Select(i => (object)new { id = i.Id, tags = i.Tags ?? [], nodes = i.Nodes?.Length ?? 0 }).ToArray();

    /// <summary>
    /// Uploads <paramref name="json"/> through the admin page's import form; the context must hold a
    /// network administrator's hub session. Returns the status of the POST (302 when stored).
    /// </summary>
    public async Task<int> UploadAsync(string json)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{_root}/admin/accessibility");
        var token = await page.Locator("form[action='/admin/accessibility/runs'] input[name=__RequestVerificationToken]").GetAttributeAsync("value")
            ?? throw new InvalidOperationException("The import form was not found: is this session a network administrator's on the hub?");
        await page.CloseAsync();
        var form = context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        form.Set("results", new FilePayload { Name = "axe-results.json", MimeType = "application/json", Buffer = System.Text.Encoding.UTF8.GetBytes(json) });
        var response = await context.APIRequest.PostAsync($"{_root}/admin/accessibility/runs", new APIRequestContextOptions { Multipart = form, MaxRedirects = 0 });
        return response.Status;
    }
}
