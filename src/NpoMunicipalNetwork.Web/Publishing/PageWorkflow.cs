using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Pages;

namespace NpoMunicipalNetwork.Publishing;

/// <summary>What an editor submits; becomes a revision.</summary>
public sealed record PageDraft(string Title, string Slug, string BodyMarkdown, int Order, int? OwnerDepartmentId, DateTime? PublishAtUtc, DateTime? CloseAtUtc);

/// <summary>The workflow of free pages: a revision carries the page's title, slug, body, order and owner.</summary>
public sealed class PageWorkflow(NetworkDbContext context, RichText richText, TimeProvider clock, ApprovalEngine engine, Checks.ContentCheckerProvider checkers)
    : ContentWorkflow<Page>(context, clock, engine, checkers)
{
    public const string ContentType = "Page";

    public override string Type => ContentType;

    public Task<ContentRevision> SaveAsync(Page page, PageDraft draft, Actor actor, string note, CancellationToken ct) =>
        SaveRevisionAsync(page, new ContentRevision
        {
            ContentType = ContentType, Title = draft.Title, Slug = draft.Slug, BodyMarkdown = draft.BodyMarkdown, Order = draft.Order,
            OwnerDepartmentId = draft.OwnerDepartmentId, CreatedByUserId = actor.UserId, CreatedByName = actor.Name, Note = note,
        }, draft.PublishAtUtc, draft.CloseAtUtc, ct);

    protected override void AddNew(Page page) => Db.Pages.Add(page);

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
