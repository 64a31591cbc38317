using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.Themes;

/// <summary>Builds what the layout knows about the current site: names, colours, base path and navigation.</summary>
public sealed class SiteModelFactory(IOptions<ThemeOptions> options, IConfiguration config)
{
    public async Task<SiteModel> CreateAsync(HttpContext http, TenantSnapshot tenant)
    {
        var basePath = http.Request.PathBase.Value ?? "";
        var path = http.Request.Path.Value is { Length: > 0 } p ? p : "/";
        var nav = new List<NavItem> { new("ホーム", LiquidFilters.Combine(basePath, "/"), path == "/") };
        if (tenant.IsHub)
        {
            nav.Add(new("会員団体", "/members", path.StartsWith("/members", StringComparison.Ordinal)));
            nav.Add(new("政策事例", "/cases", path.StartsWith("/cases", StringComparison.Ordinal)));
            nav.Add(new("お知らせ", "/news", path.StartsWith("/news", StringComparison.Ordinal)));
            nav.Add(new("フォーラム", "/forums", path.StartsWith("/forums", StringComparison.Ordinal)));
            nav.Add(new("掲示板", "/boards", path.StartsWith("/boards", StringComparison.Ordinal)));
            nav.Add(new("報告書", "/reports", path.StartsWith("/reports", StringComparison.Ordinal)));
            nav.Add(new("統計", "/statistics", path.StartsWith("/statistics", StringComparison.Ordinal)));
        }
        else
        {
            var db = http.RequestServices.GetRequiredService<NetworkDbContext>();
            // The page menu the site's editors arrange at /admin/menu, nested; eight top-level entries fit the header.
            var menu = Pages.PageMenu.PublicItems(await Pages.PageMenu.LoadAsync(db, http.RequestAborted), basePath, path);
            nav.AddRange(menu.Take(8));
            if (await db.NewsItems.AnyAsync(n => n.IsPublished, http.RequestAborted))
                nav.Add(new("お知らせ", LiquidFilters.Combine(basePath, "/news"), path.StartsWith("/news", StringComparison.Ordinal)));
            if (await db.PolicyCases.AnyAsync(c => c.IsPublished, http.RequestAborted))
                nav.Add(new("政策事例", LiquidFilters.Combine(basePath, "/cases"), path.StartsWith("/cases", StringComparison.Ordinal)));
        }
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
