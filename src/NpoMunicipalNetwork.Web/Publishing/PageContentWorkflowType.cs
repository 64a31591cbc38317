using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Pages;

namespace NpoMunicipalNetwork.Publishing;

public sealed class PageContentWorkflowType : WorkflowContentType<Page>
{
    public override string Type => PageWorkflow.ContentType;
    public override string Noun => "ページ";
    public override string AdminSegment => "pages";
    public override string ListLabel => "ページ";

    protected override IQueryable<Page> Tracked(NetworkDbContext db) => db.Pages;

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<PageWorkflow>();

    public override string LivePath(IWorkflowItem item) => $"/pages/{((Page)item).Slug}";

    public override AuditTarget Target(IWorkflowItem item) => AuditTarget.Page((Page)item);

    public override ContentRevision CopyOf(ContentRevision old, Func<string, string>? fixText = null) => new()
    {
        ContentType = Type, Title = old.Title, Slug = old.Slug, BodyMarkdown = fixText is null ? old.BodyMarkdown : fixText(old.BodyMarkdown),
        Order = old.Order, OwnerDepartmentId = old.OwnerDepartmentId,
    };
}
