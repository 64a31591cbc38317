
namespace NpoMunicipalNetwork.Tenants;

/// <summary>
/// The registry of governments a member site's <see cref="Tenant.MemberCode"/> points into, as tenancy needs it
/// (checking a code, naming it). The registry feature provides it; tenancy does not know its tables.
/// </summary>
public interface IMemberRegistry
{
    /// <summary>Why <paramref name="code"/> is not a well-formed local government code, or null when it is.</summary>
    string? ValidateCode(string? code);

    /// <summary>Whether the registry holds a government with this code.</summary>
    Task<bool> ExistsAsync(NetworkDbContext db, string code, CancellationToken ct);

    /// <summary>The names of the governments with these codes (codes the registry lacks are left out).</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(NetworkDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct);
}
