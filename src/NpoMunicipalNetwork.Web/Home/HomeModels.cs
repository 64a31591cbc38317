namespace NpoMunicipalNetwork.Home;

public sealed record MemberSiteLink(string Name, string Url, string? Prefecture, bool IsSample);

public sealed record HubHomeModel(
    int MemberCount,
    int GovernmentCount,
    DateOnly Today,
    IReadOnlyList<MemberSiteLink> Sites,
    int SiteCount,
    IReadOnlyList<NpoMunicipalNetwork.Forums.ForumSummaryModel> Forums,
    IReadOnlyList<NpoMunicipalNetwork.Pages.MemberPageLink> LatestPages,
    IReadOnlyList<NpoMunicipalNetwork.Cases.CaseCard> LatestCases,
    IReadOnlyList<NpoMunicipalNetwork.News.NewsLink> LatestNews,
    NpoMunicipalNetwork.Reports.ReportCard? FeaturedReport)
{
    public const int SitesShown = 12;
}

public sealed record PageLinkModel(string Title, string Url);

public sealed record TenantHomeModel(
    string DisplayName,
    string? Tagline,
    bool IsSample,
    string? MemberName,
    string? MemberKana,
    string? MemberKind,
    string? Prefecture,
    string? WebsiteUrl,
    string? ProfileUrl,
    bool IsMember,
    DateOnly? JoinedOn,
    string? Department,
    string? Phone,
    string? Email,
    string? Address,
    IReadOnlyList<PageLinkModel> Pages,
    IReadOnlyList<NpoMunicipalNetwork.Cases.CaseCard> LatestCases,
    IReadOnlyList<NpoMunicipalNetwork.News.NewsLink> LatestNews,
    OverviewModel? Overview,
    IReadOnlyList<PageLinkModel> Links);

/// <summary>The home's 「NPO施策の概要」: the reserved page's title and its sanitised body.</summary>
public sealed record OverviewModel(string Title, string BodyHtml);
