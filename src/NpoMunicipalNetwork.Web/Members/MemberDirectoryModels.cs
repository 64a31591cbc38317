namespace NpoMunicipalNetwork.Members;

public sealed record DirectoryRow(string Code, string Name, string Kana, string Kind, string Prefecture, bool IsMember, DateOnly? JoinedOn, string Url);

public sealed record FilterOption(string Value, string Label, int Count, bool Selected);

public sealed record PageLink(int Number, string Url, bool Current);

/// <summary>A fiscal year's membership movement; <see cref="Total"/> is the count at the year's end (31 March).</summary>
public sealed record MembershipYear(int FiscalYear, int Joined, int Left, int Total);

public sealed record MemberDirectoryModel(
    IReadOnlyList<DirectoryRow> Rows,
    int Total,
    int MemberCount,
    int Page,
    int PageCount,
    bool ShowAll,
    string? Prefecture,
    string? Kind,
    string? PrefectureLabel,
    string? KindLabel,
    IReadOnlyList<FilterOption> Prefectures,
    IReadOnlyList<FilterOption> Kinds,
    IReadOnlyList<PageLink> Pages,
    string? PreviousUrl,
    string? NextUrl,
    string ScopeMembersUrl,
    string ScopeAllUrl,
    IReadOnlyList<MembershipYear> Years);

public sealed record MemberProfileModel(
    string Code,
    string Name,
    string Kana,
    string Kind,
    string Prefecture,
    string PrefectureUrl,
    string? WebsiteUrl,
    bool IsMember,
    bool HasMembership,
    DateOnly? JoinedOn,
    DateOnly? LeftOn,
    string? Department,
    string? Phone,
    string? Email,
    string? Address,
    bool IsSample,
    string? SiteUrl,
    string? SiteName,
    string? ParentName,
    string? ParentUrl);
