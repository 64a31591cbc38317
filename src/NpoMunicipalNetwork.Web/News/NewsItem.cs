
namespace NpoMunicipalNetwork.News;

/// <summary>
/// A news item (お知らせ) of a site: the secretariat's on the hub, a member's on its site. It goes
/// through the publishing workflow like pages; the hub also lists every member's published news.
/// </summary>
public sealed class NewsItem : ContentItem, Search.ISearchable
{
    string Search.ISearchable.SearchContentType => Search.Site.SiteContentTypes.News;
    int Search.ISearchable.SearchContentId => Id;

    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public bool IsSample { get; set; }

    public const int BodyLength = 100_000;
}
