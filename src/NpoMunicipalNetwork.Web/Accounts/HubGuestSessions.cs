using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Net.Http.Headers;

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
        if (context.Principal is { } user && user.IsGuestSession() && !OpenedHere(context, user))
        {
            // The site's own cookie has the same name and a longer path. Browsers usually send it first, but
            // RFC 6265 says not to rely on the order: look at every cookie of that name for a site session.
            if (OtherSession(context) is not { } site)
            {
                context.RejectPrincipal(); // not SignOut: that would delete the site's cookie
                return;
            }
            context.ReplacePrincipal(site);
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static bool OpenedHere(CookieValidatePrincipalContext context, ClaimsPrincipal user)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        return tenant.HasTenant && user.FindFirstValue(NetworkClaims.SessionTenant) == tenant.TenantId.ToString();
    }

    private static ClaimsPrincipal? OtherSession(CookieValidatePrincipalContext context)
    {
        var name = context.Options.Cookie.Name!;
        if (!CookieHeaderValue.TryParseList(context.Request.Headers.Cookie.ToArray(), out var cookies))
            return null;
        var now = DateTimeOffset.UtcNow;
        foreach (var cookie in cookies.Where(c => c.Name.Equals(name, StringComparison.Ordinal)))
        {
            var ticket = context.Options.TicketDataFormat.Unprotect(cookie.Value.ToString());
            if (ticket?.Principal is { } other && !other.IsGuestSession() && (ticket.Properties.ExpiresUtc is not { } expires || expires > now))
                return other;
        }
        return null;
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
