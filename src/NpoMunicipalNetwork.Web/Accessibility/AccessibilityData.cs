
namespace NpoMunicipalNetwork.Accessibility;

/// <summary>This feature's tables on the network database (<c>db.AccessibilityRuns</c> with <c>using NpoMunicipalNetwork.Accessibility;</c>); the core context names no feature.</summary>
public static class AccessibilityData
{
    extension(NetworkDbContext db)
    {
        public DbSet<AccessibilityRun> AccessibilityRuns => db.Set<AccessibilityRun>();
        public DbSet<AccessibilityPageResult> AccessibilityPageResults => db.Set<AccessibilityPageResult>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class AccessibilityTables :
    IEntityTypeConfiguration<AccessibilityRun>,
    IEntityTypeConfiguration<AccessibilityPageResult>
{
    public void Configure(EntityTypeBuilder<AccessibilityRun> e) => e.ToTable("AccessibilityRuns");

    public void Configure(EntityTypeBuilder<AccessibilityPageResult> e) => e.ToTable("AccessibilityPageResults");
}
