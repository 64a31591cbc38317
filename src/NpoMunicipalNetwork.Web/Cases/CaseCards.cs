
namespace NpoMunicipalNetwork.Cases;

/// <summary>Builds case cards (with member names and adoption counts) from published cases, in the given order.</summary>
public static class CaseCards
{
    public static async Task<IReadOnlyList<CaseCard>> ForAsync(NetworkDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var rows = await PublishedCases.All(db).AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id, c.Title, c.Summary, c.StartFiscalYear, c.EndFiscalYear, c.RelationshipType, c.IsSample, c.TenantId,
                Fields = c.Fields.OrderBy(f => f.Field!.Order).Select(f => f.Field!.Name).ToList(),
            })
            .ToListAsync(ct);
        var counts = await AdoptionCountsAsync(db, ids, ct);
        var tenantIds = rows.Select(r => r.TenantId).Distinct().ToList();
        var sites = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (t.Name, t.DisplayName), ct);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            var site = sites[r.TenantId];
            return new CaseCard(r.Id, r.Title, $"/cases/{r.Id}", $"/{site.Name}/cases/{r.Id}", site.DisplayName,
                CaseDisplay.Years(r.StartFiscalYear, r.EndFiscalYear), r.RelationshipType.Japanese(), r.Fields, r.Summary, counts.GetValueOrDefault(r.Id), r.IsSample);
        }).ToList();
    }

    /// <summary>How many published cases name each of <paramref name="ids"/> as a source (横展開の数).</summary>
    public static async Task<Dictionary<int, int>> AdoptionCountsAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        await PublishedCases.All(db).SelectMany(c => c.AdaptedFrom).Where(a => ids.Contains(a.SourceCaseId))
            .GroupBy(a => a.SourceCaseId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The published cases most often named as a source by other published cases.</summary>
    public static async Task<IReadOnlyList<int>> MostAdaptedAsync(NetworkDbContext db, int count, CancellationToken ct)
    {
        var published = PublishedCases.All(db);
        return await published.SelectMany(c => c.AdaptedFrom)
            .Where(a => published.Any(s => s.Id == a.SourceCaseId))
            .GroupBy(a => a.SourceCaseId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id)
            .Take(count).Select(g => g.Id).ToListAsync(ct);
    }
}
