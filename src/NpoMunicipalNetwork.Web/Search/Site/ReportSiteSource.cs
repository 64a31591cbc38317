using Lucene.Net.Documents;
using NpoMunicipalNetwork.Reports;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>Policy reports in the site search: exactly <see cref="PublishedReports.All"/> (published, of the hub or an active member site).</summary>
public sealed class ReportSiteSource : ISearchSource
{
    public string ContentType => SiteContentTypes.Report;

    public Task<int> CountAsync(NetworkDbContext db, CancellationToken ct) => PublishedReports.All(db).CountAsync(ct);

    public async Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct) =>
        await PublishedReports.All(db).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await PublishedReports.All(db).AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.TenantId, r.Title, r.Summary, r.Authors, r.TableOfContents, r.Body, r.FiscalYear, r.PublishedUtc }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => SiteDocument.Create(new SiteEntry(
            SiteKind.Report, r.Id, r.TenantId, r.Title,
            string.Join("\n\n", r.Summary, r.Authors, r.TableOfContents, PlainText.FromMarkdown(r.Body)),
            $"/reports/{r.Id}", r.PublishedUtc, Context: JapaneseEra.FormatFiscalYear(r.FiscalYear))));
    }

    public Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        SiteSources.OfTenantsAsync(db.Reports.IgnoreQueryFilters(), contentType, ids, r => r.TenantId, r => r.Id, ct);
}
