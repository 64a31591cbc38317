using System.Text.RegularExpressions;

namespace NpoMunicipalNetwork.Tenants;

/// <summary>
/// Tenant names share the URL space with the hub's own routes, so a name the hub routes
/// can never be taken, or <c>/members</c> would stop meaning the member directory.
/// </summary>
public static partial class TenantNameRules
{
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Tenant.HubName, "admin", "api", "readyz", "account", "accounts", "login", "logout", "members", "member",
        "tenants", "cases", "forums", "forum", "boards", "board", "reports", "news", "pages", "search",
        "themes", "assets", "static", "css", "js", "img", "images", "files", "media", "feeds", "feed",
        "rss", "atom", "sitemap.xml", "robots.txt", "favicon.ico", "health", "healthz", "about",
        "accessibility", "settings", "stats", "statistics", "calendar", "setup", "error", "errors",
        "theme.css", "openapi", "scalar", "swagger", "www", "lib", ".well-known",
    };

    [GeneratedRegex("^[a-z][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex Shape();

    /// <summary>Returns a Japanese message naming the problem, or null when the name is acceptable.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "サイト名（URL）を入力してください。";
        if (!Shape().IsMatch(name))
            return $"サイト名（URL）「{name}」は使えません。半角英小文字で始まり、半角英小文字・数字・ハイフンで3〜40文字にしてください。";
        if (name.Contains("--"))
            return $"サイト名（URL）「{name}」にはハイフンを続けて使えません。";
        if (Reserved.Contains(name))
            return $"サイト名（URL）「{name}」はネットワークのページが使うため予約されています。別の名前にしてください。";
        return null;
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")]
    private static partial Regex HostShape();

    public static string? ValidateHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host) || !HostShape().IsMatch(host))
            return $"ホスト名「{host}」の形式が正しくありません（例: npo.city.example.lg.jp）。";
        return null;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorShape();

    public static string? ValidateColor(string? color) =>
        color is null || ColorShape().IsMatch(color) ? null : $"アクセントカラー「{color}」は #1a2b3c の形式で指定してください。";
}
