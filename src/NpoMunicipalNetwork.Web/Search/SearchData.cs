
namespace NpoMunicipalNetwork.Search;

/// <summary>This feature's tables on the network database (<c>db.SearchChanges</c> with <c>using NpoMunicipalNetwork.Search;</c>); the core context names no feature.
/// Each entity's configuration pins its table to the name it had as the context's <c>DbSet</c> (EF Core names a table after its set), so the model and the migrations do not change.</summary>
public static class SearchData
{
    extension(NetworkDbContext db)
    {
        public DbSet<SearchChange> SearchChanges => db.Set<SearchChange>();
    }
}
