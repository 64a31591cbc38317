
namespace NpoMunicipalNetwork.Api.Keys;

/// <summary>This feature's tables on the network database (<c>db.ApiKeys</c> with <c>using NpoMunicipalNetwork.Api.Keys;</c>); the core context names no feature.</summary>
public static class ApiKeysData
{
    extension(NetworkDbContext db)
    {
        public DbSet<ApiKey> ApiKeys => db.Set<ApiKey>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class ApiKeysTables :
    IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e) => e.ToTable("ApiKeys");
}
