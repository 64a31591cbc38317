namespace NpoMunicipalNetwork.Search.Site;

/// <summary>
/// Change-log content types of what the site search indexes. Pages, news and reports use their
/// workflow type names (the same strings the approval screens use); the rest are named here.
/// </summary>
public static class SiteContentTypes
{
    public const string Page = Pages.PageWorkflow.ContentType;
    public const string News = NpoMunicipalNetwork.News.NewsWorkflow.ContentType;
    public const string Report = Reports.ReportWorkflow.ContentType;

    /// <summary>A forum with its sessions (a session's change names its forum).</summary>
    public const string Forum = "Forum";

    public const string BoardPost = "BoardPost";
    public const string BoardTopic = "BoardTopic";
    public const string BoardCategory = "BoardCategory";

    /// <summary>
    /// The site search's own light document per policy case. It has no entity: it follows the case's
    /// change lines (<see cref="Cases.CaseWorkflow.ContentType"/>) through <see cref="ISearchSource.AffectedByAsync"/>,
    /// so the case search's documents stay exactly as they are.
    /// </summary>
    public const string Case = "SiteCase";
}
