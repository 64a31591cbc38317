using Lucene.Net.Documents;
using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>Policy cases in the index: exactly <see cref="PublishedCases.All"/> (published, of an active member site).</summary>
public sealed class CaseSearchSource : ISearchSource
{
    public string ContentType => CaseWorkflow.ContentType;

    public Task<int> CountAsync(NetworkDbContext db, CancellationToken ct) => PublishedCases.All(db).CountAsync(ct);

    public async Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct) =>
        await PublishedCases.All(db).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await PublishedCases.LoadAsync(db, ids, ct);
        return rows.ToDictionary(r => r.Case.Id, CaseDocument.Create);
    }

    public async Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (contentType != Tenant.SearchType)
            return [];
        // Every case of a site whose status or member changed, published or not: ids only, so the
        // index can add or drop them; what may be found is still decided by LoadAsync.
        return await db.PolicyCases.IgnoreQueryFilters().Where(c => ids.Contains(c.TenantId)).Select(c => c.Id).ToListAsync(ct);
    }
}
