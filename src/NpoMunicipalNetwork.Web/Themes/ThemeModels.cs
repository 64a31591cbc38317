namespace NpoMunicipalNetwork.Themes;

/// <summary>A step of the breadcrumb trail; the current page has no URL.</summary>
public sealed record Breadcrumb(string Title, string? Url = null);

/// <summary>What every page tells the layout: its title, trail and description.</summary>
/// <param name="CanonicalPath">Where the page's own address is, as a path on the hub's host (a hub copy of a member's case points to the member's page); null: this address.</param>
public sealed record PageMeta(string Title, IReadOnlyList<Breadcrumb>? Breadcrumbs = null, string? Description = null, string? CanonicalPath = null)
{
    public IReadOnlyList<Breadcrumb> Trail => Breadcrumbs ?? [];
}

public sealed record NavItem(string Title, string Url, bool Current)
{
    /// <summary>Sub-items (the site's page menu nests); empty for a flat menu.</summary>
    public IReadOnlyList<NavItem> Children { get; init; } = [];
}

/// <summary>The site (hub or member tenant) as templates see it.</summary>
public sealed record SiteModel(
    string Name,
    string DisplayName,
    string NetworkName,
    bool IsHub,
    bool IsSample,
    string? Tagline,
    string? MemberCode,
    string? LogoUrl,
    string AccentColor,
    string AccentTextColor,
    string BasePath,
    string HubUrl,
    IReadOnlyList<NavItem> Navigation);
