using Lucene.Net.Documents;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>
/// The site search's source for every content type whose descriptor names a search entry
/// (<see cref="ContentType{TItem, TContent}.SiteSearch"/>): the type decides what may be found and what its entry
/// says; this class only writes it into the shared index. A new content type joins the site search by naming its
/// entry and its <see cref="SiteKind"/>, not by a source of its own.
/// </summary>
public sealed class ContentSiteSource(WorkflowContentType type, SiteKind kind) : ISearchSource
{
    /// <summary>The sources of every registered type that is in the site search.</summary>
    public static IEnumerable<ISearchSource> For(WorkflowContentTypes types) =>
        types.All.Where(t => t.InSiteSearch).Select(t => new ContentSiteSource(t, SiteKinds.OfContentType(t.Type)));

    public string ContentType => type.Type;

    public Task<int> CountAsync(NetworkDbContext db, CancellationToken ct) => type.CountSearchableAsync(db, ct);

    public async Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct) => await type.SearchableIdsAsync(db, ct);

    public async Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await type.SearchRowsAsync(db, ids, ct)).ToDictionary(r => r.Id, r => SiteDocument.Create(new SiteEntry(
            kind, r.Id, r.TenantId, r.Entry.Title, r.Entry.Text, r.Entry.Path, r.Entry.DateUtc, Context: r.Entry.Context)));

    public async Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        contentType == Tenant.SearchType ? await type.IdsOfTenantsAsync(db, ids, ct) : [];
}
