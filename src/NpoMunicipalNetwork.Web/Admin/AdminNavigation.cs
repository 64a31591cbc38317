using Microsoft.AspNetCore.Authorization;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Admin;

/// <summary>The admin menu shows only what the signed-in user may open on this site.</summary>
public static class AdminNavigation
{
    private static readonly (string Title, string Path, Permission Permission)[] Items =
    [
        ("ダッシュボード", "/admin", Permissions.AccessAdmin),
        ("ページ", "/admin/pages", Permissions.EditOwnContent),
        ("メニュー", "/admin/menu", Permissions.EditOwnContent),
        ("ホームの設定", "/admin/home", Permissions.EditOwnContent),
        ("政策事例", "/admin/cases", Permissions.EditOwnContent),
        ("お知らせ", "/admin/news", Permissions.EditOwnContent),
        ("ページの評価", "/admin/feedback", Permissions.EditOwnContent),
        ("政策事例の一括登録", "/admin/cases/import", Permissions.EditOwnContent),
        ("調査研究報告書", "/admin/reports", Permissions.EditOwnContent),
        ("承認", "/admin/approvals", Permissions.AccessAdmin),
        ("承認経路", "/admin/routes", Permissions.ManageRoutes),
        ("組織", "/admin/departments", Permissions.ManageDepartments),
        ("利用者", "/admin/users", Permissions.ManageUsers),
        ("会員サイト", "/admin/tenants", Permissions.ManageTenants),
        ("団体名簿", "/admin/members", Permissions.ManageRegistry),
        ("表記辞書", "/admin/notation", Permissions.ManageNotation),
        ("事例の分類", "/admin/vocabulary", Permissions.ManageCaseVocabulary),
        ("検索索引", "/admin/search", Permissions.ManageSearch),
        ("監査ログ", "/admin/audit", Permissions.ViewAudit),
        ("APIキー", "/admin/api-keys", Permissions.ManageApiKeys),
        ("フォーラム", "/admin/forums", Permissions.OrganizeForums),
        ("掲示板", "/admin/boards", Permissions.ModerateBoards),
        ("オープンデータ", "/admin/opendata", Permissions.ManageOpenData),
        ("Webhook", "/admin/webhooks", Permissions.ManageWebhooks),
        ("アクセシビリティ試験", "/admin/accessibility", Permissions.ManageAccessibility),
    ];

    /// <summary>What only a member government has; the hub does not show it.</summary>
    private static readonly HashSet<string> MemberSiteOnly = ["/admin/cases", "/admin/cases/import", "/admin/api-keys", "/admin/home", "/admin/menu"];

    public static async Task<IReadOnlyList<NavItem>> ForAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true || !http.RequestServices.GetRequiredService<TenantContext>().HasTenant)
            return [];
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var basePath = http.Request.PathBase.Value ?? "";
        var path = http.Request.Path.Value ?? "";
        var items = new List<NavItem>();
        var isHub = http.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub;
        foreach (var (title, itemPath, permission) in Items)
        {
            if (isHub && MemberSiteOnly.Contains(itemPath))
                continue;
            if (!(await authorization.AuthorizeAsync(http.User, http, permission.Policy)).Succeeded)
                continue;
            var current = itemPath == "/admin" ? path is "/admin" or "/admin/" : path.StartsWith(itemPath, StringComparison.Ordinal);
            items.Add(new NavItem(title, basePath + itemPath, current));
        }
        return items;
    }
}
