using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>The claims the network adds to Identity's: the user's tenant, display name and edit-all flag.</summary>
public static class NetworkClaims
{
    public const string Tenant = "npo:tenant";
    public const string DisplayName = "npo:name";
    public const string EditsAllUnits = "npo:edit-all";

    /// <summary>Present, as "organisation", on an organisation account's session (see <see cref="AccountKind"/>).</summary>
    public const string Kind = "npo:kind";

    public const string OrganisationKind = "organisation";

    /// <summary>
    /// The tenant whose login page opened the session. A member site's user signed in on the hub (to use the
    /// boards) holds a hub guest session: its tenant claim stays their own, and the session is valid on the hub only
    /// and grants no permission (see <see cref="PermissionHandler"/> and <see cref="HubGuestSessions"/>).
    /// </summary>
    public const string SessionTenant = "npo:session";

    public static int? TenantId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(Tenant), out var id) ? id : null;

    public static int? UserId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Network administrators hold their role everywhere; an organisation account never counts as one.</summary>
    public static bool IsNetworkAdministrator(this ClaimsPrincipal user) => user.IsInRole(Roles.NetworkAdministrator) && !user.IsOrganisationAccount();

    /// <summary>A signed-in NPO or other organisation's person: never staff, on any site.</summary>
    public static bool IsOrganisationAccount(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(Kind) == OrganisationKind;

    /// <summary>A session opened on a site other than the user's own (only the hub allows that), by someone who is not the secretariat.</summary>
    public static bool IsGuestSession(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(SessionTenant), out var session) && session != user.TenantId() && !user.IsNetworkAdministrator();
}

public sealed class NetworkClaimsPrincipalFactory(
    UserManager<ApplicationUser> users, RoleManager<ApplicationRole> roles, IOptions<IdentityOptions> options, IHttpContextAccessor accessor,
    IEnumerable<IAccountClaimsSource> sources)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NetworkClaims.Tenant, user.TenantId.ToString()));
        // Set by the login endpoint; a refresh of a running session (a password change) keeps its claim.
        // The security stamp check copies it in HubGuestSessions.KeepSessionClaim.
        var http = accessor.HttpContext;
        var session = http?.Items[NetworkClaims.SessionTenant] is int opened ? opened.ToString()
            : http?.User.UserId() == user.Id ? http.User.FindFirstValue(NetworkClaims.SessionTenant) : null;
        if (session is not null)
            identity.AddClaim(new Claim(NetworkClaims.SessionTenant, session));
        identity.AddClaim(new Claim(NetworkClaims.DisplayName, user.DisplayName));
        if (user.CanEditAllUnits)
            identity.AddClaim(new Claim(NetworkClaims.EditsAllUnits, "true"));
        if (user.Kind == AccountKind.Organisation)
            identity.AddClaim(new Claim(NetworkClaims.Kind, NetworkClaims.OrganisationKind));
        foreach (var source in sources)
            await source.AddClaimsAsync(user, identity);
        return identity;
    }
}

/// <summary>The signed-in user as templates see it.</summary>
public sealed record CurrentUser(bool IsSignedIn, string? Name, string? Email, IReadOnlyList<string> Roles, bool IsNetworkAdministrator, bool IsOrganisation = false)
{
    public static readonly CurrentUser Anonymous = new(false, null, null, [], false);

    public static CurrentUser From(ClaimsPrincipal principal) => principal.Identity?.IsAuthenticated == true
        ? new CurrentUser(true, principal.FindFirstValue(NetworkClaims.DisplayName), principal.FindFirstValue(ClaimTypes.Email),
            principal.FindAll(ClaimTypes.Role).Select(c => Accounts.Roles.Japanese(c.Value)).ToList(), principal.IsNetworkAdministrator(),
            principal.IsOrganisationAccount())
        : Anonymous;
}
