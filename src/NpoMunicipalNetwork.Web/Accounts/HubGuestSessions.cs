using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>
/// A member site's user may sign in on the hub to use the boards. The hub's cookie is scoped to "/", so the
/// browser also sends it to every member site's path: there such a guest session is ignored (the person is
/// anonymous, as before, and signs in on their own site for its admin area). On the hub it is a normal
/// sign-in that <see cref="PermissionHandler"/> grants no permission to.
/// </summary>
public static class HubGuestSessions
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } user || !user.IsGuestSession())
            return;
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        if (!tenant.HasTenant || user.FindFirstValue(NetworkClaims.SessionTenant) != tenant.TenantId.ToString())
            context.RejectPrincipal(); // not SignOut: that would delete the hub's cookie too
    }

    /// <summary>The security stamp check rebuilds the principal from the database; the session's origin must survive it.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        var session = context.CurrentPrincipal?.FindFirst(NetworkClaims.SessionTenant);
        if (session is not null && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == NetworkClaims.SessionTenant))
            identity.AddClaim(new Claim(NetworkClaims.SessionTenant, session.Value));
        return Task.CompletedTask;
    }
}
