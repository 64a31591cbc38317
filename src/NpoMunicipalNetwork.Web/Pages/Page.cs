
namespace NpoMunicipalNetwork.Pages;

/// <summary>
/// A free page of a site (hub or member), addressed by slug inside its tenant.
/// The body is stored as the author's Markdown and as sanitized HTML rendered once on save.
/// </summary>
public sealed class Page : Publishing.ContentItem, Search.ISearchable
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.Page;
    int Search.ISearchable.SearchContentId => Id;

    public string Slug { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public int Order { get; set; }

    public int? ParentId { get; set; }

    public bool IsSample { get; set; }

    public const int SlugLength = 100;

    public const int BodyLength = 200_000;
}
