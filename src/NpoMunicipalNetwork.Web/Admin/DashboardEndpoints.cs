
namespace NpoMunicipalNetwork.Admin;

public sealed record DashboardItem(string Title, string Url, DateTime UpdatedUtc, string? Department);

public sealed record DashboardModel(
    IReadOnlyList<DashboardItem> Drafts,
    IReadOnlyList<DashboardItem> Remanded,
    IReadOnlyList<DashboardItem> Scheduled,
    IReadOnlyList<DashboardItem> ClosingSoon,
    int WaitingForMe,
    IReadOnlyList<DashboardItem> Recent,
    IReadOnlyList<string> MyDepartments,
    bool CanEditContent,
    int? TenantCount,
    int? MemberCount);

/// <summary>What the dashboard's sources are given: the request, its database, the editor's scope and the department names.</summary>
public sealed record DashboardContext(HttpContext Http, NetworkDbContext Db, EditorScope Scope, IReadOnlyDictionary<int, string> Departments,
    bool CanEditContent, bool IsNetworkAdministratorOnHub, DateTime NowUtc);

/// <summary>The dashboard's lists, filled by the <see cref="IDashboardSource"/>s; each list shows its ten most recently updated items.</summary>
public sealed class DashboardLists
{
    public List<DashboardItem> Drafts { get; } = [];
    public List<DashboardItem> Remanded { get; } = [];
    public List<DashboardItem> Scheduled { get; } = [];
    public List<DashboardItem> ClosingSoon { get; } = [];
    public List<DashboardItem> Recent { get; } = [];

    /// <summary>Member governments of the network; shown to the secretariat on the hub.</summary>
    public int? MemberCount { get; set; }
}

/// <summary>A feature's part of the dashboard (its content's drafts, a count), registered in DI.</summary>
public interface IDashboardSource
{
    Task AddAsync(DashboardContext context, DashboardLists lists, CancellationToken ct);
}

/// <summary><c>/admin</c>: what needs the signed-in person's attention on this site.</summary>
public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder admin)
    {
        admin.MapGet("/", Dashboard);
        return admin;
    }

    private static async Task<IResult> Dashboard(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var canEdit = http.User.IsNetworkAdministrator() || http.User.IsInRole(Roles.SiteAdministrator) || http.User.IsInRole(Roles.MemberEditor);
        var isNetworkAdmin = http.User.IsNetworkAdministrator() && tenant.Tenant.IsHub;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var lists = new DashboardLists();
        var context = new DashboardContext(http, db, scope, departments, canEdit, isNetworkAdmin, now);
        foreach (var source in http.RequestServices.GetServices<IDashboardSource>())
            await source.AddAsync(context, lists, ct);
        var inbox = await Publishing.ApprovalEndpoints.WaitingForAsync(http, db, http.RequestServices.GetRequiredService<Publishing.ApprovalEngine>(), ct);
        static IReadOnlyList<DashboardItem> Latest(List<DashboardItem> items) => items.OrderByDescending(i => i.UpdatedUtc).Take(10).ToList();
        var model = new DashboardModel(
            Latest(lists.Drafts),
            Latest(lists.Remanded),
            Latest(lists.Scheduled),
            Latest(lists.ClosingSoon),
            inbox,
            Latest(lists.Recent),
            scope.DepartmentIds.Select(id => departments.GetValueOrDefault(id)).OfType<string>().Order().ToList(),
            canEdit,
            isNetworkAdmin ? await db.Tenants.CountAsync(t => !t.IsHub, ct) : null,
            isNetworkAdmin ? lists.MemberCount : null);
        return ThemeResults.Admin("admin/dashboard", model, new PageMeta("ダッシュボード"));
    }
}
