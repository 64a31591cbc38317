
namespace NpoMunicipalNetwork.Home;

public sealed class HomeLinkConfiguration : IEntityTypeConfiguration<HomeLink>
{
    public void Configure(EntityTypeBuilder<HomeLink> e)
    {
        e.ToTable("HomeLinks");
        e.Property(l => l.Title).HasMaxLength(HomeLink.TitleLength);
        e.Property(l => l.Url).HasMaxLength(HomeLink.UrlLength);
        e.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
