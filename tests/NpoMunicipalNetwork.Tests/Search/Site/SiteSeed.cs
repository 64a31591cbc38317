using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Tests.Infrastructure;

namespace NpoMunicipalNetwork.Tests.Search.Site;

/// <summary>How an item stands: live, a draft never published, or closed (公開終了) after being live.</summary>
public enum SeedState
{
    Published,
    Draft,
    Closed,
}

/// <summary>One result as the page shows it.</summary>
public sealed record ShownResult(string Kind, string Title, string Url, string Site, string Meta, string Snippet);

/// <summary>Content for the site search tests, written straight into the live columns inside its site's unit of work.</summary>
public static class SiteSeed
{
    private static readonly DateTime When = new(2025, 6, 2, 1, 0, 0, DateTimeKind.Utc); // 令和7年6月2日 in Japan

    public static Task<int> AddPageAsync(this TestApp app, string tenant, string slug, string title, string body, SeedState state = SeedState.Published) =>
        app.InTenantAsync(tenant, async db =>
        {
            var p = new Page
            {
                Slug = slug, Title = title, BodyMarkdown = body, BodyHtml = $"<p>{body}</p>",
                IsPublished = state == SeedState.Published, WorkflowState = state == SeedState.Draft ? WorkflowState.Draft : WorkflowState.None,
                PublishedUtc = state == SeedState.Draft ? null : When, ClosedUtc = state == SeedState.Closed ? When.AddDays(1) : null,
                CreatedUtc = When, UpdatedUtc = When,
            };
            db.Pages.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });

    public static Task<int> AddNewsAsync(this TestApp app, string tenant, string title, string body, SeedState state = SeedState.Published) =>
        app.InTenantAsync(tenant, async db =>
        {
            var n = new NewsItem
            {
                Title = title, BodyMarkdown = body, BodyHtml = $"<p>{body}</p>",
                IsPublished = state == SeedState.Published, WorkflowState = state == SeedState.Draft ? WorkflowState.Draft : WorkflowState.None,
                PublishedUtc = state == SeedState.Draft ? null : When, ClosedUtc = state == SeedState.Closed ? When.AddDays(1) : null,
                CreatedUtc = When, UpdatedUtc = When,
            };
            db.NewsItems.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });

    public static Task<int> AddReportAsync(this TestApp app, string tenant, string title, string summary, SeedState state = SeedState.Published) =>
        app.InTenantAsync(tenant, async db =>
        {
            var r = new Report
            {
                Title = title, Summary = summary, FiscalYear = 2024, Authors = "調査 太郎 | テスト大学",
                IsPublished = state == SeedState.Published, WorkflowState = state == SeedState.Draft ? WorkflowState.Draft : WorkflowState.None,
                PublishedUtc = state == SeedState.Draft ? null : When, ClosedUtc = state == SeedState.Closed ? When.AddDays(1) : null,
                CreatedUtc = When, UpdatedUtc = When,
            };
            db.Reports.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

    /// <summary>A forum edition through the real recipe step, with one session whose description holds <paramref name="sessionText"/>.</summary>
    public static async Task<int> AddForumAsync(this TestApp app, int edition, string title, string sessionText)
    {
        await app.ApplyRecipeAsync($$"""
            { "name": "forum", "steps": [ { "name": "Forums", "forums": [ {
                "edition": {{edition}}, "fiscalYear": 2030, "title": "{{title}}", "status": "planned", "startsOn": "2030-10-01",
                "hosts": [ { "code": "060003" } ],
                "sessions": [ { "kind": "breakout", "title": "第1分科会", "date": "2030-10-01", "start": "13:00", "end": "15:00",
                  "description": "{{sessionText}}" } ] } ] } ] }
            """);
        return await app.InTenantAsync(null, db => db.Forums.Where(f => f.Edition == edition).Select(f => f.Id).SingleAsync());
    }

    public static string Search(string q, string? type = null, int page = 1, string prefix = "") =>
        $"{prefix}/search?q={Uri.EscapeDataString(q)}" + (type is null ? "" : $"&type={type}") + (page > 1 ? $"&page={page}" : "");

    public static IReadOnlyList<ShownResult> Results(IHtmlDocument doc) => doc.QuerySelectorAll(".site-result").Select(li => new ShownResult(
        li.GetAttribute("data-kind")!, li.QuerySelector(".site-result__title")!.TextContent.Trim(),
        li.QuerySelector(".site-result__title a")!.GetAttribute("href")!, li.QuerySelector(".site-result__site")!.TextContent.Trim(),
        li.QuerySelector(".site-result__meta")!.TextContent.Trim(), li.QuerySelector(".site-result__snippet")!.TextContent.Trim())).ToList();

    /// <summary>The type filter's counts as shown: code ("" for すべて) → count.</summary>
    public static Dictionary<string, int> Counts(IHtmlDocument doc) => doc.QuerySelectorAll(".site-search__type").ToDictionary(
        a => a.GetAttribute("data-type")!, a => int.Parse(a.QuerySelector(".site-search__number")!.TextContent.Replace(",", "")));
}
