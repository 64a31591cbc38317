namespace NpoMunicipalNetwork.Accounts;

/// <summary>A named right that endpoints require by policy; features declare theirs in code and map them to roles here.</summary>
public sealed record Permission(string Name, string Description, bool NetworkWide = false)
{
    public string Policy => "permission:" + Name;
}

public static class Permissions
{
    public static readonly Permission AccessAdmin = new("admin.access", "管理画面を使う");
    public static readonly Permission EditOwnContent = new("content.edit-own", "自分の所属のコンテンツを編集する");
    public static readonly Permission ManageDepartments = new("departments.manage", "組織（部・課・係）を管理する");
    public static readonly Permission ManageUsers = new("users.manage", "サイトの利用者と権限を管理する");
    public static readonly Permission ManageRoutes = new("routes.manage", "承認経路を管理する");
    public static readonly Permission ManageNotation = new("notation.manage", "機種依存文字の置き換え辞書を管理する", NetworkWide: true);
    public static readonly Permission ManageTenants = new("tenants.manage", "会員サイトを作成・停止する", NetworkWide: true);
    public static readonly Permission ManageRegistry = new("registry.manage", "団体名簿と会員情報を編集する", NetworkWide: true);
    public static readonly Permission ManageCaseVocabulary = new("cases.vocabulary", "政策事例の分類（政策分野・手法）を管理する", NetworkWide: true);
    public static readonly Permission ManageSearch = new("search.manage", "検索索引の状態を見て再構築する", NetworkWide: true);

    /// <summary>The audit log of one's own site; the secretariat on the hub reads every site's and the network's.</summary>
    public static readonly Permission ViewAudit = new("audit.view", "監査ログを見る");

    /// <summary>Create forums and assign their organisers (the secretariat, on the hub).</summary>
    public static readonly Permission ManageForums = new("forums.manage", "フォーラムを作成し、運営者を割り当てる", NetworkWide: true);

    /// <summary>Run the forums one is assigned to (programme, materials, report, registrations); which forums is checked per forum.</summary>
    public static readonly Permission OrganizeForums = new("forums.organize", "担当するフォーラムを運営する");

    /// <summary>The boards' moderation queue, categories and private groups, and every moderator action.</summary>
    public static readonly Permission ModerateBoards = new("boards.moderate", "掲示板を管理・モデレートする", NetworkWide: true);

    /// <summary>Issue and revoke the site's API keys, with which its own systems write cases and news.</summary>
    public static readonly Permission ManageApiKeys = new("apikeys.manage", "APIキーを発行・失効する");

    /// <summary>Build the open-data bundle on demand and see the bundles kept (the secretariat, on the hub).</summary>
    public static readonly Permission ManageOpenData = new("opendata.manage", "オープンデータを作成する", NetworkWide: true);

    /// <summary>A site's webhook subscriptions (送信先) and their delivery log.</summary>
    public static readonly Permission ManageWebhooks = new("webhooks.manage", "Webhook の送信先を管理する");

    /// <summary>Run the accessibility checks over the published site and import axe results (the 試験結果 page shows them).</summary>
    public static readonly Permission ManageAccessibility = new("accessibility.manage", "アクセシビリティ試験を実行し、結果を取り込む", NetworkWide: true);

    public static readonly IReadOnlyList<Permission> All =
        [AccessAdmin, EditOwnContent, ManageDepartments, ManageUsers, ManageRoutes, ManageTenants, ManageRegistry, ManageNotation, ManageCaseVocabulary, ManageSearch, ViewAudit,
         ManageForums, OrganizeForums, ModerateBoards, ManageApiKeys, ManageOpenData, ManageWebhooks, ManageAccessibility];

    private static readonly Dictionary<string, Permission[]> ByRole = new()
    {
        [Roles.NetworkAdministrator] = [.. All],
        [Roles.SiteAdministrator] = [AccessAdmin, EditOwnContent, ManageDepartments, ManageUsers, ManageRoutes, ViewAudit, ManageApiKeys, ManageWebhooks],
        [Roles.MemberEditor] = [AccessAdmin, EditOwnContent],
        [Roles.Approver] = [AccessAdmin],
        [Roles.ForumOrganizer] = [AccessAdmin, OrganizeForums],
        [Roles.MemberStaff] = [],
    };

    public static bool Grants(string role, Permission permission) =>
        ByRole.TryGetValue(role, out var granted) && granted.Contains(permission);
}
