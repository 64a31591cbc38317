namespace NpoMunicipalNetwork.Themes;

/// <summary>A step of the breadcrumb trail; the current page has no URL.</summary>
public sealed record Breadcrumb(string Title, string? Url = null);

/// <summary>What every page tells the layout: its title, trail and description.</summary>
public sealed record PageMeta(string Title, IReadOnlyList<Breadcrumb>? Breadcrumbs = null, string? Description = null)
{
    public IReadOnlyList<Breadcrumb> Trail => Breadcrumbs ?? [];
}

public sealed record NavItem(string Title, string Url, bool Current);

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
