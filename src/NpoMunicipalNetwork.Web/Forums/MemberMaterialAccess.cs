using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// Who may open member-only materials (会員限定資料): someone signed in on the site of the request who
/// holds any role there, where that site is the hub or the active site of a current member. Sign-in
/// cookies are scoped to a site's path, so member staff open these from their own site
/// (<c>/{site}/forums/materials/{id}</c>); on the hub only the hub's own users are signed in.
/// </summary>
public static class MemberMaterialAccess
{
    public static async Task<bool> AllowsAsync(HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var user = http.User;
        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        if (user.Identity?.IsAuthenticated != true || !tenant.HasTenant || user.TenantId() != tenant.TenantId)
            return false;
        if (!Roles.All.Any(user.IsInRole))
            return false;
        var site = tenant.Tenant;
        if (site.IsHub)
            return true;
        if (!site.IsActive || site.MemberCode is null)
            return false;
        var today = clock.Today();
        return await db.Memberships.AnyAsync(m => m.GovernmentCode == site.MemberCode && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today), ct);
    }
}
