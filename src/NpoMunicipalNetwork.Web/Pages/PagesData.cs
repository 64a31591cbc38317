
namespace NpoMunicipalNetwork.Pages;

/// <summary>The pages table on the network database (the core context names no feature).</summary>
public static class PagesData
{
    extension(NetworkDbContext db)
    {
        public DbSet<Page> Pages => db.Set<Page>();
    }
}
