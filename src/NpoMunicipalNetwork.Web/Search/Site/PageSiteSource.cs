using Lucene.Net.Documents;
using NpoMunicipalNetwork.Pages;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>Free pages in the site search: the live copy of published pages of active sites (the hub's included).</summary>
public sealed class PageSiteSource : ISearchSource
{
    public string ContentType => SiteContentTypes.Page;

    private static IQueryable<Page> Findable(NetworkDbContext db) =>
        db.Pages.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.IsPublished && p.PublishedUtc != null)
            .Where(p => db.Tenants.Any(t => t.Id == p.TenantId && t.Status == TenantStatus.Active));

    public Task<int> CountAsync(NetworkDbContext db, CancellationToken ct) => Findable(db).CountAsync(ct);

    public async Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct) =>
        await Findable(db).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await Findable(db).Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.TenantId, p.Title, p.Slug, p.BodyMarkdown, p.PublishedUtc }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => SiteDocument.Create(new SiteEntry(
            SiteKind.Page, r.Id, r.TenantId, r.Title, PlainText.FromMarkdown(r.BodyMarkdown), $"/pages/{Uri.EscapeDataString(r.Slug)}", r.PublishedUtc)));
    }

    public Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        SiteSources.OfTenantsAsync(db.Pages.IgnoreQueryFilters(), contentType, ids, p => p.TenantId, p => p.Id, ct);
}
