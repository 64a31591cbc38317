
namespace NpoMunicipalNetwork.Themes;

/// <summary>The request a site's main navigation is built for.</summary>
public sealed record SiteNavigationContext(HttpContext Http, TenantSnapshot Tenant, string BasePath, string Path)
{
    /// <summary>A link to <paramref name="path"/> on this site, current when the request is under it.</summary>
    public NavItem Link(string title, string path) =>
        new(title, LiquidFilters.Combine(BasePath, path), Path.StartsWith(path, StringComparison.Ordinal));
}

/// <summary>One entry of the main navigation; lower <see cref="Order"/> comes first (after ホーム, which is always first).</summary>
public sealed record SiteNavEntry(int Order, NavItem Item);

/// <summary>A feature's entries in the main navigation of the hub or of a member site, registered in DI.</summary>
public interface ISiteNavigationSource
{
    Task<IEnumerable<SiteNavEntry>> EntriesAsync(SiteNavigationContext site);
}

/// <summary>A fixed link in the hub's navigation (the hub lists the network's sections).</summary>
public sealed record HubNavLink(string Title, string Path, int Order) : ISiteNavigationSource
{
    public Task<IEnumerable<SiteNavEntry>> EntriesAsync(SiteNavigationContext site) =>
        Task.FromResult<IEnumerable<SiteNavEntry>>(site.Tenant.IsHub
            ? [new SiteNavEntry(Order, new NavItem(Title, Path, site.Path.StartsWith(Path, StringComparison.Ordinal)))]
            : []);
}

public static class SiteNavigationExtensions
{
    public static IServiceCollection AddSiteNavigation(this IServiceCollection services, ISiteNavigationSource source) =>
        services.AddSingleton(source);
}
