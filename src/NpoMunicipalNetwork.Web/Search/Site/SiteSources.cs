using System.Linq.Expressions;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>What the tenant-owned site sources share.</summary>
public static class SiteSources
{
    /// <summary>
    /// Every row of the sites whose status or settings changed (a site disabled or enabled), whatever its
    /// state: ids only, so the index can add or drop them; what may be found is still decided by LoadAsync.
    /// </summary>
    public static async Task<IReadOnlyList<int>> OfTenantsAsync<T>(IQueryable<T> rows, string contentType, IReadOnlyCollection<int> tenantIds,
        Expression<Func<T, int>> tenantOf, Expression<Func<T, int>> idOf, CancellationToken ct)
    {
        if (contentType != Tenant.SearchType)
            return [];
        var parameter = tenantOf.Parameters[0];
        var inTenants = Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], Expression.Constant(tenantIds.ToList()), tenantOf.Body), parameter);
        return await rows.Where(inTenants).Select(idOf).ToListAsync(ct);
    }
}
