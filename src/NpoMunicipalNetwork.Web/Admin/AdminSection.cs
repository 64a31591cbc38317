
namespace NpoMunicipalNetwork.Admin;

/// <summary>
/// One section of the admin area (<c>/admin/departments</c>, <c>/admin/tenants</c>…): its route group behind its
/// permission, and the breadcrumb trail every page of it starts with. Declared once per section, so its endpoint
/// file lists only its own routes and a page names only the crumbs below the section's list.
/// </summary>
public sealed class AdminSection(string title, string path, Permission permission)
{
    public static readonly Breadcrumb Dashboard = new("ダッシュボード", "/admin");

    /// <summary>The section's list page, as a linked crumb on the pages below it.</summary>
    public Breadcrumb ListCrumb { get; } = new(title, "/admin" + path);

    public RouteGroupBuilder MapGroup(RouteGroupBuilder admin) => admin.MapGroup(path).RequirePermission(permission);

    /// <summary>The list page itself: the section's title (or a longer <paramref name="pageTitle"/>) under the dashboard.</summary>
    public PageMeta ListMeta(string? pageTitle = null) => new(pageTitle ?? title, [Dashboard, new Breadcrumb(title)]);

    /// <summary>A page below the list: the dashboard, the list, then <paramref name="trail"/> (its last crumb is the page).</summary>
    public IReadOnlyList<Breadcrumb> Trail(params Breadcrumb[] trail) => [Dashboard, ListCrumb, .. trail];
}
