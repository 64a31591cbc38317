
namespace NpoMunicipalNetwork.Search;

/// <summary>This feature's tables on the network database (<c>db.SearchChanges</c> with <c>using NpoMunicipalNetwork.Search;</c>); the core context names no feature.</summary>
public static class SearchData
{
    extension(NetworkDbContext db)
    {
        public DbSet<SearchChange> SearchChanges => db.Set<SearchChange>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class SearchTables :
    IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> e) => e.ToTable("SearchChanges");
}
