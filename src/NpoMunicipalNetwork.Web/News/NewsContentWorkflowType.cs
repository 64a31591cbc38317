
namespace NpoMunicipalNetwork.News;

/// <summary>The news content type: a title and a Markdown body.</summary>
public sealed class NewsContentWorkflowType : ContentType<NewsItem, NewsContent>
{
    public override string Type => NewsWorkflow.ContentType;
    public override string Noun => "お知らせ";
    public override string AdminSegment => "news";
    public override string ListLabel => "お知らせ";
    public override string ListIntro => "このサイトのお知らせです。会員のサイトで公開したお知らせは、ネットワークのホームの新着にも載ります。";

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<NewsWorkflow>();

    public override ContentWriteApi<NewsContent> WriteApi { get; } = new NewsWriteApi();

    /// <summary>A member's own systems (a mailing list, a social account) can pass its news on as soon as it is public.</summary>
    public override ContentEvent PublishedEvent { get; } = new("news.published", "お知らせが公開されたとき", item => new { body = ((NewsItem)item).BodyMarkdown });

    public override string LivePath(IWorkflowItem item) => $"/news/{item.Id}";

    public override Func<NewsItem, ContentSearchEntry> SiteSearch =>
        n => new(n.Title, Search.PlainText.FromMarkdown(n.BodyMarkdown), $"/news/{n.Id}", n.PublishedUtc);

    public override AuditTarget Target(IWorkflowItem item) => new(AuditTargetTypes.News, item.Id.ToString(), item.Title);

    public override NewsContent FromLive(NewsItem item) => new(item.Title, item.BodyMarkdown, item.OwnerDepartmentId);

    public override NewsContent FromRevision(ContentRevision revision) => new(revision.Title, revision.BodyMarkdown, revision.OwnerDepartmentId);

    protected override ContentRevision ToRevision(NewsContent content) =>
        new() { ContentType = Type, Title = content.Title, Slug = "", BodyMarkdown = content.Body };

    protected override NewsContent FixText(NewsContent content, Func<string, string> fix) => content with { Body = fix(content.Body) };

    public override NewsContent NewContent(ContentEdit<NewsItem, NewsContent> edit) => new("", "", null);

    public override void Fill(FormState form, NewsContent content)
    {
        form.Values["title"] = content.Title;
        form.Values["body"] = content.Body;
    }

    public override Task<NewsContent> ReadAsync(ContentEdit<NewsItem, NewsContent> edit, IReadOnlyList<ContentAttachment> attachments, CancellationToken ct)
    {
        var title = edit.Form.Required("title", "タイトル", ContentItem.TitleLength);
        var body = edit.Form.Required("body", "本文", NewsItem.BodyLength);
        return Task.FromResult(new NewsContent(title ?? "", body ?? "", edit.Owner));
    }
}
