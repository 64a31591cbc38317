
namespace NpoMunicipalNetwork.Feedback;

/// <summary>This feature's tables on the network database (<c>db.PageFeedback</c> with <c>using NpoMunicipalNetwork.Feedback;</c>); the core context names no feature.</summary>
public static class FeedbackData
{
    extension(NetworkDbContext db)
    {
        public DbSet<PageFeedback> PageFeedback => db.Set<PageFeedback>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class FeedbackTables :
    IEntityTypeConfiguration<PageFeedback>
{
    public void Configure(EntityTypeBuilder<PageFeedback> e) => e.ToTable("PageFeedback");
}
