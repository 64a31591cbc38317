
namespace NpoMunicipalNetwork.Accessibility;

/// <summary>This feature's tables on the network database (<c>db.AccessibilityRuns</c> with <c>using NpoMunicipalNetwork.Accessibility;</c>); the core context names no feature.
/// Each entity's configuration pins its table to the name it had as the context's <c>DbSet</c> (EF Core names a table after its set), so the model and the migrations do not change.</summary>
public static class AccessibilityData
{
    extension(NetworkDbContext db)
    {
        public DbSet<AccessibilityRun> AccessibilityRuns => db.Set<AccessibilityRun>();
        public DbSet<AccessibilityPageResult> AccessibilityPageResults => db.Set<AccessibilityPageResult>();
    }
}
