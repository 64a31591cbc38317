using System.Linq.Expressions;

namespace NpoMunicipalNetwork.Publishing;

/// <summary>A section of the hub's navigation that a member site shows once it has published something in it.</summary>
public sealed record PublishedContentNavigation<T>(string Title, string Path, int HubOrder, int MemberSiteOrder,
    Expression<Func<T, bool>> IsPublished) : ISiteNavigationSource where T : class
{
    public async Task<IEnumerable<SiteNavEntry>> EntriesAsync(SiteNavigationContext site)
    {
        if (site.Tenant.IsHub)
            return [new SiteNavEntry(HubOrder, new NavItem(Title, Path, site.Path.StartsWith(Path, StringComparison.Ordinal)))];
        var db = site.Http.RequestServices.GetRequiredService<NetworkDbContext>();
        return await db.Set<T>().AnyAsync(IsPublished, site.Http.RequestAborted) ? [new SiteNavEntry(MemberSiteOrder, site.Link(Title, Path))] : [];
    }
}
