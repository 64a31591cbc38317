
namespace NpoMunicipalNetwork.Pages;

/// <summary>The workflow of free pages: publishing copies the revision's title, slug and body (rendered once) into the live columns.</summary>
public sealed class PageWorkflow(NetworkDbContext context, RichText richText, TimeProvider clock, ApprovalEngine engine, Publishing.Checks.ContentCheckerProvider checkers)
    : ContentWorkflow<Page>(context, clock, engine, checkers)
{
    public const string ContentType = "Page";

    public override string Type => ContentType;

    protected override void ApplyToLive(Page page, ContentRevision revision)
    {
        page.Title = revision.Title;
        page.Slug = revision.Slug;
        page.BodyMarkdown = revision.BodyMarkdown;
        page.BodyHtml = richText.ToSafeHtml(revision.BodyMarkdown);
        // The menu position (Order, ParentId) is arranged at /admin/menu and is not part of the page's text: publishing leaves it alone.
        page.OwnerDepartmentId = revision.OwnerDepartmentId;
    }
}
