using System.ServiceModel.Syndication;
using System.Xml;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.News;

namespace NpoMunicipalNetwork.Feeds;

/// <summary>
/// RSS 2.0 feeds: <c>/feed.xml</c> is a site's news (on the hub, every site's news: the network feed)
/// and <c>/cases/feed.xml</c> its published cases (on the hub, every member's). Published items only.
/// </summary>
public static class FeedEndpoints
{
    public const int ItemCount = 30;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/feed.xml", NewsFeed);
        app.MapGet("/cases/feed.xml", CasesFeed);
        return app;
    }

    /// <summary>Links in feeds are absolute: a path of this site, or a path on the hub's host.</summary>
    private static Uri SiteUrl(HttpRequest request, string path) => new($"{request.Scheme}://{request.Host}{request.PathBase}{path}");

    private static Uri HostUrl(HttpRequest request, string path) => new($"{request.Scheme}://{request.Host}{path}");

    private static async Task<IResult> NewsFeed(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var hub = tenant.Tenant.IsHub;
        var items = await PublishedNews.LatestAsync(db, hub ? null : tenant.TenantId, 0, ItemCount, ct);
        var feed = new SyndicationFeed(hub ? "NPO活動推進自治体ネットワーク お知らせ（全体）" : $"{tenant.Tenant.DisplayName} お知らせ",
            hub ? "事務局と会員自治体のお知らせ" : $"{tenant.Tenant.DisplayName}のお知らせ", SiteUrl(http.Request, "/news"))
        {
            Language = "ja",
            LastUpdatedTime = items.Count > 0 ? new DateTimeOffset(items.Max(i => i.UpdatedUtc), TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            Items = items.Select(n =>
            {
                var link = hub ? HostUrl(http.Request, n.Path) : SiteUrl(http.Request, $"/news/{n.Id}");
                var item = new SyndicationItem(hub ? $"{n.Title}（{n.SiteName}）" : n.Title, SyndicationContent.CreateHtmlContent(n.BodyHtml), link, link.ToString(),
                    new DateTimeOffset(n.UpdatedUtc, TimeSpan.Zero)) { PublishDate = new DateTimeOffset(n.PublishedUtc, TimeSpan.Zero) };
                return item;
            }).ToList(),
        };
        return Rss(feed);
    }

    private static async Task<IResult> CasesFeed(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var hub = tenant.Tenant.IsHub;
        var cases = PublishedCases.All(db);
        if (!hub)
            cases = cases.Where(c => c.TenantId == tenant.TenantId);
        var rows = await cases.OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id).Take(ItemCount)
            .Select(c => new { c.Id, c.Title, c.Summary, c.PublishedUtc, c.UpdatedUtc, c.RelationshipType, Site = db.Tenants.Where(t => t.Id == c.TenantId).Select(t => t.DisplayName).First() })
            .ToListAsync(ct);
        var feed = new SyndicationFeed(hub ? "NPO活動推進自治体ネットワーク 政策事例" : $"{tenant.Tenant.DisplayName} 政策事例",
            "会員自治体が公開したNPO施策の事例", SiteUrl(http.Request, "/cases"))
        {
            Language = "ja",
            LastUpdatedTime = rows.Count > 0 ? new DateTimeOffset(rows.Max(r => r.UpdatedUtc), TimeSpan.Zero) : DateTimeOffset.UnixEpoch,
            Items = rows.Select(r =>
            {
                var link = SiteUrl(http.Request, $"/cases/{r.Id}");
                var item = new SyndicationItem($"{r.Title}（{r.Site}）", $"{r.RelationshipType.Japanese()}: {r.Summary}", link, link.ToString(),
                    new DateTimeOffset(r.UpdatedUtc, TimeSpan.Zero)) { PublishDate = new DateTimeOffset(r.PublishedUtc ?? r.UpdatedUtc, TimeSpan.Zero) };
                item.Categories.Add(new SyndicationCategory(r.RelationshipType.Japanese()));
                return item;
            }).ToList(),
        };
        return Rss(feed);
    }

    private static IResult Rss(SyndicationFeed feed)
    {
        var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true, Async = false }))
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false).WriteTo(writer);
        return Results.Bytes(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }
}
