using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;

namespace NpoMunicipalNetwork.Reports;

public sealed class ReportContentWorkflowType : WorkflowContentType<Report>
{
    public override string Type => ReportWorkflow.ContentType;
    public override string Noun => "報告書";
    public override string AdminSegment => "reports";
    public override string ListLabel => "調査研究報告書";

    protected override IQueryable<Report> Tracked(NetworkDbContext db) => ReportWorkflow.WithChildren(db.Reports);

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<ReportWorkflow>();

    public override string LivePath(IWorkflowItem item) => $"/reports/{item.Id}";

    public override AuditTarget Target(IWorkflowItem item) => AuditTarget.Report((Report)item);

    public override Func<ContentRevision, string>? Details => r => r.PayloadJson is null ? "" : ReportContent.FromJson(r.PayloadJson).DetailLines();

    public override ContentRevision CopyOf(ContentRevision old, Func<string, string>? fixText = null)
    {
        var content = ReportContent.FromJson(old.PayloadJson!);
        if (fixText is not null)
            content = content with { Summary = fixText(content.Summary), Body = fixText(content.Body) };
        return new ContentRevision
        {
            ContentType = Type, Title = content.Title, Slug = "", BodyMarkdown = content.Markdown(), PayloadJson = content.ToJson(),
            OwnerDepartmentId = old.OwnerDepartmentId,
        };
    }
}
