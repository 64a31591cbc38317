
namespace NpoMunicipalNetwork.News;

public sealed class NewsItemConfiguration : ContentItemConfiguration<NewsItem>
{
    public override void Configure(EntityTypeBuilder<NewsItem> e)
    {
        base.Configure(e);
        e.ToTable("NewsItems");
        e.HasIndex(n => new { n.IsPublished, n.PublishedUtc }); // the hub's latest news from every member
    }
}
