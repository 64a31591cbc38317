using System.Linq.Expressions;

namespace NpoMunicipalNetwork.Publishing;

/// <summary>A sortable column of the admin list beyond title and update time.</summary>
public sealed record ContentSort<TItem>(string Key, string Label, Expression<Func<TItem, object?>> By);

/// <summary>A column of the admin list: its header and the cell of one item.</summary>
public sealed record ContentColumn<TItem>(string Label, Func<TItem, string> Cell, string? SortKey = null);

/// <summary>
/// The descriptor of one content type: everything the one generic admin (<see cref="ContentAdminEndpoints"/>),
/// the one saver (<see cref="ContentSaver"/>), the workflow screens, the approval inbox and the scheduler need.
/// A new type is this descriptor + its entity (deriving from <see cref="ContentItem"/>) + its content record
/// (<typeparamref name="TContent"/>, what a revision carries) + its edit template; see <c>docs/content-types.md</c>.
/// </summary>
public abstract class ContentType<TItem, TContent> : WorkflowContentType<TItem>
    where TItem : ContentItem, new()
    where TContent : class, IContentDraft
{
    protected override IQueryable<TItem> Tracked(NetworkDbContext db) => db.Set<TItem>();

    // ---- Content: the live columns, revisions and the record between them ----

    /// <summary>The content of the live columns (for items that have no working revision).</summary>
    public abstract TContent FromLive(TItem item);

    /// <summary>The content a revision carries.</summary>
    public abstract TContent FromRevision(ContentRevision revision);

    /// <summary>
    /// A revision carrying <paramref name="content"/>: title, slug, the readable Markdown that diffs and the
    /// checker read, and the JSON payload of the rest. The core stamps type, owner, author and note.
    /// </summary>
    protected abstract ContentRevision ToRevision(TContent content);

    /// <summary>The content with its prose (what the checker reads) corrected by the checker's auto-fix.</summary>
    protected abstract TContent FixText(TContent content, Func<string, string> fix);

    public ContentRevision NewRevision(TContent content, Actor actor, string note)
    {
        var revision = ToRevision(content);
        revision.ContentType = Type;
        revision.OwnerDepartmentId = content.OwnerDepartmentId;
        revision.CreatedByUserId = actor.UserId;
        revision.CreatedByName = actor.Name;
        revision.Note = note;
        return revision;
    }

    public override ContentRevision CopyOf(ContentRevision old, Func<string, string>? fixText = null)
    {
        var content = FromRevision(old);
        var revision = ToRevision(fixText is null ? content : FixText(content, fixText));
        revision.ContentType = Type;
        revision.OwnerDepartmentId = old.OwnerDepartmentId;
        return revision;
    }

    /// <summary>The content being worked on: the working revision (a staged edit, 差し替え), else the live copy.</summary>
    public async Task<TContent> WorkingContentAsync(NetworkDbContext db, TItem item, CancellationToken ct) =>
        item.WorkingRevisionId is { } w && await db.ContentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == w, ct) is { } revision
            ? FromRevision(revision)
            : FromLive(item);

    /// <summary>Saves <paramref name="content"/> as the item's next revision through the type's workflow (a new item when unsaved).</summary>
    public Task<ContentRevision> SaveAsync(IServiceProvider services, TItem item, TContent content, DateTime? publishAtUtc, DateTime? closeAtUtc,
        Actor actor, string note, CancellationToken ct) =>
        ((ContentWorkflow<TItem>)Workflow(services)).SaveRevisionAsync(item, NewRevision(content, actor, note), publishAtUtc, closeAtUtc, ct);

    // ---- The admin list ----

    /// <summary>The sentence under the list's heading: what these items are and where they show.</summary>
    public abstract string ListIntro { get; }

    /// <summary>The label of the title column and field (タイトル, 事例名, 題名).</summary>
    public virtual string TitleLabel => "タイトル";

    /// <summary>Columns between the title and the owning unit.</summary>
    public virtual IReadOnlyList<ContentColumn<TItem>> Columns => [];

    /// <summary>Sortable keys beyond title and update time.</summary>
    public virtual IReadOnlyList<ContentSort<TItem>> Sorts => [];

    /// <summary>What the list's keyword box searches.</summary>
    public virtual IQueryable<TItem> MatchText(IQueryable<TItem> items, string text) => items.Where(i => i.Title.Contains(text));

    /// <summary>Only member governments have this type; the hub has no such screen.</summary>
    public virtual bool MemberSiteOnly => false;

    // ---- The edit form ----

    public virtual string EditTemplate => $"admin/{AdminSegment}/edit";

    /// <summary>The content a new item starts from (a fiscal year, say); the core sets the owner.</summary>
    public abstract TContent NewContent(ContentEdit<TItem, TContent> edit);

    /// <summary>Puts <paramref name="content"/> into the form's fields.</summary>
    public abstract void Fill(FormState form, TContent content);

    /// <summary>
    /// Reads the submitted form into content and checks the type's own rules; every problem goes into
    /// <c>edit.Form</c> with its field. The core checks the owner, dates, version, lock and files.
    /// </summary>
    public abstract Task<TContent> ReadAsync(ContentEdit<TItem, TContent> edit, IReadOnlyList<ContentAttachment> attachments, CancellationToken ct);

    /// <summary>The options of the type's own selects and check boxes (the owner's are added by the core).</summary>
    public virtual Task AddOptionsAsync(ContentEdit<TItem, TContent> edit, Dictionary<string, IReadOnlyList<Option>> options, CancellationToken ct) =>
        Task.CompletedTask;

    /// <summary>Fields a new item's form starts with from the query string (e.g. a reserved page's slug).</summary>
    public virtual void PrepareNew(FormState form, HttpRequest request)
    {
    }

    /// <summary>The type's file slot, or null for types without attachments.</summary>
    public virtual ContentAttachments<TContent>? Attachments => null;

    // ---- What other features read ----

    public override void Accept(IContentTypeVisitor visitor) => visitor.Visit(this);

    public override bool IsItem(object entity) => entity is TItem;

    /// <summary>The type's keyed-write API, or null when the API does not write it.</summary>
    public virtual ContentWriteApi<TContent>? WriteApi => null;

    /// <summary>
    /// The item as the site search indexes it, or null when the type is not in the site search. Only published items
    /// of active sites (<see cref="Findable"/>) are indexed; the search feature keeps the index current from the change log.
    /// </summary>
    public virtual Func<TItem, ContentSearchEntry>? SiteSearch => null;

    /// <summary>What the public may see of this type across the network: published, of an active site.</summary>
    public virtual IQueryable<TItem> Findable(NetworkDbContext db) =>
        db.Set<TItem>().IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.IsPublished)
            .Where(i => db.Tenants.Any(t => t.Id == i.TenantId && t.Status == TenantStatus.Active));

    public override bool InSiteSearch => SiteSearch is not null;

    public override Task<int> CountSearchableAsync(NetworkDbContext db, CancellationToken ct) => Findable(db).CountAsync(ct);

    public override Task<List<int>> SearchableIdsAsync(NetworkDbContext db, CancellationToken ct) =>
        Findable(db).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);

    public override async Task<List<ContentSearchRow>> SearchRowsAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (SiteSearch is not { } entry)
            return [];
        var items = await Findable(db).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        return items.Select(i => new ContentSearchRow(i.Id, i.TenantId, entry(i))).ToList();
    }

    public override Task<List<int>> IdsOfTenantsAsync(NetworkDbContext db, IReadOnlyCollection<int> tenantIds, CancellationToken ct) =>
        db.Set<TItem>().IgnoreQueryFilters().Where(i => tenantIds.Contains(i.TenantId)).Select(i => i.Id).ToListAsync(ct);

    // ---- Deleting ----

    /// <summary>What disappears with the item, said on the confirmation page.</summary>
    public virtual string DeleteConsequence => "公開中の場合は、すぐにサイトから見られなくなります。";

    /// <summary>What else changes when an item goes, in the same transaction (e.g. a page's sub-pages move up).</summary>
    public virtual Task OnDeletingAsync(NetworkDbContext db, TItem item, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Extra lines for the confirmation page (other items that refer to this one).</summary>
    public virtual Task<IReadOnlyList<string>> DeleteWarningsAsync(NetworkDbContext db, int id, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
