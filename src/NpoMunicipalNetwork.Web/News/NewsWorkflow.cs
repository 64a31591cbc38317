
namespace NpoMunicipalNetwork.News;

/// <summary>The workflow of news: publishing copies the revision's title and body (rendered once) into the live columns.</summary>
public sealed class NewsWorkflow(NetworkDbContext context, RichText richText, TimeProvider clock, ApprovalEngine engine, Publishing.Checks.ContentCheckerProvider checkers)
    : ContentWorkflow<NewsItem>(context, clock, engine, checkers)
{
    public const string ContentType = "News";

    public override string Type => ContentType;

    protected override void ApplyToLive(NewsItem item, ContentRevision revision)
    {
        item.Title = revision.Title;
        item.BodyMarkdown = revision.BodyMarkdown;
        item.BodyHtml = richText.ToSafeHtml(revision.BodyMarkdown);
        item.OwnerDepartmentId = revision.OwnerDepartmentId;
    }
}
