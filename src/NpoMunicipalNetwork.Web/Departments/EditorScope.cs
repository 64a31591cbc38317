using System.Security.Claims;

namespace NpoMunicipalNetwork.Departments;

/// <summary>
/// Which content a signed-in user may edit in the current tenant: all of it (site and network
/// administrators, and editors granted "all units"), or what their own units (兼務 included) own.
/// </summary>
public sealed record EditorScope(bool All, IReadOnlySet<int> DepartmentIds)
{
    public bool CanEdit(int? ownerDepartmentId) => All || ownerDepartmentId is { } id && DepartmentIds.Contains(id);

    public static async Task<EditorScope> ForAsync(ClaimsPrincipal user, NetworkDbContext db, CancellationToken ct)
    {
        var all = user.IsNetworkAdministrator() || user.IsInRole(Roles.SiteAdministrator) || user.HasClaim(NetworkClaims.EditsAllUnits, "true");
        var userId = user.UserId();
        var units = userId is null ? [] : await db.DepartmentMembers.Where(m => m.UserId == userId).Select(m => m.DepartmentId).ToListAsync(ct);
        return new EditorScope(all, units.ToHashSet());
    }
}
