using System.Security.Claims;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>
/// The organisation of an organisation account's session, for every later feature (the members' markets, the
/// one-stop desks) to recognise the person without a query: <c>user.OrganisationId()</c>. Rebuilt at sign-in and
/// by the security stamp check, which a change of membership triggers; a screen that changes something about the
/// organisation still checks membership in the database.
/// </summary>
public static class OrganisationClaims
{
    public const string Organisation = "npo:org";

    /// <summary>The organisation of a signed-in organisation account; null for anyone else (staff, anonymous, no organisation).</summary>
    public static int? OrganisationId(this ClaimsPrincipal user) =>
        user.IsOrganisationAccount() && int.TryParse(user.FindFirstValue(Organisation), out var id) ? id : null;
}

/// <summary>Adds <see cref="OrganisationClaims.Organisation"/> to an organisation account's session.</summary>
public sealed class OrganisationClaimsSource(NetworkDbContext db) : IAccountClaimsSource
{
    public async Task AddClaimsAsync(ApplicationUser user, ClaimsIdentity identity)
    {
        if (user.Kind != AccountKind.Organisation)
            return;
        var organisation = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == user.Id).Select(m => (int?)m.OrganisationId).FirstOrDefaultAsync();
        if (organisation is { } id)
            identity.AddClaim(new Claim(OrganisationClaims.Organisation, id.ToString(CultureInfo.InvariantCulture)));
    }
}
