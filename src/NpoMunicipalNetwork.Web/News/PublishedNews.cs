
namespace NpoMunicipalNetwork.News;

/// <summary>A published news item as lists, the hub home and feeds show it; <see cref="Path"/> is on the hub's host (<c>/{site}/news/{id}</c> or <c>/news/{id}</c>).</summary>
public sealed record NewsLink(int Id, string Title, string Path, string SiteName, bool FromHub, DateTime PublishedUtc, DateTime UpdatedUtc, string BodyHtml, bool IsSample);

/// <summary>
/// The one place that reads news across sites (the hub's "news from all members", the network feed).
/// It bypasses the tenant filter on purpose and so returns only what is public: published news of active sites.
/// </summary>
public static class PublishedNews
{
    public static async Task<IReadOnlyList<NewsLink>> LatestAsync(NetworkDbContext db, int? tenantId, int skip, int take, CancellationToken ct)
    {
        var rows = await Query(db, tenantId).OrderByDescending(n => n.PublishedUtc).ThenByDescending(n => n.Id).Skip(skip).Take(take)
            .Select(n => new { News = n, Site = db.Tenants.First(t => t.Id == n.TenantId) })
            .ToListAsync(ct);
        return rows.Select(r => new NewsLink(r.News.Id, r.News.Title, r.Site.IsHub ? $"/news/{r.News.Id}" : $"/{r.Site.Name}/news/{r.News.Id}", r.Site.DisplayName, r.Site.IsHub,
            r.News.PublishedUtc!.Value, r.News.UpdatedUtc, r.News.BodyHtml, r.News.IsSample)).ToList();
    }

    public static Task<int> CountAsync(NetworkDbContext db, int? tenantId, CancellationToken ct) => Query(db, tenantId).CountAsync(ct);

    private static IQueryable<NewsItem> Query(NetworkDbContext db, int? tenantId) =>
        db.NewsItems.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.IsPublished && n.PublishedUtc != null && (tenantId == null || n.TenantId == tenantId))
            .Where(n => db.Tenants.Any(t => t.Id == n.TenantId && t.Status == TenantStatus.Active));
}
