using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Themes;

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
        var mine = scope.DepartmentIds.ToList();
        var editable = db.Pages.AsNoTracking().Where(p => scope.All || (p.OwnerDepartmentId != null && mine.Contains(p.OwnerDepartmentId.Value)));
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var basePath = http.Request.PathBase.Value;

        async Task<IReadOnlyList<DashboardItem>> Items(IQueryable<Pages.Page> q) =>
            (await q.OrderByDescending(p => p.UpdatedUtc).Take(10).Select(p => new { p.Id, p.Title, p.UpdatedUtc, p.OwnerDepartmentId }).ToListAsync(ct))
            .Select(p => new DashboardItem(p.Title, $"{basePath}/admin/pages/{p.Id}", p.UpdatedUtc,
                p.OwnerDepartmentId is { } d ? departments.GetValueOrDefault(d) : null)).ToList();

        var canEdit = http.User.IsNetworkAdministrator() || http.User.IsInRole(Roles.SiteAdministrator) || http.User.IsInRole(Roles.MemberEditor);
        var isNetworkAdmin = http.User.IsNetworkAdministrator() && tenant.Tenant.IsHub;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var soon = now.AddDays(7);
        var inbox = await Publishing.ApprovalEndpoints.WaitingForAsync(http, db, http.RequestServices.GetRequiredService<Publishing.ApprovalEngine>(), ct);
        var model = new DashboardModel(
            canEdit ? await Items(editable.Where(p => p.WorkflowState == Publishing.WorkflowState.Draft)) : [],
            canEdit ? await Items(editable.Where(p => p.WorkflowState == Publishing.WorkflowState.Remanded)) : [],
            canEdit ? await Items(editable.Where(p => p.WorkflowState == Publishing.WorkflowState.Scheduled)) : [],
            canEdit ? await Items(editable.Where(p => p.IsPublished && p.CloseAtUtc != null && p.CloseAtUtc <= soon)) : [],
            inbox,
            canEdit ? await Items(editable) : [],
            scope.DepartmentIds.Select(id => departments.GetValueOrDefault(id)).OfType<string>().Order().ToList(),
            canEdit,
            isNetworkAdmin ? await db.Tenants.CountAsync(t => !t.IsHub, ct) : null,
            isNetworkAdmin ? await db.Memberships.CountAsync(ct) : null);
        return ThemeResults.Admin("admin/dashboard", model, new PageMeta("ダッシュボード"));
    }
}
