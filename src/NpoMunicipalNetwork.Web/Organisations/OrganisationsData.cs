
namespace NpoMunicipalNetwork.Organisations;

/// <summary>This feature's tables on the network database (<c>db.Organisations</c> with <c>using NpoMunicipalNetwork.Organisations;</c>), and its audit targets.</summary>
public static class OrganisationsData
{
    extension(NetworkDbContext db)
    {
        public DbSet<Organisation> Organisations => db.Set<Organisation>();
        public DbSet<OrganisationActivityArea> OrganisationActivityAreas => db.Set<OrganisationActivityArea>();
        public DbSet<OrganisationMember> OrganisationMembers => db.Set<OrganisationMember>();
        public DbSet<OrganisationInvitation> OrganisationInvitations => db.Set<OrganisationInvitation>();
    }

    extension(AuditTarget)
    {
        public static AuditTarget Organisation(Organisation o) => new(AuditTargetTypes.Organisation, o.Id.ToString(), o.Name);
    }
}
