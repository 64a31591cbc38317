
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// Who may approve what along a route, and whether a level is complete. Pure rules over the
/// route, the request and the people, read from the tenant's own data.
/// </summary>
public sealed class ApprovalEngine(NetworkDbContext db)
{
    /// <summary>The approvers of one level for one author: listed users plus, if set, Approvers sharing a unit with the author.</summary>
    public async Task<IReadOnlySet<int>> ApproversAsync(ApprovalLevel level, int authorId, CancellationToken ct)
    {
        var ids = level.Approvers.ToHashSet();
        if (level.AuthorsUnitApprovers)
        {
            var authorUnits = await db.DepartmentMembers.Where(m => m.UserId == authorId).Select(m => m.DepartmentId).ToListAsync(ct);
            var approverRole = await db.Roles.Where(r => r.Name == Roles.Approver).Select(r => r.Id).SingleAsync(ct);
            var unitApprovers = await db.DepartmentMembers
                .Where(m => authorUnits.Contains(m.DepartmentId))
                .Where(m => db.UserRoles.Any(ur => ur.UserId == m.UserId && ur.RoleId == approverRole))
                .Select(m => m.UserId).Distinct().ToListAsync(ct);
            ids.UnionWith(unitApprovers);
        }
        ids.Remove(authorId); // nobody approves their own request
        return ids;
    }

    /// <summary>The highest level at or above the current one where <paramref name="userId"/> is an approver, or null.</summary>
    public async Task<int?> ActingLevelAsync(ApprovalRoute route, ApprovalRequest request, int userId, CancellationToken ct)
    {
        int? acting = null;
        foreach (var level in route.Levels.Where(l => l.Level >= request.CurrentLevel).OrderBy(l => l.Level))
            if ((await ApproversAsync(level, request.RequestedByUserId, ct)).Contains(userId))
                acting = level.Level;
        return acting;
    }

    /// <summary>Whether the approvals given at the current level since it began reach its required count.</summary>
    public async Task<bool> LevelCompleteAsync(ApprovalRoute route, ApprovalRequest request, CancellationToken ct)
    {
        var level = route.Levels.Single(l => l.Level == request.CurrentLevel);
        var approvers = await ApproversAsync(level, request.RequestedByUserId, ct);
        var approvedBy = request.Decisions
            .Where(d => d.Approved && d.Level == request.CurrentLevel && d.Round == request.Round)
            .Select(d => d.UserId).ToHashSet();
        // 0 means everyone listed; a count larger than the list cannot block the route forever.
        var required = level.RequiredCount <= 0 ? approvers.Count : Math.Min(level.RequiredCount, approvers.Count);
        return approvedBy.Count(approvers.Contains) >= Math.Max(required, 1);
    }
}
