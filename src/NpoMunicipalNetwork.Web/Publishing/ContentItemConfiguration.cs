
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// The mapping every content type shares: the version is the concurrency token, the scheduler's two
/// queries have their indexes, a site's deletion takes its items along and a unit's deletion leaves
/// them unowned. A type's configuration derives from it and calls <c>base.Configure</c> first.
/// </summary>
public abstract class ContentItemConfiguration<T> : IEntityTypeConfiguration<T> where T : ContentItem
{
    public virtual void Configure(EntityTypeBuilder<T> e)
    {
        e.Property(i => i.Title).HasMaxLength(ContentItem.TitleLength);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasIndex(i => new { i.WorkflowState, i.PublishAtUtc }); // due to open
        e.HasIndex(i => new { i.IsPublished, i.CloseAtUtc }); // due to close
        e.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Department>().WithMany().HasForeignKey(i => i.OwnerDepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}
