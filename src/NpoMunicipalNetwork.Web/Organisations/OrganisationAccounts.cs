using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Organisations;

/// <summary>Organisation accounts: always on the hub, always of the organisation kind, never given a role.</summary>
public static class OrganisationAccounts
{
    public static ApplicationUser New(string email, string name, int hubId, DateTime now, bool confirmed = false) => new()
    {
        UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = name,
        TenantId = hubId, Kind = AccountKind.Organisation, CreatedUtc = now,
    };

    /// <summary>Removes a sign-up whose address was never confirmed, with the organisation it made (nobody else can have joined it).</summary>
    public static async Task DeleteUnconfirmedAsync(NetworkDbContext db, UserManager<ApplicationUser> users, ApplicationUser user, CancellationToken ct)
    {
        var made = await db.OrganisationMembers.Where(m => m.UserId == user.Id).Select(m => m.OrganisationId).ToListAsync(ct);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded)
            throw new InvalidOperationException(string.Join(" ", deleted.Errors.Select(e => e.Description)));
        await db.Organisations.Where(o => made.Contains(o.Id)).ExecuteDeleteAsync(ct);
    }
}
