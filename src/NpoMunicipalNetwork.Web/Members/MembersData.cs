
namespace NpoMunicipalNetwork.Members;

/// <summary>This feature's tables on the network database (<c>db.Governments</c> with <c>using NpoMunicipalNetwork.Members;</c>); the core context names no feature.
/// Each entity's configuration pins its table to the name it had as the context's <c>DbSet</c> (EF Core names a table after its set), so the model and the migrations do not change.</summary>
public static class MembersData
{
    extension(NetworkDbContext db)
    {
        public DbSet<Government> Governments => db.Set<Government>();
        public DbSet<Membership> Memberships => db.Set<Membership>();
    }
}
