
namespace NpoMunicipalNetwork.Reports;

/// <summary>The reports table on the network database (the core context names no feature), and the audit log's name for a report.</summary>
public static class ReportsData
{
    extension(NetworkDbContext db)
    {
        public DbSet<Report> Reports => db.Set<Report>();
    }

    extension(AuditTarget)
    {
        public static AuditTarget Report(Report r) => new(AuditTargetTypes.Report, r.Id.ToString(), r.Title);
    }
}
