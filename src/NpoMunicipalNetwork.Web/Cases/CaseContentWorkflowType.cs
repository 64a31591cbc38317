using NpoMunicipalNetwork.Audit;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;

namespace NpoMunicipalNetwork.Cases;

public sealed class CaseContentWorkflowType : WorkflowContentType<PolicyCase>
{
    public override string Type => CaseWorkflow.ContentType;
    public override string Noun => "事例";
    public override string AdminSegment => "cases";
    public override string ListLabel => "政策事例";

    protected override IQueryable<PolicyCase> Tracked(NetworkDbContext db) => CaseWorkflow.WithChildren(db.PolicyCases);

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<CaseWorkflow>();

    public override string LivePath(IWorkflowItem item) => $"/cases/{item.Id}";

    public override AuditTarget Target(IWorkflowItem item) => AuditTarget.PolicyCase((PolicyCase)item);

    public override Func<ContentRevision, string>? Details => r => r.PayloadJson is null ? "" : CaseContent.FromJson(r.PayloadJson).DetailLines();

    public override ContentRevision CopyOf(ContentRevision old, Func<string, string>? fixText = null)
    {
        var content = CaseContent.FromJson(old.PayloadJson!);
        if (fixText is not null)
            content = content with
            {
                Title = content.Title, Summary = fixText(content.Summary), Background = fixText(content.Background), Activities = fixText(content.Activities),
                PartnersAndRoles = fixText(content.PartnersAndRoles), Outcomes = fixText(content.Outcomes), Lessons = fixText(content.Lessons),
            };
        return new ContentRevision
        {
            ContentType = Type, Title = content.Title, Slug = "", BodyMarkdown = content.SectionsMarkdown(), PayloadJson = content.ToJson(),
            OwnerDepartmentId = old.OwnerDepartmentId,
        };
    }
}
