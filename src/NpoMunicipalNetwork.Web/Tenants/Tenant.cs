namespace NpoMunicipalNetwork.Tenants;

/// <summary>
/// One site served by this process: the network hub (the default tenant) or a member
/// government's site. A tenant is a row, not a container: it costs nothing until it is requested.
/// </summary>
public sealed class Tenant
{
    /// <summary>
    /// The content type a site's change is logged under for the search (a site's status or member code decides
    /// whether and how its content is found); the search feature watches tenants itself.
    /// </summary>
    public const string SearchType = "Tenant";

    public const string HubName = "hub";

    public int Id { get; set; }

    /// <summary>URL-safe name; the path prefix in <c>/{name}/...</c>. See <see cref="TenantNameRules"/>.</summary>
    public required string Name { get; set; }

    public required string DisplayName { get; set; }

    public TenantStatus Status { get; set; } = TenantStatus.Active;

    public bool IsHub { get; set; }

    /// <summary>The member government this site belongs to, by 6-digit local-government code.</summary>
    public string? MemberCode { get; set; }

    public string? Tagline { get; set; }

    /// <summary>Theme accent colour as <c>#rrggbb</c>; the theme keeps text on it at AA contrast.</summary>
    public string? AccentColor { get; set; }

    /// <summary>Logo image URL (absolute, or a path under the theme's assets).</summary>
    public string? LogoUrl { get; set; }

    /// <summary>Data loaded by a sample recipe, shown with a visible "sample" notice.</summary>
    public bool IsSample { get; set; }

    /// <summary>Nothing goes public without an approval route; a small municipality may switch this off.</summary>
    public bool RequiresApproval { get; set; } = true;

    public List<TenantHost> Hosts { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

public enum TenantStatus
{
    Active = 0,
    Disabled = 1,
}

/// <summary>A host name that resolves straight to a tenant (e.g. <c>npo.city.example.lg.jp</c>); unique across tenants.</summary>
public sealed class TenantHost
{
    public required string HostName { get; set; }

    public int TenantId { get; set; }
}
