using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>
/// A person who signs in. Every user belongs to exactly one tenant: a member government's site
/// (its staff) or the hub (the network secretariat). E-mail addresses are unique network-wide.
/// </summary>
public sealed class ApplicationUser : IdentityUser<int>
{
    public int TenantId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>A MemberEditor with this set edits all content of the tenant, not only their units'.</summary>
    public bool CanEditAllUnits { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When an invitation is outstanding (the person has not yet set a password).</summary>
    public DateTime? InvitedUtc { get; set; }

    /// <summary>
    /// Staff of a site, or the account of an NPO or other civic organisation (on the hub). Fixed at creation: an
    /// organisation account never holds a role and passes no permission check (<see cref="PermissionHandler"/>).
    /// </summary>
    public AccountKind Kind { get; set; }
}

/// <summary>What kind of person an account is; stored by name.</summary>
public enum AccountKind
{
    /// <summary>A member government's staff or the secretariat: roles and permissions apply.</summary>
    Staff,

    /// <summary>A person of an NPO or other civic organisation: never staff, whatever happens.</summary>
    Organisation,
}

public sealed class ApplicationRole : IdentityRole<int>
{
    public ApplicationRole() { }

    public ApplicationRole(string name) : base(name) { }
}
