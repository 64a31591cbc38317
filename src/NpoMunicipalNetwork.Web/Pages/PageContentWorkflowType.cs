
namespace NpoMunicipalNetwork.Pages;

/// <summary>The page content type: a free page of a site, addressed by its slug.</summary>
public sealed class PageContentWorkflowType : ContentType<Page, PageContent>
{
    public override string Type => PageWorkflow.ContentType;
    public override string Noun => "ページ";
    public override string AdminSegment => "pages";
    public override string ListLabel => "ページ";
    public override string ListIntro => "このサイトのページです。メニューでの並び順は「メニュー」で決めます。";

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<PageWorkflow>();

    public override string LivePath(IWorkflowItem item) => $"/pages/{((Page)item).Slug}";

    public override Func<Page, ContentSearchEntry> SiteSearch =>
        p => new(p.Title, Search.PlainText.FromMarkdown(p.BodyMarkdown), $"/pages/{Uri.EscapeDataString(p.Slug)}", p.PublishedUtc);

    public override AuditTarget Target(IWorkflowItem item) => AuditTarget.Page((Page)item);

    public override IReadOnlyList<ContentColumn<Page>> Columns => [new("URL（スラッグ）", p => p.Slug, "slug")];

    public override IReadOnlyList<ContentSort<Page>> Sorts => [new("slug", "URL（スラッグ）", p => p.Slug)];

    public override IQueryable<Page> MatchText(IQueryable<Page> items, string text) => items.Where(p => p.Title.Contains(text) || p.Slug.Contains(text));

    public override PageContent FromLive(Page item) => new(item.Title, item.Slug, item.BodyMarkdown, item.Order, item.OwnerDepartmentId);

    public override PageContent FromRevision(ContentRevision revision) =>
        new(revision.Title, revision.Slug, revision.BodyMarkdown, revision.Order, revision.OwnerDepartmentId);

    protected override ContentRevision ToRevision(PageContent content) =>
        new() { ContentType = Type, Title = content.Title, Slug = content.Slug, BodyMarkdown = content.Body, Order = content.Order };

    protected override PageContent FixText(PageContent content, Func<string, string> fix) => content with { Body = fix(content.Body) };

    public override PageContent NewContent(ContentEdit<Page, PageContent> edit) => new("", "", "", 0, null);

    public override void Fill(FormState form, PageContent content)
    {
        form.Values["title"] = content.Title;
        form.Values["slug"] = content.Slug;
        form.Values["body"] = content.Body;
    }

    /// <summary>「ホームの設定」 links here to start the reserved overview page with its slug and title filled in.</summary>
    public override void PrepareNew(FormState form, HttpRequest request)
    {
        if (request.Query["slug"].ToString() != Home.HomeOverview.Slug)
            return;
        form.Values["slug"] = Home.HomeOverview.Slug;
        form.Values["title"] = Home.HomeOverview.DefaultTitle;
    }

    /// <summary>The slug must be well formed and free within this site.</summary>
    public override async Task<PageContent> ReadAsync(ContentEdit<Page, PageContent> edit, IReadOnlyList<ContentAttachment> attachments, CancellationToken ct)
    {
        var form = edit.Form;
        var title = form.Required("title", "タイトル", ContentItem.TitleLength);
        var slug = form.Required("slug", "URL（スラッグ）", Page.SlugLength);
        var id = edit.Item?.Id;
        if (slug is not null && PageContentType.ValidateSlug(slug) is { } bad)
            form.Error("slug", bad);
        else if (slug is not null && await edit.Db.Set<Page>().AnyAsync(p => p.Slug == slug && p.Id != id, ct))
            form.Error("slug", $"URL（スラッグ）「{slug}」はこのサイトの別のページが使っています。");
        var body = form.Optional("body", "本文", Page.BodyLength) ?? "";
        return new PageContent(title ?? "", slug ?? "", body, edit.Item?.Order ?? 0, edit.Owner);
    }

    public override string DeleteConsequence => "公開中の場合は、すぐに公開サイトから見られなくなります。下の階層のページは一つ上の階層に移ります。";

    public override async Task<IReadOnlyList<string>> DeleteWarningsAsync(NetworkDbContext db, int id, CancellationToken ct) =>
        [$"URL: /pages/{await db.Set<Page>().Where(p => p.Id == id).Select(p => p.Slug).FirstAsync(ct)}"];

    /// <summary>Its sub-pages move up to its own parent rather than dropping out of the menu.</summary>
    public override async Task OnDeletingAsync(NetworkDbContext db, Page item, CancellationToken ct)
    {
        foreach (var child in await db.Set<Page>().Where(p => p.ParentId == item.Id).ToListAsync(ct))
            child.ParentId = item.ParentId;
    }
}
