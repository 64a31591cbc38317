
namespace NpoMunicipalNetwork.Members;

/// <summary>This feature's tables on the network database (<c>db.Governments</c> with <c>using NpoMunicipalNetwork.Members;</c>); the core context names no feature.</summary>
public static class MembersData
{
    extension(NetworkDbContext db)
    {
        public DbSet<Government> Governments => db.Set<Government>();
        public DbSet<Membership> Memberships => db.Set<Membership>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class MembersTables :
    IEntityTypeConfiguration<Government>,
    IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Government> e) => e.ToTable("Governments");

    public void Configure(EntityTypeBuilder<Membership> e) => e.ToTable("Memberships");
}
