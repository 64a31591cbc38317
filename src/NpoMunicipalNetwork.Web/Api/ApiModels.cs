using System.ComponentModel;

namespace NpoMunicipalNetwork.Api;

// Shapes shared by several resources. Names are camelCase on the wire; dates are ISO 8601
// (instants in UTC with an offset, days as yyyy-MM-dd); fiscal years (年度) are plain integers.

/// <summary>A value of a controlled vocabulary: a stable code for machines, the Japanese name for people.</summary>
[Description("統制語彙の値（code は機械向けの固定値、name は日本語の名称）")]
public sealed record ApiTerm(string Code, string Name);

/// <summary>A facet value with the number of results it would give (multi-select counting, as on the case search page).</summary>
public sealed record ApiFacetValue(string Code, string Name, int Count);

/// <summary>The site that published an item: a member's site or the network hub.</summary>
public sealed record ApiSiteRef(string Name, string DisplayName, bool IsHub, string Url);

/// <summary>A department's contact block (問い合わせ先).</summary>
public sealed record ApiContact(string Name, string? Phone, string? Fax, string? Email);

/// <summary>A downloadable file attached to public content.</summary>
public sealed record ApiFile(string Title, string FileName, string ContentType, long Size, string Url);

public static class ApiLinks
{
    /// <summary>An absolute URL on the hub for a site-relative path, so clients can follow it as is.</summary>
    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    /// <summary>Databases hand back unspecified kinds; every stored instant is UTC.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static ApiSiteRef Site(HttpRequest request, string name, string displayName, bool isHub) =>
        new(name, displayName, isHub, Absolute(request, isHub ? "/" : $"/{name}/"));
}

public static class ApiSites
{
    public sealed record SiteFacts(int Id, string Name, string DisplayName, bool IsHub);

    /// <summary>The sites of the given rows, from the database (not the catalog, which may be a few seconds behind another instance).</summary>
    public static Task<Dictionary<int, SiteFacts>> LoadAsync(Data.NetworkDbContext db, IEnumerable<int> tenantIds, CancellationToken ct)
    {
        var ids = tenantIds.Distinct().ToList();
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.Tenants.Where(t => ids.Contains(t.Id)).Select(t => new SiteFacts(t.Id, t.Name, t.DisplayName, t.IsHub)), s => s.Id, ct);
    }
}
