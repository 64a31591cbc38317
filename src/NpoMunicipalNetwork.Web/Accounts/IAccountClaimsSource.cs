using System.Security.Claims;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>
/// A feature's claims on every session it builds (the organisation an account belongs to, say), added when a
/// user signs in and whenever the security stamp check rebuilds the session. Register as a scoped service.
/// </summary>
public interface IAccountClaimsSource
{
    Task AddClaimsAsync(ApplicationUser user, ClaimsIdentity identity);
}
