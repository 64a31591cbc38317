using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Publishing;

namespace NpoMunicipalNetwork.News;

/// <summary>The workflow of news: a revision carries the title and the Markdown body.</summary>
public sealed class NewsWorkflow(NetworkDbContext context, RichText richText, TimeProvider clock, ApprovalEngine engine, Publishing.Checks.ContentCheckerProvider checkers)
    : ContentWorkflow<NewsItem>(context, clock, engine, checkers)
{
    public const string ContentType = "News";

    public override string Type => ContentType;

    public Task<ContentRevision> SaveAsync(NewsItem item, string title, string body, int? owner, DateTime? publishAt, DateTime? closeAt, Actor actor, string note, CancellationToken ct) =>
        SaveRevisionAsync(item, new ContentRevision
        {
            ContentType = ContentType, Title = title, Slug = "", BodyMarkdown = body, OwnerDepartmentId = owner,
            CreatedByUserId = actor.UserId, CreatedByName = actor.Name, Note = note,
        }, publishAt, closeAt, ct);

    protected override void AddNew(NewsItem item) => Db.NewsItems.Add(item);

    protected override void ApplyToLive(NewsItem item, ContentRevision revision)
    {
        item.Title = revision.Title;
        item.BodyMarkdown = revision.BodyMarkdown;
        item.BodyHtml = richText.ToSafeHtml(revision.BodyMarkdown);
        item.OwnerDepartmentId = revision.OwnerDepartmentId;
    }
}

public sealed class NewsContentWorkflowType : WorkflowContentType<NewsItem>
{
    public override string Type => NewsWorkflow.ContentType;
    public override string Noun => "お知らせ";
    public override string AdminSegment => "news";
    public override string ListLabel => "お知らせ";

    protected override IQueryable<NewsItem> Tracked(NetworkDbContext db) => db.NewsItems;

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<NewsWorkflow>();

    public override string LivePath(IWorkflowItem item) => $"/news/{item.Id}";

    public override AuditTarget Target(IWorkflowItem item) => new(AuditTargetTypes.News, item.Id.ToString(), item.Title);

    public override ContentRevision CopyOf(ContentRevision old, Func<string, string>? fixText = null) => new()
    {
        ContentType = Type, Title = old.Title, Slug = "", BodyMarkdown = fixText is null ? old.BodyMarkdown : fixText(old.BodyMarkdown),
        OwnerDepartmentId = old.OwnerDepartmentId,
    };
}

public sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> e)
    {
        e.Property(n => n.Title).HasMaxLength(NewsItem.TitleLength);
        e.Property(n => n.Version).IsConcurrencyToken();
        e.HasIndex(n => new { n.IsPublished, n.PublishedUtc });
        e.HasIndex(n => new { n.WorkflowState, n.PublishAtUtc });
        e.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Departments.Department>().WithMany().HasForeignKey(n => n.OwnerDepartmentId).OnDelete(DeleteBehavior.SetNull);
    }
}
