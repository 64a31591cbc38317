
namespace NpoMunicipalNetwork.Home;

/// <summary>This feature's tables on the network database (<c>db.HomeLinks</c> with <c>using NpoMunicipalNetwork.Home;</c>); the core context names no feature.
/// Each entity's configuration pins its table to the name it had as the context's <c>DbSet</c> (EF Core names a table after its set), so the model and the migrations do not change.</summary>
public static class HomeData
{
    extension(NetworkDbContext db)
    {
        public DbSet<HomeLink> HomeLinks => db.Set<HomeLink>();
    }
}
