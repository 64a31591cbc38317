
namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// What every publishable item of a site has, written once (Orchard Core's ContentItem, kept typed):
/// its tenant, title and owning unit, and its whole workflow state — the live/working revisions,
/// approval state, scheduled opening and closing, version and edit lock. A content type's entity
/// derives from it and adds only its own fields (a page's slug, a case's sections, …); its mapping
/// derives from <see cref="ContentItemConfiguration{T}"/>. The columns stay on the type's own table.
/// </summary>
public abstract class ContentItem : ITenantOwned, IWorkflowItem
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The unit (課) that owns the item: it decides who may edit it, and its contact block is shown.</summary>
    public int? OwnerDepartmentId { get; set; }

    /// <summary>The live copy (the type's own columns) is public now.</summary>
    public bool IsPublished { get; set; }

    /// <summary>The working copy's state; <see cref="WorkflowState.None"/> when the live copy is the latest.</summary>
    public WorkflowState WorkflowState { get; set; }

    /// <summary>The revision being worked on (a staged edit, 差し替え, when the item is live).</summary>
    public int? WorkingRevisionId { get; set; }

    /// <summary>The revision the live copy came from.</summary>
    public int? LiveRevisionId { get; set; }

    /// <summary>Open no earlier than this (公開予約); null opens on approval.</summary>
    public DateTime? PublishAtUtc { get; set; }

    /// <summary>Close at this time (公開終了).</summary>
    public DateTime? CloseAtUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public int? AuthorUserId { get; set; }

    /// <summary>Incremented on every change; a save carrying an older version is refused, so nobody overwrites another's edit.</summary>
    public int Version { get; set; }

    /// <summary>Who has the edit form open (a soft lock shown to others until <see cref="LockedUntilUtc"/>).</summary>
    public int? LockedByUserId { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public const int TitleLength = 200;
}
