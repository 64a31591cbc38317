
namespace NpoMunicipalNetwork.Publishing;

/// <summary>The person acting, as the workflow records them.</summary>
public sealed record Actor(int UserId, string Name);

/// <summary>
/// The life of a content item (page, policy case, …): every save is a revision; the live copy changes only when a revision is
/// published, by approval (or directly where the tenant publishes without approval), at once or
/// at its publish date. Each method changes the item and its request in the caller's unit of work;
/// the caller saves once, so a transition is all or nothing.
/// </summary>
public abstract class ContentWorkflow<TItem>(NetworkDbContext db, TimeProvider clock, ApprovalEngine engine, Checks.ContentCheckerProvider checkers)
    : IContentWorkflow where TItem : class, IWorkflowItem
{
    protected NetworkDbContext Db => db;

    /// <summary>The content type name stored on revisions and approval requests.</summary>
    public abstract string Type { get; }

    /// <summary>Copies a revision into the item's live columns.</summary>
    protected abstract void ApplyToLive(TItem item, ContentRevision revision);

    protected virtual void AddNew(TItem item) => db.Set<TItem>().Add(item);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Saves <paramref name="revision"/> as the item's next revision. A live item keeps showing its live copy (差し替え).</summary>
    public async Task<ContentRevision> SaveRevisionAsync(TItem item, ContentRevision revision, DateTime? publishAtUtc, DateTime? closeAtUtc, CancellationToken ct)
    {
        if (item.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled)
            throw new WorkflowException("承認待ち・公開待ちのものは編集できません。先に依頼を取り下げてください。");

        revision.ContentType = Type;
        revision.Number = item.Id == 0 ? 1 : await db.ContentRevisions.Where(r => r.ContentType == Type && r.ContentId == item.Id).MaxAsync(r => (int?)r.Number, ct) + 1 ?? 1;
        revision.CreatedUtc = Now;
        if (item.Id == 0)
        {
            // A new item has no live copy yet; its columns hold the draft until it first opens.
            ApplyToLive(item, revision);
            item.CreatedUtc = Now;
            item.AuthorUserId = revision.CreatedByUserId;
            AddNew(item);
            await db.SaveChangesAsync(ct);
        }
        else if (!item.IsPublished && item.LiveRevisionId is null)
        {
            ApplyToLive(item, revision); // never published: nothing public to protect
        }
        revision.ContentId = item.Id;
        // The owner moves at once: it decides who may edit and approve the working copy.
        item.OwnerDepartmentId = revision.OwnerDepartmentId;
        item.PublishAtUtc = publishAtUtc;
        item.CloseAtUtc = closeAtUtc;
        item.WorkflowState = WorkflowState.Draft;
        item.UpdatedUtc = Now;
        item.Version++;
        db.ContentRevisions.Add(revision);
        await db.SaveChangesAsync(ct);
        item.WorkingRevisionId = revision.Id;
        return revision;
    }

    /// <summary>Publishes the working copy without approval (tenants that opted out), now or at its publish date.</summary>
    public async Task PublishDirectlyAsync(TItem item, CancellationToken ct)
    {
        var revision = await WorkingRevisionAsync(item, ct);
        Approve(item, revision);
    }

    public async Task<ApprovalRequest> RequestAsync(TItem item, ApprovalRoute route, Actor author, string comment, CancellationToken ct)
    {
        if (item.WorkflowState is not (WorkflowState.Draft or WorkflowState.Remanded))
            throw new WorkflowException("承認を依頼できるのは下書きか差し戻しのページです。");
        var revision = await WorkingRevisionAsync(item, ct);
        var request = new ApprovalRequest
        {
            ContentType = Type, ContentId = item.Id, RevisionId = revision.Id, RouteId = route.Id,
            RequestedByUserId = author.UserId, Comment = comment, CreatedUtc = Now, LevelStartedUtc = Now,
        };
        db.ApprovalRequests.Add(request);
        item.WorkflowState = WorkflowState.Waiting;
        item.Version++;
        return request;
    }

    /// <summary>Records an approval at the approver's level (a higher level approves early); returns whether the route is complete.</summary>
    public async Task<bool> ApproveAsync(TItem item, ApprovalRequest request, ApprovalRoute route, Actor approver, string comment, CancellationToken ct)
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
        Approve(item, await db.ContentRevisions.SingleAsync(r => r.Id == request.RevisionId, ct));
        return true;
    }

    public async Task RemandAsync(TItem item, ApprovalRequest request, ApprovalRoute route, Actor approver, string comment, CancellationToken ct)
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
        item.WorkflowState = WorkflowState.Remanded;
        item.Version++;
    }

    public void Withdraw(TItem item, ApprovalRequest request)
    {
        if (request.Status != ApprovalStatus.Open)
            throw new WorkflowException("この依頼はすでに終わっています。");
        request.Status = ApprovalStatus.Withdrawn;
        request.ClosedUtc = Now;
        item.WorkflowState = WorkflowState.Draft;
        item.Version++;
    }

    /// <summary>Approved: open now, or wait for the publish date (公開待ち) which the scheduler honours.</summary>
    private void Approve(TItem item, ContentRevision revision)
    {
        item.WorkingRevisionId = revision.Id;
        if (item.PublishAtUtc is { } at && at > Now)
        {
            item.WorkflowState = WorkflowState.Scheduled;
            item.Version++;
            return;
        }
        Open(item, revision, Now);
    }

    /// <summary>Makes <paramref name="revision"/> the live copy. Used on approval and by the scheduler.</summary>
    public void Open(TItem item, ContentRevision revision, DateTime now)
    {
        ApplyToLive(item, revision);
        item.LiveRevisionId = revision.Id;
        item.WorkflowState = WorkflowState.None;
        item.PublishedUtc ??= now;
        item.IsPublished = item.CloseAtUtc is not { } close || close > now;
        item.ClosedUtc = item.IsPublished ? null : now;
        item.UpdatedUtc = now;
        item.Version++;
    }

    private async Task<int> ActingLevelAsync(ApprovalRequest request, ApprovalRoute route, Actor approver, CancellationToken ct)
    {
        if (request.Status != ApprovalStatus.Open)
            throw new WorkflowException("この依頼はすでに終わっています。");
        return await engine.ActingLevelAsync(route, request, approver.UserId, ct)
            ?? throw new WorkflowException("この依頼の承認者ではありません。");
    }

    private async Task<ContentRevision> WorkingRevisionAsync(TItem item, CancellationToken ct) =>
        await db.ContentRevisions.SingleOrDefaultAsync(r => r.Id == item.WorkingRevisionId, ct)
        ?? throw new WorkflowException("保存された下書きがありません。先に保存してください。");

    Task<ContentRevision> IContentWorkflow.SaveRevisionAsync(IWorkflowItem item, ContentRevision revision, DateTime? publishAtUtc, DateTime? closeAtUtc, CancellationToken ct) =>
        SaveRevisionAsync((TItem)item, revision, publishAtUtc, closeAtUtc, ct);

    Task IContentWorkflow.PublishDirectlyAsync(IWorkflowItem item, CancellationToken ct) => PublishDirectlyAsync((TItem)item, ct);

    Task<ApprovalRequest> IContentWorkflow.RequestAsync(IWorkflowItem item, ApprovalRoute route, Actor author, string comment, CancellationToken ct) =>
        RequestAsync((TItem)item, route, author, comment, ct);

    Task<bool> IContentWorkflow.ApproveAsync(IWorkflowItem item, ApprovalRequest request, ApprovalRoute route, Actor approver, string comment, CancellationToken ct) =>
        ApproveAsync((TItem)item, request, route, approver, comment, ct);

    Task IContentWorkflow.RemandAsync(IWorkflowItem item, ApprovalRequest request, ApprovalRoute route, Actor approver, string comment, CancellationToken ct) =>
        RemandAsync((TItem)item, request, route, approver, comment, ct);

    void IContentWorkflow.Withdraw(IWorkflowItem item, ApprovalRequest request) => Withdraw((TItem)item, request);

    void IContentWorkflow.Open(IWorkflowItem item, ContentRevision revision, DateTime now) => Open((TItem)item, revision, now);
}

/// <summary>A workflow step that is not allowed in the item's current state; the message is for the person.</summary>
public sealed class WorkflowException(string message) : InvalidOperationException(message);
