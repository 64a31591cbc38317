
namespace NpoMunicipalNetwork.Boards;

/// <summary>EF configuration of the boards (NetworkDbContext applies every configuration class of the assembly).</summary>
public static class BoardModel
{
    private sealed class CategoryConfiguration : IEntityTypeConfiguration<BoardCategory>
    {
        public void Configure(EntityTypeBuilder<BoardCategory> e)
        {
            e.ToTable("BoardCategories");
            e.Property(c => c.Slug).HasMaxLength(60);
            e.HasIndex(c => c.Slug).IsUnique();
            e.Property(c => c.Name).HasMaxLength(100);
            e.Property(c => c.Description).HasMaxLength(1000);
            e.Property(c => c.Visibility).HasConversion<string>().HasMaxLength(20);
        }
    }

    private sealed class GroupMemberConfiguration : IEntityTypeConfiguration<BoardGroupMember>
    {
        public void Configure(EntityTypeBuilder<BoardGroupMember> e)
        {
            e.ToTable("BoardGroupMembers");
            e.HasKey(m => new { m.CategoryId, m.UserId });
            e.HasIndex(m => m.UserId);
            e.HasOne<BoardCategory>().WithMany().HasForeignKey(m => m.CategoryId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    private sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
    {
        public void Configure(EntityTypeBuilder<Topic> e)
        {
            e.ToTable("Topics");
            e.Property(t => t.Title).HasMaxLength(200);
            e.HasIndex(t => new { t.CategoryId, t.IsPinned, t.LastActivityUtc });
            e.HasOne<BoardCategory>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.AuthorId).OnDelete(DeleteBehavior.Restrict);
        }
    }

    private sealed class PostConfiguration : IEntityTypeConfiguration<Post>
    {
        public void Configure(EntityTypeBuilder<Post> e)
        {
            e.ToTable("Posts");
            e.Property(p => p.AuthorName).HasMaxLength(100);
            e.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.StateReason).HasMaxLength(500);
            e.Property(p => p.IpAddress).HasMaxLength(45);
            e.HasIndex(p => new { p.TopicId, p.Id });
            e.HasIndex(p => new { p.AuthorId, p.CreatedUtc });
            e.HasIndex(p => new { p.State, p.FlagCount });
            e.HasOne<Topic>().WithMany().HasForeignKey(p => p.TopicId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
        }
    }

    private sealed class AttachmentConfiguration : IEntityTypeConfiguration<PostAttachment>
    {
        public void Configure(EntityTypeBuilder<PostAttachment> e)
        {
            e.ToTable("PostAttachments");
            e.HasIndex(a => a.PostId);
            e.HasOne<Post>().WithMany().HasForeignKey(a => a.PostId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(a => a.File).WithMany().HasForeignKey(a => a.StoredFileId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    private sealed class RevisionConfiguration : IEntityTypeConfiguration<PostRevision>
    {
        public void Configure(EntityTypeBuilder<PostRevision> e)
        {
            e.ToTable("PostRevisions");
            e.Property(r => r.EditorName).HasMaxLength(100);
            e.HasIndex(r => r.PostId);
            e.HasOne<Post>().WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    private sealed class FlagConfiguration : IEntityTypeConfiguration<PostFlag>
    {
        public void Configure(EntityTypeBuilder<PostFlag> e)
        {
            e.ToTable("PostFlags");
            e.Property(f => f.Reason).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(f => new { f.PostId, f.UserId }).IsUnique();
            e.HasOne<Post>().WithMany().HasForeignKey(f => f.PostId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    private sealed class WatchConfiguration : IEntityTypeConfiguration<Watch>
    {
        public void Configure(EntityTypeBuilder<Watch> e)
        {
            e.ToTable("Watches");
            e.Property(w => w.Mode).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(w => new { w.UserId, w.CategoryId, w.TopicId }).IsUnique();
            e.HasIndex(w => w.TopicId);
            e.HasIndex(w => w.CategoryId);
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<BoardCategory>().WithMany().HasForeignKey(w => w.CategoryId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Topic>().WithMany().HasForeignKey(w => w.TopicId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    private sealed class TopicReadConfiguration : IEntityTypeConfiguration<TopicRead>
    {
        public void Configure(EntityTypeBuilder<TopicRead> e)
        {
            e.ToTable("TopicReads");
            e.HasKey(r => new { r.UserId, r.TopicId });
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Topic>().WithMany().HasForeignKey(r => r.TopicId).OnDelete(DeleteBehavior.Cascade);
        }
    }

    private sealed class SuspensionConfiguration : IEntityTypeConfiguration<PostingSuspension>
    {
        public void Configure(EntityTypeBuilder<PostingSuspension> e)
        {
            e.ToTable("PostingSuspensions");
            e.Property(s => s.Reason).HasMaxLength(500);
            e.HasIndex(s => new { s.UserId, s.UntilUtc });
            e.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
