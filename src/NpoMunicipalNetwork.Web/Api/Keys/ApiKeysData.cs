
namespace NpoMunicipalNetwork.Api.Keys;

/// <summary>This feature's tables on the network database (<c>db.ApiKeys</c> with <c>using NpoMunicipalNetwork.Api.Keys;</c>); the core context names no feature.
/// Each entity's configuration pins its table to the name it had as the context's <c>DbSet</c> (EF Core names a table after its set), so the model and the migrations do not change.</summary>
public static class ApiKeysData
{
    extension(NetworkDbContext db)
    {
        public DbSet<ApiKey> ApiKeys => db.Set<ApiKey>();
    }
}
