
namespace NpoMunicipalNetwork.Pages;

/// <summary>A member site's page menu (arranged at /admin/menu, nested) in its navigation; eight top-level entries fit the header.</summary>
public sealed class PageMenuNavigation : ISiteNavigationSource
{
    public async Task<IEnumerable<SiteNavEntry>> EntriesAsync(SiteNavigationContext site)
    {
        if (site.Tenant.IsHub)
            return [];
        var db = site.Http.RequestServices.GetRequiredService<NetworkDbContext>();
        var menu = PageMenu.PublicItems(await PageMenu.LoadAsync(db, site.Http.RequestAborted), site.BasePath, site.Path);
        return menu.Take(8).Select(item => new SiteNavEntry(10, item));
    }
}
