using Microsoft.AspNetCore.Authorization;

namespace NpoMunicipalNetwork.Accounts;

public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

/// <summary>
/// A permission holds only inside the user's own tenant (a role is never a key to another
/// member's site), except for network administrators, whose roles apply to every tenant. An organisation
/// account (an NPO's person) passes none, on any site, whatever its claims say.
/// </summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || context.Resource is not HttpContext http || user.IsOrganisationAccount())
            return Task.CompletedTask;

        var current = http.RequestServices.GetRequiredService<TenantContext>();
        // A hub guest session (a member site's user signed in on the hub for the boards) grants nothing, anywhere.
        var sameTenant = current.HasTenant && user.TenantId() == current.TenantId && !user.IsGuestSession();
        var roles = Roles.All.Where(user.IsInRole);
        var granted = user.IsNetworkAdministrator()
            ? Permissions.Grants(Roles.NetworkAdministrator, requirement.Permission)
            : sameTenant && roles.Any(r => r != Roles.NetworkAdministrator && Permissions.Grants(r, requirement.Permission));

        // Network-wide permissions (tenants, registry) are exercised on the hub only.
        if (granted && requirement.Permission.NetworkWide && current.HasTenant && !current.Tenant.IsHub)
            granted = false;

        if (granted)
            context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

public static class PermissionPolicies
{
    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        foreach (var permission in Permissions.All)
            options.AddPolicy(permission.Policy, p => p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission.Policy);
}
