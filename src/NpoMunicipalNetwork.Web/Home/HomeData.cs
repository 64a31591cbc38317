
namespace NpoMunicipalNetwork.Home;

/// <summary>This feature's tables on the network database (<c>db.HomeLinks</c> with <c>using NpoMunicipalNetwork.Home;</c>); the core context names no feature.</summary>
public static class HomeData
{
    extension(NetworkDbContext db)
    {
        public DbSet<HomeLink> HomeLinks => db.Set<HomeLink>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class HomeTables :
    IEntityTypeConfiguration<HomeLink>
{
    public void Configure(EntityTypeBuilder<HomeLink> e) => e.ToTable("HomeLinks");
}
