namespace NpoMunicipalNetwork.Search.Site;

/// <summary>What a site search result is; the order is the order of the type filter on the page.</summary>
public enum SiteKind
{
    Page = 1,
    News = 2,
    Case = 3,
    Report = 4,
    Forum = 5,
    Board = 6,
}

public static class SiteKinds
{
    public static readonly IReadOnlyList<SiteKind> All = Enum.GetValues<SiteKind>();

    /// <summary>The value of <c>type=</c> in the URL.</summary>
    public static string Code(this SiteKind kind) => kind switch
    {
        SiteKind.Page => "page",
        SiteKind.News => "news",
        SiteKind.Case => "case",
        SiteKind.Report => "report",
        SiteKind.Forum => "forum",
        _ => "board",
    };

    public static string Label(this SiteKind kind) => kind switch
    {
        SiteKind.Page => "ページ",
        SiteKind.News => "お知らせ",
        SiteKind.Case => "事例",
        SiteKind.Report => "報告書",
        SiteKind.Forum => "フォーラム",
        _ => "掲示板",
    };

    /// <summary>The kind of a content type's results (<see cref="ContentSiteSource"/>), by its stored type name.</summary>
    public static SiteKind OfContentType(string type) => type switch
    {
        SiteContentTypes.Page => SiteKind.Page,
        SiteContentTypes.News => SiteKind.News,
        SiteContentTypes.Report => SiteKind.Report,
        _ => throw new InvalidOperationException($"Content type {type} has no kind of site search result; add one to {nameof(SiteKind)}."),
    };

    public static SiteKind? FromCode(string code) => All.Cast<SiteKind?>().FirstOrDefault(k => k!.Value.Code() == code);

    /// <summary>Forums and boards belong to the network and live on the hub; a member site's search has only its own content.</summary>
    public static bool IsNetworkLevel(this SiteKind kind) => kind is SiteKind.Forum or SiteKind.Board;
}
