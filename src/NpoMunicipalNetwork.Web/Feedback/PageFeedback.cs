
namespace NpoMunicipalNetwork.Feedback;

/// <summary>One answer to 「このページの内容は役に立ちましたか？」 on a page, case or news item of a site.</summary>
public sealed class PageFeedback : ITenantOwned
{
    public int Id { get; set; }
    public int TenantId { get; set; }
    public string ContentType { get; set; } = "";
    public int ContentId { get; set; }
    public bool Helpful { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedUtc { get; set; }

    public const int CommentLength = 500;
}

public sealed class PageFeedbackConfiguration : IEntityTypeConfiguration<PageFeedback>
{
    public void Configure(EntityTypeBuilder<PageFeedback> e)
    {
        e.ToTable("PageFeedback");
        e.Property(f => f.ContentType).HasMaxLength(40);
        e.Property(f => f.Comment).HasMaxLength(PageFeedback.CommentLength);
        e.HasIndex(f => new { f.TenantId, f.ContentType, f.ContentId });
        e.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
