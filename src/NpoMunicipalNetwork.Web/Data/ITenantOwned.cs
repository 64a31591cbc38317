namespace NpoMunicipalNetwork.Data;

/// <summary>
/// A row that belongs to one tenant. <see cref="NetworkDbContext"/> filters every query on it
/// by the request's tenant and stamps the tenant on insert, so feature code never does either.
/// </summary>
public interface ITenantOwned
{
    int TenantId { get; set; }
}
