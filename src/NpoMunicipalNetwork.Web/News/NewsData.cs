
namespace NpoMunicipalNetwork.News;

/// <summary>The news table on the network database (the core context names no feature).</summary>
public static class NewsData
{
    extension(NetworkDbContext db)
    {
        public DbSet<NewsItem> NewsItems => db.Set<NewsItem>();
    }
}
