namespace NpoMunicipalNetwork.Audit;

/// <summary>
/// One line of the audit log (監査ログ): who did what to which thing, when and from where.
/// Append-only (<see cref="Data.NetworkDbContext"/> refuses to update or delete an entry) and without
/// foreign keys, so an entry outlives the user, unit or page it names: the actor's and the target's
/// names are copied in at the time of the event.
/// </summary>
/// <remarks>
/// Deliberately not <see cref="Data.ITenantOwned"/>: <see cref="TenantId"/> is null for network-level
/// events (the registry, member-site management, sign-in attempts that match no account of the site),
/// which no tenant owns and nothing may stamp over. The context still filters queries to the current
/// tenant's entries by default; the secretariat's cross-tenant view ignores that filter explicitly.
/// </remarks>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The site the event happened on or concerns; null for a network-level event.</summary>
    public int? TenantId { get; set; }

    public DateTime OccurredUtc { get; set; }

    /// <summary>The signed-in person who acted; null when nobody was signed in (a failed login).</summary>
    public int? ActorUserId { get; set; }

    /// <summary>The actor's display name at the time, kept when the account is later deleted or renamed.</summary>
    public string? ActorName { get; set; }

    public string? IpAddress { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>One of <see cref="AuditTargetTypes"/>.</summary>
    public required string TargetType { get; set; }

    /// <summary>The target's key as text: a row id, a tenant name, a local-government code.</summary>
    public string? TargetId { get; set; }

    /// <summary>The target's name at the time (氏名（メール）, 組織名, サイト名 …).</summary>
    public string? TargetLabel { get; set; }

    /// <summary>What happened, in a short Japanese sentence.</summary>
    public required string Summary { get; set; }

    public const int ActorNameLength = 100;
    public const int IpAddressLength = 45;
    public const int TargetTypeLength = 40;
    public const int TargetIdLength = 100;
    public const int TargetLabelLength = 300;
    public const int SummaryLength = 1000;
}

/// <summary>
/// What was done. Stored by name (never by number), so adding an action never renumbers history.
/// The publishing ones (Request … Close) are written by the content workflow.
/// </summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
    Request,
    Approve,
    Remand,
    Publish,
    Close,
    Login,
    LoginFailed,
    Lockout,
    RoleChange,
    Reorganise,
    TenantChange,
    RegistryChange,
    Moderate,
}

public static class AuditActionNames
{
    public static string Japanese(this AuditAction action) => action switch
    {
        AuditAction.Create => "作成",
        AuditAction.Update => "更新",
        AuditAction.Delete => "削除",
        AuditAction.Request => "承認依頼",
        AuditAction.Approve => "承認",
        AuditAction.Remand => "差し戻し",
        AuditAction.Publish => "公開",
        AuditAction.Close => "公開終了",
        AuditAction.Login => "ログイン",
        AuditAction.LoginFailed => "ログイン失敗",
        AuditAction.Lockout => "アカウントのロック",
        AuditAction.RoleChange => "権限の変更",
        AuditAction.Reorganise => "組織の変更",
        AuditAction.TenantChange => "会員サイトの変更",
        AuditAction.RegistryChange => "団体名簿の変更",
        AuditAction.Moderate => "掲示板のモデレーション",
        _ => action.ToString(),
    };
}

/// <summary>The kinds of thing an entry is about; stored in English, shown in Japanese.</summary>
public static class AuditTargetTypes
{
    public const string User = "User";
    public const string Department = "Department";
    public const string Tenant = "Tenant";
    public const string Government = "Government";
    public const string Page = "Page";
    public const string Forum = "Forum";
    public const string PolicyCase = "PolicyCase";
    public const string News = "News";
    public const string CaseVocabulary = "CaseVocabulary";
    public const string Report = "Report";

    /// <summary>An address typed into the sign-in form that matches no account of the site.</summary>
    public const string SignInAddress = "SignInAddress";

    public const string OpenData = "OpenData";
    public const string Webhook = "Webhook";

    public const string BoardCategory = "BoardCategory";
    public const string BoardTopic = "BoardTopic";
    public const string BoardPost = "BoardPost";
    public const string ApiKey = "ApiKey";

    public const string AccessibilityRun = "AccessibilityRun";

    /// <summary>An NPO or other civic organisation with accounts on the hub: its profile, people and invitations.</summary>
    public const string Organisation = "Organisation";
    public const string HomeLinks = "HomeLinks";
    public const string Menu = "Menu";

    public static string Japanese(string type) => type switch
    {
        OpenData => "オープンデータ",
        Webhook => "Webhook の送信先",
        BoardCategory => "掲示板カテゴリ",
        BoardTopic => "掲示板トピック",
        BoardPost => "掲示板の投稿",
        ApiKey => "APIキー",
        AccessibilityRun => "アクセシビリティ試験",
        Organisation => "NPO・団体",
        HomeLinks => "ホームの関連リンク",
        Menu => "ページのメニュー",
        User => "利用者",
        Department => "組織",
        Tenant => "会員サイト",
        PolicyCase => "政策事例",
        News => "お知らせ",
        CaseVocabulary => "事例の分類語彙",
        Report => "調査研究報告書",
        Government => "団体",
        Page => "ページ",
        Forum => "フォーラム",
        SignInAddress => "メールアドレス",
        _ => type,
    };
}
