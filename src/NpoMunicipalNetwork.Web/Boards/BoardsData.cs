
namespace NpoMunicipalNetwork.Boards;

/// <summary>This feature's tables on the network database (<c>db.BoardCategories</c> with <c>using NpoMunicipalNetwork.Boards;</c>); the core context names no feature.
/// Each entity's configuration pins its table to the name it had as the context's <c>DbSet</c> (EF Core names a table after its set), so the model and the migrations do not change.</summary>
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
