
namespace NpoMunicipalNetwork.Reports;

/// <summary>A report as a line in a list, with the site that wrote it.</summary>
public sealed record ReportCard(int Id, string Title, int FiscalYear, string Summary, string SiteName, string HubPath, string SitePath,
    IReadOnlyList<string> Topics, IReadOnlyList<string> Authors, int FileCount, DateTime? PublishedUtc);

/// <summary>
/// The one place that reads reports across tenants (the hub's list, the hub home). It bypasses the
/// tenant filter on purpose and so returns only what is public anyway: published reports of the hub
/// (the secretariat) and of active member sites.
/// </summary>
public static class PublishedReports
{
    public static IQueryable<Report> All(NetworkDbContext db) =>
        db.Reports.IgnoreQueryFilters()
            .Where(r => r.IsPublished)
            .Where(r => db.Tenants.Any(t => t.Id == r.TenantId && t.Status == TenantStatus.Active));

    /// <summary>What a reader may see here: on the hub every published report, on a member site only its own.</summary>
    public static IQueryable<Report> Visible(NetworkDbContext db, TenantContext tenant) =>
        tenant.Tenant.IsHub ? All(db) : All(db).Where(r => r.TenantId == tenant.TenantId);

    /// <summary>
    /// The report the hub home features: the secretariat's newest published report (latest fiscal year,
    /// then latest publication), else any member's newest. Null when nothing is published.
    /// </summary>
    public static async Task<ReportCard?> FeaturedForHubAsync(NetworkDbContext db, CancellationToken ct)
    {
        var hubId = await db.Tenants.AsNoTracking().Where(t => t.IsHub).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        var id = await Newest(All(db).Where(r => r.TenantId == hubId)).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct)
            ?? await Newest(All(db)).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? (await CardsAsync(db, [found], ct)).FirstOrDefault() : null;
    }

    public static IOrderedQueryable<Report> Newest(IQueryable<Report> reports) =>
        reports.OrderByDescending(r => r.FiscalYear).ThenByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id);

    /// <summary>Cards for published reports, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<ReportCard>> CardsAsync(NetworkDbContext db, IReadOnlyList<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        var rows = await All(db).AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.Title, r.FiscalYear, r.Summary, r.TenantId, r.Authors, r.PublishedUtc, Files = r.Files.Count,
                Topics = r.Topics.OrderBy(t => t.Field!.Order).Select(t => t.Field!.Name).ToList(),
            }).ToListAsync(ct);
        var tenantIds = rows.Select(r => r.TenantId).Distinct().ToList();
        var sites = await db.Tenants.AsNoTracking().Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => new { t.Name, t.DisplayName, t.IsHub }, ct);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            var site = sites[r.TenantId];
            return new ReportCard(r.Id, r.Title, r.FiscalYear, r.Summary, site.DisplayName, $"/reports/{r.Id}",
                site.IsHub ? $"/reports/{r.Id}" : $"/{site.Name}/reports/{r.Id}", r.Topics,
                ReportAuthors.Parse(r.Authors).Select(a => a.Organisation is { } o ? $"{a.Name}（{o}）" : a.Name).ToList(), r.Files, r.PublishedUtc);
        }).ToList();
    }
}
