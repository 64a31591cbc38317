
namespace NpoMunicipalNetwork.Publishing;

/// <summary>An item due for the scheduler, read across tenants.</summary>
public sealed record DueItem(int Id, int TenantId, int Version);

/// <summary>
/// What the shared workflow screens, the approval inbox and the scheduler need to know about one
/// content type: how it is named, where its admin pages are, how to load it and its workflow.
/// </summary>
public abstract class WorkflowContentType
{
    /// <summary>Stored on revisions and approval requests.</summary>
    public abstract string Type { get; }

    /// <summary>What one item is called in Japanese (ページ, 事例).</summary>
    public abstract string Noun { get; }

    /// <summary>The admin URL segment: <c>/admin/{segment}/{id}</c>.</summary>
    public abstract string AdminSegment { get; }

    /// <summary>The breadcrumb label of the admin list.</summary>
    public abstract string ListLabel { get; }

    /// <summary>The item of the current tenant, tracked, with what publishing rewrites.</summary>
    public abstract Task<IWorkflowItem?> FindAsync(NetworkDbContext db, int id, CancellationToken ct);

    public abstract Task<Dictionary<int, (string Title, WorkflowState State)>> StatesAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct);

    public abstract Task<List<DueItem>> DueToOpenAsync(NetworkDbContext db, DateTime now, CancellationToken ct);

    public abstract Task<List<DueItem>> DueToCloseAsync(NetworkDbContext db, DateTime now, CancellationToken ct);

    /// <summary>Bumps the version only if it is still <paramref name="version"/>: the claim that lets one instance act.</summary>
    public abstract Task<bool> ClaimAsync(NetworkDbContext db, int id, int version, CancellationToken ct);

    public abstract IContentWorkflow Workflow(IServiceProvider services);

    /// <summary>The public path inside the tenant, when the live copy is public.</summary>
    public abstract string LivePath(IWorkflowItem item);

    public abstract AuditTarget Target(IWorkflowItem item);

    /// <summary>Who may edit it: the units that own it (editor scope); null when unowned.</summary>
    public int? Owner(IWorkflowItem item) => item.OwnerDepartmentId;

    /// <summary>A new draft revision with <paramref name="old"/>'s content (restore), optionally with a corrected body (auto-fix).</summary>
    public abstract ContentRevision CopyOf(ContentRevision old, Func<string, string>? fixText = null);

    /// <summary>The fields beyond title and body as readable lines, for diffs; null for types that have none.</summary>
    public virtual Func<ContentRevision, string>? Details => null;

    public string AdminPath(int id) => $"/admin/{AdminSegment}/{id}";

    /// <summary>The event fired when an item of this type becomes public (first time, or again after closing); null for none.</summary>
    public virtual ContentEvent? PublishedEvent => null;

    /// <summary>The entity is an item of this type.</summary>
    public abstract bool IsItem(object entity);

    /// <summary>Calls the visitor with the type's entity and content classes.</summary>
    public virtual void Accept(IContentTypeVisitor visitor)
    {
    }

    // ---- The site search: what the public may find of this type (see ContentType.SiteSearch) ----

    /// <summary>The type puts its published items into the site search.</summary>
    public virtual bool InSiteSearch => false;

    public virtual Task<int> CountSearchableAsync(NetworkDbContext db, CancellationToken ct) => Task.FromResult(0);

    public virtual Task<List<int>> SearchableIdsAsync(NetworkDbContext db, CancellationToken ct) => Task.FromResult(new List<int>());

    /// <summary>Entries of those <paramref name="ids"/> the public may find; the others are missing from the answer.</summary>
    public virtual Task<List<ContentSearchRow>> SearchRowsAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        Task.FromResult(new List<ContentSearchRow>());

    /// <summary>Ids of every item of the given sites, whatever its state (a site disabled or enabled changes what may be found).</summary>
    public virtual Task<List<int>> IdsOfTenantsAsync(NetworkDbContext db, IReadOnlyCollection<int> tenantIds, CancellationToken ct) =>
        Task.FromResult(new List<int>());

    public string PublishSummary(IWorkflowItem item) => item.WorkflowState == WorkflowState.Scheduled
        ? $"{Noun}「{item.Title}」の公開を予約（{Infrastructure.JapanTime.FormatDateTime(item.PublishAtUtc!.Value)}）"
        : $"{Noun}「{item.Title}」を公開";
}

/// <summary>The queries every type shares, written once against its entity set.</summary>
public abstract class WorkflowContentType<TItem> : WorkflowContentType where TItem : class, IWorkflowItem, ITenantOwned
{
    protected abstract IQueryable<TItem> Tracked(NetworkDbContext db);

    public override async Task<IWorkflowItem?> FindAsync(NetworkDbContext db, int id, CancellationToken ct) =>
        await Tracked(db).FirstOrDefaultAsync(i => i.Id == id, ct);

    public override async Task<Dictionary<int, (string Title, WorkflowState State)>> StatesAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await db.Set<TItem>().AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Title, i.WorkflowState }).ToListAsync(ct))
        .ToDictionary(i => i.Id, i => (i.Title, i.WorkflowState));

    public override Task<List<DueItem>> DueToOpenAsync(NetworkDbContext db, DateTime now, CancellationToken ct) =>
        db.Set<TItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.WorkflowState == WorkflowState.Scheduled && i.PublishAtUtc <= now)
            .Select(i => new DueItem(i.Id, i.TenantId, i.Version)).ToListAsync(ct);

    public override Task<List<DueItem>> DueToCloseAsync(NetworkDbContext db, DateTime now, CancellationToken ct) =>
        db.Set<TItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.IsPublished && i.CloseAtUtc != null && i.CloseAtUtc <= now)
            .Select(i => new DueItem(i.Id, i.TenantId, i.Version)).ToListAsync(ct);

    public override async Task<bool> ClaimAsync(NetworkDbContext db, int id, int version, CancellationToken ct) =>
        await db.Set<TItem>().Where(i => i.Id == id && i.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version + 1), ct) == 1;
}
