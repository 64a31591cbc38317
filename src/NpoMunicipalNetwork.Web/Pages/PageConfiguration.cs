
namespace NpoMunicipalNetwork.Pages;

public sealed class PageConfiguration : ContentItemConfiguration<Page>
{
    public override void Configure(EntityTypeBuilder<Page> e)
    {
        base.Configure(e);
        e.Property(p => p.Slug).HasMaxLength(Page.SlugLength);
        e.ToTable("Pages");
        e.HasIndex(p => new { p.TenantId, p.Slug }).IsUnique();
    }
}
