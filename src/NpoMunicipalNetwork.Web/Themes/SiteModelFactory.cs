using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Themes;

/// <summary>Builds what the layout knows about the current site: names, colours, base path and navigation.</summary>
public sealed class SiteModelFactory(IOptions<ThemeOptions> options, IConfiguration config)
{
    public async Task<SiteModel> CreateAsync(HttpContext http, TenantSnapshot tenant)
    {
        var basePath = http.Request.PathBase.Value ?? "";
        var path = http.Request.Path.Value is { Length: > 0 } p ? p : "/";
        var nav = new List<NavItem> { new("ホーム", LiquidFilters.Combine(basePath, "/"), path == "/") };
        // The hub lists the network's sections; a member site its page menu and the content it has published.
        var site = new SiteNavigationContext(http, tenant, basePath, path);
        var entries = new List<SiteNavEntry>();
        foreach (var source in http.RequestServices.GetServices<ISiteNavigationSource>())
            entries.AddRange(await source.EntriesAsync(site));
        nav.AddRange(entries.OrderBy(e => e.Order).Select(e => e.Item));
        return Create(tenant, basePath, HubBase(http, tenant), nav);
    }

    public SiteModel CreateNeutral(HttpContext http, TenantSnapshot hub) =>
        Create(hub, "", "", [new NavItem("ネットワークのトップページ", "/", false)]) with { DisplayName = options.Value.NetworkName };

    /// <summary>
    /// From a tenant reached by its own host name, the hub lives on another host (Network:HubBaseUrl);
    /// from a tenant reached by path prefix, it is the root of the same host.
    /// </summary>
    private string HubBase(HttpContext http, TenantSnapshot tenant)
    {
        if (tenant.IsHub || http.Request.PathBase.HasValue)
            return "";
        return (config["Network:HubBaseUrl"] ?? "").TrimEnd('/');
    }

    private SiteModel Create(TenantSnapshot tenant, string basePath, string hubBase, IReadOnlyList<NavItem> nav)
    {
        var accent = tenant.AccentColor ?? AccentColor.Default;
        return new SiteModel(
            tenant.Name,
            tenant.DisplayName,
            options.Value.NetworkName,
            tenant.IsHub,
            tenant.IsSample,
            tenant.Tagline,
            tenant.MemberCode,
            tenant.LogoUrl,
            accent,
            AccentColor.TextOn(accent),
            basePath,
            hubBase,
            nav);
    }
}
