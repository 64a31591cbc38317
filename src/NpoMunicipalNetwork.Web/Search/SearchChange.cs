
namespace NpoMunicipalNetwork.Search;

/// <summary>
/// One line of the search change log: "content X of type T changed at time t". Written in the same
/// transaction as the change; each instance applies the lines after its own cursor to its own index.
/// Not tenant-owned: the indexer reads every tenant's lines, and a line carries no content.
/// </summary>
public sealed class SearchChange
{
    public long Id { get; set; }

    public string ContentType { get; set; } = "";

    public int ContentId { get; set; }

    public DateTime ChangedUtc { get; set; }
}

public sealed class SearchChangeConfiguration : IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> e)
    {
        e.ToTable("SearchChanges");
        e.Property(c => c.ContentType).HasMaxLength(40);
        e.HasIndex(c => c.ChangedUtc); // pruning
    }
}
