using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Forums;

/// <summary>Reads forums for the public pages and the hub home: with their hosts linked to the registry and to the hosts' sites.</summary>
public static class ForumDirectory
{
    public static async Task<IReadOnlyList<ForumSummaryModel>> SummariesAsync(NetworkDbContext db, TenantCatalog catalog, IQueryable<Forum> forums, CancellationToken ct)
    {
        var list = await forums.AsNoTracking().Include(f => f.Hosts).ToListAsync(ct);
        var codes = list.SelectMany(f => f.Hosts).Select(h => h.GovernmentCode).Distinct().ToList();
        var names = await db.Governments.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.Name, ct);
        var sites = (await catalog.AllAsync(ct)).Where(t => !t.IsHub && t.IsActive && t.MemberCode != null)
            .GroupBy(t => t.MemberCode!).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Id).First());
        return list.Select(f => new ForumSummaryModel(f.Edition, f.FiscalYear, f.Title, f.Status.Japanese(), f.Status.IsPast(), f.StartsOn, f.EndsOn,
            f.Hosts.OrderBy(h => h.GovernmentCode).Select(h => new HostLink(h.GovernmentCode, names.GetValueOrDefault(h.GovernmentCode, h.GovernmentCode), h.PlaceNote,
                $"/members/{h.GovernmentCode}", sites.TryGetValue(h.GovernmentCode, out var s) ? $"/{s.Name}/" : null)).ToList(),
            $"/forums/{f.Edition}", f.IsSample)).ToList();
    }

    public static async Task<ForumSummaryModel?> SummaryAsync(NetworkDbContext db, TenantCatalog catalog, int edition, CancellationToken ct) =>
        (await SummariesAsync(db, catalog, db.Forums.Where(f => f.Edition == edition), ct)).FirstOrDefault();

    /// <summary>Every edition, newest first: the hub home's table and the archive.</summary>
    public static Task<IReadOnlyList<ForumSummaryModel>> AllAsync(NetworkDbContext db, TenantCatalog catalog, CancellationToken ct) =>
        SummariesAsync(db, catalog, db.Forums.OrderByDescending(f => f.FiscalYear).ThenByDescending(f => f.Edition), ct);
}
