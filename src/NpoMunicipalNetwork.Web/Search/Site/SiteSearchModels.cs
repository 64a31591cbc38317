
namespace NpoMunicipalNetwork.Search.Site;

/// <summary>The site search page (<c>search/index</c> in the public theme).</summary>
public sealed record SiteSearchModel(
    string FormAction,
    string Text,
    bool HasQuery,
    bool IsHub,
    string ScopeName,
    IReadOnlyList<SiteTypeOption> Types,
    int Total,
    string? CurrentTypeLabel,
    IReadOnlyList<SiteResult> Results,
    Pager Pager,
    int FirstNumber,
    int LastNumber,
    string? AllTypesUrl,
    string? CaseSearchUrl);

/// <param name="Code">The <c>type=</c> value; empty for すべて.</param>
public sealed record SiteTypeOption(string Code, string Label, int Count, string Url, bool Current);

/// <param name="Date">Japan time, for the <c>wareki</c> filter; null when the item has none.</param>
public sealed record SiteResult(string Kind, string KindLabel, IReadOnlyList<TextSegment> Title, IReadOnlyList<TextSegment> Snippet,
    string Url, string SiteName, DateTime? Date, string? Context);
