
namespace NpoMunicipalNetwork.Pages;

public sealed record MemberPageLink(string Title, string Url, string SiteName, DateTime PublishedUtc);

/// <summary>
/// The one place the hub reads pages across tenants. It bypasses the tenant filter on purpose and
/// therefore returns only what is public anyway: published pages of active member sites.
/// </summary>
public static class CrossTenantPages
{
    public static async Task<IReadOnlyList<MemberPageLink>> LatestPublishedAsync(NetworkDbContext db, int count, CancellationToken ct)
    {
        var rows = await db.Pages.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.IsPublished && p.PublishedUtc != null)
            .Join(db.Tenants.Where(t => t.Status == TenantStatus.Active && !t.IsHub), p => p.TenantId, t => t.Id,
                (p, t) => new { p.Title, p.Slug, p.PublishedUtc, p.Id, Tenant = t.Name, t.DisplayName })
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id)
            .Take(count)
            .ToListAsync(ct);
        return rows.Select(r => new MemberPageLink(r.Title, $"/{r.Tenant}/pages/{r.Slug}", r.DisplayName, r.PublishedUtc!.Value)).ToList();
    }
}
