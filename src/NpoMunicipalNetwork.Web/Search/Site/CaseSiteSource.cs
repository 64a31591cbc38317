using Lucene.Net.Documents;
using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>
/// A light document per policy case for the site search: title, summary and partners only. The case
/// search's own documents (full text, facets) are left exactly as they are, so its latency work is not
/// disturbed; a reader who wants the full text follows the page's link to <c>/cases?q=…</c>. What may be
/// found is the same set: <see cref="PublishedCases.All"/> (published, of an active member site).
/// </summary>
public sealed class CaseSiteSource : ISearchSource
{
    public string ContentType => SiteContentTypes.Case;

    public Task<int> CountAsync(NetworkDbContext db, CancellationToken ct) => PublishedCases.All(db).CountAsync(ct);

    public async Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct) =>
        await PublishedCases.All(db).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await PublishedCases.All(db).AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.TenantId, c.Title, c.Summary, c.PublishedUtc, c.UpdatedUtc, Partners = c.Partners.Select(p => p.Name).ToList() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => SiteDocument.Create(new SiteEntry(
            SiteKind.Case, r.Id, r.TenantId, r.Title, string.Join("\n\n", [r.Summary, .. r.Partners]), $"/cases/{r.Id}", r.PublishedUtc ?? r.UpdatedUtc)));
    }

    /// <summary>A case's own change lines (its row or any child row) and a site's status change both reach this document.</summary>
    public async Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        contentType == CaseWorkflow.ContentType
            ? ids.ToList()
            : await SiteSources.OfTenantsAsync(db.PolicyCases.IgnoreQueryFilters(), contentType, ids, c => c.TenantId, c => c.Id, ct);
}
