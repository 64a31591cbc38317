
namespace NpoMunicipalNetwork.Cases;

/// <summary>The case tables on the network database (the core context names no feature), and the audit log's name for a case.</summary>
public static class CasesData
{
    extension(NetworkDbContext db)
    {
        public DbSet<PolicyCase> PolicyCases => db.Set<PolicyCase>();
        public DbSet<PolicyField> PolicyFields => db.Set<PolicyField>();
        public DbSet<PolicyMethod> PolicyMethods => db.Set<PolicyMethod>();
    }

    extension(AuditTarget)
    {
        public static AuditTarget PolicyCase(PolicyCase c) => new(AuditTargetTypes.PolicyCase, c.Id.ToString(), c.Title);
    }
}
