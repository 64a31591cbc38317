using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Publishing;

namespace NpoMunicipalNetwork.News;

/// <summary>
/// A news item (お知らせ) of a site: the secretariat's on the hub, a member's on its site. It goes
/// through the publishing workflow like pages; the hub also lists every member's published news.
/// </summary>
public sealed class NewsItem : ITenantOwned, IWorkflowItem, Search.ISearchable
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.News;
    int Search.ISearchable.SearchContentId => Id;

    public int Id { get; set; }
    public int TenantId { get; set; }
    public string Title { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public bool IsSample { get; set; }
    public bool IsPublished { get; set; }
    public WorkflowState WorkflowState { get; set; }
    public int? WorkingRevisionId { get; set; }
    public int? LiveRevisionId { get; set; }
    public DateTime? PublishAtUtc { get; set; }
    public DateTime? CloseAtUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public int? OwnerDepartmentId { get; set; }
    public int? AuthorUserId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public const int TitleLength = 200;
    public const int BodyLength = 100_000;
}
