using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Pages;

namespace NpoMunicipalNetwork.Publishing;

/// <summary>The person acting, as the workflow records them.</summary>
public sealed record Actor(int UserId, string Name);

/// <summary>What an editor submits; becomes a revision.</summary>
public sealed record PageDraft(string Title, string Slug, string BodyMarkdown, int Order, int? OwnerDepartmentId, DateTime? PublishAtUtc, DateTime? CloseAtUtc);

/// <summary>
/// The life of a page: every save is a revision; the live copy changes only when a revision is
/// published, by approval (or directly where the tenant publishes without approval), at once or
/// at its publish date. Each method changes the page and its request in the caller's unit of work;
/// the caller saves once, so a transition is all or nothing.
/// </summary>
public sealed class PageWorkflow(NetworkDbContext db, RichText richText, TimeProvider clock, ApprovalEngine engine, Checks.ContentCheckerProvider checkers)
{
    public const string ContentType = "Page";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Saves the draft as the next revision. A live page keeps showing its live copy (差し替え).</summary>
    public async Task<ContentRevision> SaveAsync(Page page, PageDraft draft, Actor actor, string note, CancellationToken ct)
    {
        if (page.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled)
            throw new WorkflowException("承認待ち・公開待ちのページは編集できません。先に依頼を取り下げてください。");

        var number = page.Id == 0 ? 1 : await db.ContentRevisions.Where(r => r.ContentType == ContentType && r.ContentId == page.Id).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        var revision = new ContentRevision
        {
            ContentType = ContentType, ContentId = page.Id, Number = number,
            Title = draft.Title, Slug = draft.Slug, BodyMarkdown = draft.BodyMarkdown, Order = draft.Order,
            OwnerDepartmentId = draft.OwnerDepartmentId, CreatedByUserId = actor.UserId, CreatedByName = actor.Name, CreatedUtc = Now, Note = note,
        };
        if (page.Id == 0)
        {
            // A new page has no live copy yet; its columns hold the draft until it first opens.
            ApplyToLive(page, revision);
            page.CreatedUtc = Now;
            page.AuthorUserId = actor.UserId;
            db.Pages.Add(page);
            await db.SaveChangesAsync(ct);
            revision.ContentId = page.Id;
        }
        else if (!page.IsPublished && page.LiveRevisionId is null)
        {
            ApplyToLive(page, revision); // never published: nothing public to protect
        }
        // The owner moves at once: it decides who may edit and approve the working copy.
        page.OwnerDepartmentId = draft.OwnerDepartmentId;
        page.PublishAtUtc = draft.PublishAtUtc;
        page.CloseAtUtc = draft.CloseAtUtc;
        page.WorkflowState = WorkflowState.Draft;
        page.UpdatedUtc = Now;
        page.Version++;
        db.ContentRevisions.Add(revision);
        await db.SaveChangesAsync(ct);
        page.WorkingRevisionId = revision.Id;
        return revision;
    }

    /// <summary>Publishes the working copy without approval (tenants that opted out), now or at its publish date.</summary>
    public async Task PublishDirectlyAsync(Page page, CancellationToken ct)
    {
        var revision = await WorkingRevisionAsync(page, ct);
        Approve(page, revision);
    }

    public async Task<ApprovalRequest> RequestAsync(Page page, ApprovalRoute route, Actor author, string comment, CancellationToken ct)
    {
        if (page.WorkflowState is not (WorkflowState.Draft or WorkflowState.Remanded))
            throw new WorkflowException("承認を依頼できるのは下書きか差し戻しのページです。");
        var revision = await WorkingRevisionAsync(page, ct);
        var request = new ApprovalRequest
        {
            ContentType = ContentType, ContentId = page.Id, RevisionId = revision.Id, RouteId = route.Id,
            RequestedByUserId = author.UserId, Comment = comment, CreatedUtc = Now, LevelStartedUtc = Now,
        };
        db.ApprovalRequests.Add(request);
        page.WorkflowState = WorkflowState.Waiting;
        page.Version++;
        return request;
    }

    /// <summary>Records an approval at the approver's level (a higher level approves early); returns whether the route is complete.</summary>
    public async Task<bool> ApproveAsync(Page page, ApprovalRequest request, ApprovalRoute route, Actor approver, string comment, CancellationToken ct)
    {
        var level = await ActingLevelAsync(request, route, approver, ct);
        if (route.BlockOnCheckErrors)
        {
            var revision = await db.ContentRevisions.SingleAsync(r => r.Id == request.RevisionId, ct);
            if ((await checkers.GetAsync(db, ct)).Check(revision.BodyMarkdown).Any(f => f.Severity == Checks.CheckSeverity.Error))
                throw new WorkflowException("アクセシビリティ・表記のエラーが残っているため、この経路では承認できません。差し戻して修正を依頼してください。");
        }
        if (level > request.CurrentLevel)
        {
            request.CurrentLevel = level;
            request.LevelStartedUtc = Now;
            request.Round++;
        }
        request.Decisions.Add(new ApprovalDecision { Level = level, Round = request.Round, UserId = approver.UserId, UserName = approver.Name, Approved = true, Comment = comment, CreatedUtc = Now });
        if (!await engine.LevelCompleteAsync(route, request, ct))
            return false;
        if (request.CurrentLevel < route.Levels.Max(l => l.Level))
        {
            request.CurrentLevel++;
            request.LevelStartedUtc = Now;
            request.Round++;
            return false;
        }
        request.Status = ApprovalStatus.Approved;
        request.ClosedUtc = Now;
        Approve(page, await db.ContentRevisions.SingleAsync(r => r.Id == request.RevisionId, ct));
        return true;
    }

    public async Task RemandAsync(Page page, ApprovalRequest request, ApprovalRoute route, Actor approver, string comment, CancellationToken ct)
    {
        var level = await ActingLevelAsync(request, route, approver, ct);
        request.Decisions.Add(new ApprovalDecision { Level = level, Round = request.Round, UserId = approver.UserId, UserName = approver.Name, Approved = false, Comment = comment, CreatedUtc = Now });
        if (route.RemandTo == RemandTarget.PreviousLevel && request.CurrentLevel > 1)
        {
            request.CurrentLevel--;
            request.LevelStartedUtc = Now;
            request.Round++; // the previous level decides again, from scratch
            return;
        }
        request.Status = ApprovalStatus.Remanded;
        request.ClosedUtc = Now;
        page.WorkflowState = WorkflowState.Remanded;
        page.Version++;
    }

    public void Withdraw(Page page, ApprovalRequest request)
    {
        if (request.Status != ApprovalStatus.Open)
            throw new WorkflowException("この依頼はすでに終わっています。");
        request.Status = ApprovalStatus.Withdrawn;
        request.ClosedUtc = Now;
        page.WorkflowState = WorkflowState.Draft;
        page.Version++;
    }

    /// <summary>Approved: open now, or wait for the publish date (公開待ち) which the scheduler honours.</summary>
    private void Approve(Page page, ContentRevision revision)
    {
        page.WorkingRevisionId = revision.Id;
        if (page.PublishAtUtc is { } at && at > Now)
        {
            page.WorkflowState = WorkflowState.Scheduled;
            page.Version++;
            return;
        }
        Open(page, revision, Now);
    }

    /// <summary>Makes <paramref name="revision"/> the live copy. Used on approval and by the scheduler.</summary>
    public void Open(Page page, ContentRevision revision, DateTime now)
    {
        ApplyToLive(page, revision);
        page.LiveRevisionId = revision.Id;
        page.WorkflowState = WorkflowState.None;
        page.PublishedUtc ??= now;
        page.IsPublished = page.CloseAtUtc is not { } close || close > now;
        page.ClosedUtc = page.IsPublished ? null : now;
        page.UpdatedUtc = now;
        page.Version++;
    }

    private void ApplyToLive(Page page, ContentRevision revision)
    {
        page.Title = revision.Title;
        page.Slug = revision.Slug;
        page.BodyMarkdown = revision.BodyMarkdown;
        page.BodyHtml = richText.ToSafeHtml(revision.BodyMarkdown);
        page.Order = revision.Order;
        page.OwnerDepartmentId = revision.OwnerDepartmentId;
    }

    private async Task<int> ActingLevelAsync(ApprovalRequest request, ApprovalRoute route, Actor approver, CancellationToken ct)
    {
        if (request.Status != ApprovalStatus.Open)
            throw new WorkflowException("この依頼はすでに終わっています。");
        return await engine.ActingLevelAsync(route, request, approver.UserId, ct)
            ?? throw new WorkflowException("この依頼の承認者ではありません。");
    }

    private async Task<ContentRevision> WorkingRevisionAsync(Page page, CancellationToken ct) =>
        await db.ContentRevisions.SingleOrDefaultAsync(r => r.Id == page.WorkingRevisionId, ct)
        ?? throw new WorkflowException("保存された下書きがありません。先に保存してください。");
}

/// <summary>A workflow step that is not allowed in the item's current state; the message is for the person.</summary>
public sealed class WorkflowException(string message) : InvalidOperationException(message);
