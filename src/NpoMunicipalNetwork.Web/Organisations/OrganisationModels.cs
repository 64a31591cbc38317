
namespace NpoMunicipalNetwork.Organisations;

/// <summary>A form of the organisations' pages: its state, where it posts, its antiforgery field, select options and messages.</summary>
public sealed record OrganisationFormModel(
    FormState Form,
    string Action,
    CsrfField Csrf,
    string? Notice = null,
    string? FormError = null,
    IReadOnlyDictionary<string, IReadOnlyList<Option>>? Options = null,
    object? Extra = null);

/// <summary>A page that only says something (mail sent, link expired …), with links onward.</summary>
public sealed record OrganisationMessageModel(string Message, IReadOnlyList<Breadcrumb> Links);

public sealed record OrganisationProfileView(
    string Name, string? Kind, string? CorporateNumber, string? Representative, string? Prefecture, string? Address,
    IReadOnlyList<string> Areas, string? WebsiteUrl, string? Phone, DateTime CreatedUtc, DateTime UpdatedUtc);

public sealed record OrganisationMemberRow(
    int UserId, string Name, string Email, string Role, string RoleCode, DateTime JoinedUtc, bool IsSelf, string ActionBase);

public sealed record OrganisationInvitationRow(string Email, string Role, string? InvitedBy, DateTime ExpiresUtc, bool Expired, string CancelUrl);

/// <summary>The organisation's home: its profile, people and open invitations, and what the viewer may do.</summary>
public sealed record OrganisationHomeModel(
    int Id,
    OrganisationProfileView Profile,
    IReadOnlyList<OrganisationMemberRow> Members,
    IReadOnlyList<OrganisationInvitationRow> Invitations,
    string MyRole,
    bool IsOwner,
    bool MayEditProfile,
    bool ProfileIncomplete,
    IReadOnlyList<Option> RoleOptions,
    CsrfField Csrf,
    string? Notice,
    string? FormError);
