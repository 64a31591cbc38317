namespace NpoMunicipalNetwork.Tenants;

/// <summary>An immutable copy of a tenant row, cached for request resolution and theme rendering.</summary>
public sealed record TenantSnapshot(
    int Id,
    string Name,
    string DisplayName,
    TenantStatus Status,
    bool IsHub,
    string? MemberCode,
    string? Tagline,
    string? AccentColor,
    string? LogoUrl,
    bool IsSample,
    IReadOnlyList<string> Hosts,
    bool RequiresApproval = true)
{
    public bool IsActive => Status == TenantStatus.Active;

    public static TenantSnapshot From(Tenant t) => new(
        t.Id, t.Name, t.DisplayName, t.Status, t.IsHub, t.MemberCode, t.Tagline, t.AccentColor, t.LogoUrl, t.IsSample,
        t.Hosts.Select(h => h.HostName).ToArray(), t.RequiresApproval);
}
