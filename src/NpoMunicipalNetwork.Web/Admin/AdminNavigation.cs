using Microsoft.AspNetCore.Authorization;

namespace NpoMunicipalNetwork.Admin;

/// <summary>
/// The admin menu shows only what the signed-in user may open on this site. Its entries are the
/// <see cref="AdminMenuItem"/>s the core and the features registered, by <see cref="AdminMenuItem.Order"/>.
/// </summary>
public static class AdminNavigation
{
    public static async Task<IReadOnlyList<NavItem>> ForAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true || !http.RequestServices.GetRequiredService<TenantContext>().HasTenant)
            return [];
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var basePath = http.Request.PathBase.Value ?? "";
        var path = http.Request.Path.Value ?? "";
        var items = new List<NavItem>();
        var isHub = http.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub;
        foreach (var item in http.RequestServices.GetServices<AdminMenuItem>().OrderBy(i => i.Order))
        {
            if (isHub && item.MemberSiteOnly)
                continue;
            if (!(await authorization.AuthorizeAsync(http.User, http, item.Permission.Policy)).Succeeded)
                continue;
            var current = item.Path == "/admin" ? path is "/admin" or "/admin/" : path.StartsWith(item.Path, StringComparison.Ordinal);
            items.Add(new NavItem(item.Title, basePath + item.Path, current));
        }
        return items;
    }
}
