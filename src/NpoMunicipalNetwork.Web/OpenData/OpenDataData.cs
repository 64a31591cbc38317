
namespace NpoMunicipalNetwork.OpenData;

/// <summary>This feature's tables on the network database (<c>db.OpenDataBundles</c> with <c>using NpoMunicipalNetwork.OpenData;</c>); the core context names no feature.</summary>
public static class OpenDataData
{
    extension(NetworkDbContext db)
    {
        public DbSet<OpenDataBundle> OpenDataBundles => db.Set<OpenDataBundle>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class OpenDataBundleTables :
    IEntityTypeConfiguration<OpenDataBundle>
{
    public void Configure(EntityTypeBuilder<OpenDataBundle> e) => e.ToTable("OpenDataBundles");
}
