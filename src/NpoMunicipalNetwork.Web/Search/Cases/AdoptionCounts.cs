using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>
/// How many cases were adapted from each given case (横展開): "adapted from" rows pointing at it,
/// counted only where the adapting case is itself public, so a draft or closed case reveals nothing.
/// </summary>
public static class AdoptionCounts
{
    public static async Task<Dictionary<int, int>> ForAsync(NetworkDbContext db, IReadOnlyCollection<int> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0)
            return [];
        var published = PublishedCases.All(db);
        return await db.Set<PolicyCaseAdaptation>()
            .Where(a => caseIds.Contains(a.SourceCaseId) && published.Any(c => c.Id == a.PolicyCaseId))
            .GroupBy(a => a.SourceCaseId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
