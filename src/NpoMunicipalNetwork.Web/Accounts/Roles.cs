namespace NpoMunicipalNetwork.Accounts;

/// <summary>
/// The roles of the network. A role always applies within the user's own tenant,
/// except <see cref="NetworkAdministrator"/>, which applies to every tenant.
/// </summary>
public static class Roles
{
    public const string NetworkAdministrator = nameof(NetworkAdministrator);
    public const string SiteAdministrator = nameof(SiteAdministrator);
    public const string MemberEditor = nameof(MemberEditor);
    public const string Approver = nameof(Approver);
    public const string ForumOrganizer = nameof(ForumOrganizer);
    public const string MemberStaff = nameof(MemberStaff);

    public static readonly IReadOnlyList<string> All =
        [NetworkAdministrator, SiteAdministrator, MemberEditor, Approver, ForumOrganizer, MemberStaff];

    /// <summary>Roles a site administrator may grant inside their tenant; network administration is granted only by the secretariat.</summary>
    public static readonly IReadOnlyList<string> TenantRoles = [SiteAdministrator, MemberEditor, Approver, ForumOrganizer, MemberStaff];

    public static string Japanese(string role) => role switch
    {
        NetworkAdministrator => "ネットワーク管理者（事務局）",
        SiteAdministrator => "サイト管理者",
        MemberEditor => "編集者",
        Approver => "承認者",
        ForumOrganizer => "フォーラム運営者",
        MemberStaff => "会員職員",
        _ => role,
    };
}
