using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.Pages;

/// <summary>
/// A free page of a site (hub or member), addressed by slug inside its tenant.
/// The body is stored as the author's Markdown and as sanitized HTML rendered once on save.
/// </summary>
public sealed class Page : ITenantOwned, Publishing.IWorkflowItem, Search.ISearchable
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.Page;
    int Search.ISearchable.SearchContentId => Id;

    public int Id { get; set; }

    public int TenantId { get; set; }

    public required string Slug { get; set; }

    public required string Title { get; set; }

    public string BodyMarkdown { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public int Order { get; set; }

    public int? ParentId { get; set; }

    /// <summary>The live copy (the columns above) is public now.</summary>
    public bool IsPublished { get; set; }

    /// <summary>The working copy's state; <see cref="Publishing.WorkflowState.None"/> when the live copy is the latest.</summary>
    public Publishing.WorkflowState WorkflowState { get; set; }

    /// <summary>The revision being worked on (a staged edit when the page is live).</summary>
    public int? WorkingRevisionId { get; set; }

    /// <summary>The revision the live copy came from.</summary>
    public int? LiveRevisionId { get; set; }

    /// <summary>Open no earlier than this (公開予約); null opens on approval.</summary>
    public DateTime? PublishAtUtc { get; set; }

    /// <summary>Close at this time (公開終了).</summary>
    public DateTime? CloseAtUtc { get; set; }

    public DateTime? ClosedUtc { get; set; }

    public int? AuthorUserId { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public bool IsSample { get; set; }

    /// <summary>The unit (課) that owns the page; its contact block is shown under the page.</summary>
    public int? OwnerDepartmentId { get; set; }

    /// <summary>Incremented on every save; a save carrying an older version is refused, so nobody overwrites another's edit.</summary>
    public int Version { get; set; }

    /// <summary>Who is editing now (a soft lock shown to others until <see cref="LockedUntilUtc"/>).</summary>
    public int? LockedByUserId { get; set; }

    public DateTime? LockedUntilUtc { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
