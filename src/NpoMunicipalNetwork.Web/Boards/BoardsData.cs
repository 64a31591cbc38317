
namespace NpoMunicipalNetwork.Boards;

/// <summary>This feature's tables on the network database (<c>db.BoardCategories</c> with <c>using NpoMunicipalNetwork.Boards;</c>); the core context names no feature.</summary>
public static class BoardsData
{
    extension(NetworkDbContext db)
    {
        public DbSet<BoardCategory> BoardCategories => db.Set<BoardCategory>();
        public DbSet<BoardGroupMember> BoardGroupMembers => db.Set<BoardGroupMember>();
        public DbSet<Topic> Topics => db.Set<Topic>();
        public DbSet<Post> Posts => db.Set<Post>();
        public DbSet<PostRevision> PostRevisions => db.Set<PostRevision>();
        public DbSet<PostAttachment> PostAttachments => db.Set<PostAttachment>();
        public DbSet<PostFlag> PostFlags => db.Set<PostFlag>();
        public DbSet<Watch> Watches => db.Set<Watch>();
        public DbSet<TopicRead> TopicReads => db.Set<TopicRead>();
        public DbSet<PostingSuspension> PostingSuspensions => db.Set<PostingSuspension>();
    }
}

/// <summary>
/// The tables keep the names they had as the context's <c>DbSet</c> properties (EF Core names a table after
/// its set): pinned here, beside the sets, so the model and the migrations do not change.
/// </summary>
public sealed class BoardsTables :
    IEntityTypeConfiguration<BoardCategory>,
    IEntityTypeConfiguration<BoardGroupMember>,
    IEntityTypeConfiguration<Topic>,
    IEntityTypeConfiguration<Post>,
    IEntityTypeConfiguration<PostRevision>,
    IEntityTypeConfiguration<PostAttachment>,
    IEntityTypeConfiguration<PostFlag>,
    IEntityTypeConfiguration<Watch>,
    IEntityTypeConfiguration<TopicRead>,
    IEntityTypeConfiguration<PostingSuspension>
{
    public void Configure(EntityTypeBuilder<BoardCategory> e) => e.ToTable("BoardCategories");

    public void Configure(EntityTypeBuilder<BoardGroupMember> e) => e.ToTable("BoardGroupMembers");

    public void Configure(EntityTypeBuilder<Topic> e) => e.ToTable("Topics");

    public void Configure(EntityTypeBuilder<Post> e) => e.ToTable("Posts");

    public void Configure(EntityTypeBuilder<PostRevision> e) => e.ToTable("PostRevisions");

    public void Configure(EntityTypeBuilder<PostAttachment> e) => e.ToTable("PostAttachments");

    public void Configure(EntityTypeBuilder<PostFlag> e) => e.ToTable("PostFlags");

    public void Configure(EntityTypeBuilder<Watch> e) => e.ToTable("Watches");

    public void Configure(EntityTypeBuilder<TopicRead> e) => e.ToTable("TopicReads");

    public void Configure(EntityTypeBuilder<PostingSuspension> e) => e.ToTable("PostingSuspensions");
}
