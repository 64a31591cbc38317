using Lucene.Net.Documents;
using NpoMunicipalNetwork.News;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>News (お知らせ) in the site search: the live copy of published news of active sites, as <see cref="PublishedNews"/> lists them.</summary>
public sealed class NewsSiteSource : ISearchSource
{
    public string ContentType => SiteContentTypes.News;

    private static IQueryable<NewsItem> Findable(NetworkDbContext db) =>
        db.NewsItems.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.IsPublished && n.PublishedUtc != null)
            .Where(n => db.Tenants.Any(t => t.Id == n.TenantId && t.Status == TenantStatus.Active));

    public Task<int> CountAsync(NetworkDbContext db, CancellationToken ct) => Findable(db).CountAsync(ct);

    public async Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct) =>
        await Findable(db).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await Findable(db).Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.TenantId, n.Title, n.BodyMarkdown, n.PublishedUtc }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => SiteDocument.Create(new SiteEntry(
            SiteKind.News, r.Id, r.TenantId, r.Title, PlainText.FromMarkdown(r.BodyMarkdown), $"/news/{r.Id}", r.PublishedUtc)));
    }

    public Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        SiteSources.OfTenantsAsync(db.NewsItems.IgnoreQueryFilters(), contentType, ids, n => n.TenantId, n => n.Id, ct);
}
