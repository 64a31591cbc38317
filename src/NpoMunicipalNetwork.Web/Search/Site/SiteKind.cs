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
    private static readonly EnumTerms<SiteKind> Terms = new(
        (SiteKind.Page, "page", "ページ"),
        (SiteKind.News, "news", "お知らせ"),
        (SiteKind.Case, "case", "事例"),
        (SiteKind.Report, "report", "報告書"),
        (SiteKind.Forum, "forum", "フォーラム"),
        (SiteKind.Board, "board", "掲示板"));

    public static readonly IReadOnlyList<SiteKind> All = Terms.All;

    /// <summary>The value of <c>type=</c> in the URL.</summary>
    public static string Code(this SiteKind kind) => Terms.Code(kind);

    public static string Label(this SiteKind kind) => Terms.Label(kind);

    /// <summary>The kind of a content type's results (<see cref="ContentSiteSource"/>), by its stored type name.</summary>
    public static SiteKind OfContentType(string type) => type switch
    {
        SiteContentTypes.Page => SiteKind.Page,
        SiteContentTypes.News => SiteKind.News,
        SiteContentTypes.Report => SiteKind.Report,
        _ => throw new InvalidOperationException($"Content type {type} has no kind of site search result; add one to {nameof(SiteKind)}."),
    };

    public static SiteKind? FromCode(string code) => Terms.FromCode(code);

    /// <summary>Forums and boards belong to the network and live on the hub; a member site's search has only its own content.</summary>
    public static bool IsNetworkLevel(this SiteKind kind) => kind is SiteKind.Forum or SiteKind.Board;
}
