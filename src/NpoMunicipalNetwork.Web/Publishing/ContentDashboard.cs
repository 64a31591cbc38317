
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// A content type's items on the dashboard, for the units the editor works in: drafts, remanded, scheduled,
/// closing within a week and recently changed. Every type registers one, so "my work" covers all of them.
/// </summary>
public sealed class ContentDashboard<TItem>(WorkflowContentType type) : IDashboardSource where TItem : ContentItem
{
    public async Task AddAsync(DashboardContext context, DashboardLists lists, CancellationToken ct)
    {
        if (!context.CanEditContent)
            return;
        var scope = context.Scope;
        var mine = scope.DepartmentIds.ToList();
        var editable = context.Db.Set<TItem>().AsNoTracking().Where(i => scope.All || (i.OwnerDepartmentId != null && mine.Contains(i.OwnerDepartmentId.Value)));
        var basePath = context.Http.Request.PathBase.Value;
        var soon = context.NowUtc.AddDays(7);

        async Task<IReadOnlyList<DashboardItem>> Items(IQueryable<TItem> q) =>
            (await q.OrderByDescending(i => i.UpdatedUtc).Take(10).Select(i => new { i.Id, i.Title, i.UpdatedUtc, i.OwnerDepartmentId }).ToListAsync(ct))
            .Select(i => new DashboardItem(i.Title, $"{basePath}{type.AdminPath(i.Id)}", i.UpdatedUtc,
                i.OwnerDepartmentId is { } d ? context.Departments.GetValueOrDefault(d) : null)).ToList();

        lists.Drafts.AddRange(await Items(editable.Where(i => i.WorkflowState == WorkflowState.Draft)));
        lists.Remanded.AddRange(await Items(editable.Where(i => i.WorkflowState == WorkflowState.Remanded)));
        lists.Scheduled.AddRange(await Items(editable.Where(i => i.WorkflowState == WorkflowState.Scheduled)));
        lists.ClosingSoon.AddRange(await Items(editable.Where(i => i.IsPublished && i.CloseAtUtc != null && i.CloseAtUtc <= soon)));
        lists.Recent.AddRange(await Items(editable));
    }
}
