using Microsoft.AspNetCore.WebUtilities;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>The signed-in person, their organisation and their place in it, read from the database for each request.</summary>
public sealed record OrganisationSession(ApplicationUser User, Organisation Organisation, OrganisationMember Member)
{
    public bool IsOwner => Member.Role == OrganisationRole.Owner;

    public string HomeUrl => OrganisationPaths.Home(Organisation.Id);
}

/// <summary>What a request may do: a session, or the answer to give instead.</summary>
public sealed record OrganisationAccessResult(OrganisationSession? Session, IResult? Refusal);

/// <summary>
/// Who may open an organisation's pages: its own people, signed in with their organisation account. Anyone not
/// signed in goes to the organisations' sign-in page; anyone else signed in (another organisation's person, staff,
/// the secretariat, a hub guest) gets a 404, so the pages do not even confirm that the organisation exists.
/// </summary>
public static class OrganisationAccess
{
    public const string OwnersOnly = "この操作は団体の管理者だけが行えます。";

    public static async Task<OrganisationAccessResult> LoadAsync(HttpContext http, NetworkDbContext db, int organisationId, CancellationToken ct)
    {
        if (await SignedInAsync(http, db, ct) is not { } user)
            return new(null, http.User.Identity?.IsAuthenticated == true ? ThemeResults.NotFound() : ToLogin(http));
        var member = await db.OrganisationMembers.FirstOrDefaultAsync(m => m.UserId == user.Id && m.OrganisationId == organisationId, ct);
        var organisation = member is null ? null
            : await db.Organisations.Include(o => o.ActivityAreas).FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        return organisation is null ? new(null, ThemeResults.NotFound()) : new(new OrganisationSession(user, organisation, member!), null);
    }

    /// <summary>The same, for what only owners may do (403 for the organisation's other people).</summary>
    public static async Task<OrganisationAccessResult> LoadOwnerAsync(HttpContext http, NetworkDbContext db, int organisationId, CancellationToken ct)
    {
        var access = await LoadAsync(http, db, organisationId, ct);
        return access.Session is { IsOwner: false } ? new(null, ThemeResults.Forbidden(OwnersOnly)) : access;
    }

    /// <summary>The signed-in organisation account (a staff session, a guest session or none: null).</summary>
    public static async Task<ApplicationUser?> SignedInAsync(HttpContext http, NetworkDbContext db, CancellationToken ct) =>
        http.User.IsOrganisationAccount() && http.User.UserId() is { } id
            ? await db.Users.FirstOrDefaultAsync(u => u.Id == id && u.Kind == AccountKind.Organisation, ct)
            : null;

    public static IResult ToLogin(HttpContext http) =>
        Results.Redirect(QueryHelpers.AddQueryString(OrganisationPaths.Login, "returnUrl", http.Request.Path + http.Request.QueryString));
}

/// <summary>The feature's addresses on the hub (whose path base is empty).</summary>
public static class OrganisationPaths
{
    public const string Root = "/organisations";
    public const string Login = Root + "/login";
    public const string Mine = Root + "/mine";

    public static string Home(int id, string? done = null) => $"{Root}/{id}" + (done is null ? "" : $"?done={done}");

    /// <summary>
    /// Where to go after sign-in: back to the page that asked (a market round's 「提案する」, say), unless it is off the
    /// site or in a staff area (an admin area or the staff account pages), which an organisation never opens; then to
    /// one's organisation.
    /// </summary>
    public static string SafeReturn(string? returnUrl) =>
        LocalReturn.IsLocal(returnUrl) && !IsStaffArea(returnUrl!) ? returnUrl! : Mine;

    private static bool IsStaffArea(string url)
    {
        var segments = url.Split(['?', '#'], 2)[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && (segments[0] is "admin" or "account" or "setup" || segments.Length > 1 && segments[1] is "admin" or "account");
    }
}
