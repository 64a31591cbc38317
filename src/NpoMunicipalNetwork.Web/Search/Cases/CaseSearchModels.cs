using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>What <c>cases/search.liquid</c> shows: the form, the facets, the chips, the results and the pager.</summary>
public sealed record CaseSearchPageModel(
    string FormAction,
    string? Text,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<CaseCard> Results,
    IReadOnlyList<FacetGroup> Facets,
    IReadOnlyList<FilterChip> Chips,
    IReadOnlyList<FilterChip> Suggestions,
    IReadOnlyList<SortLink> Sorts,
    IReadOnlyList<YearOption> FromYears,
    IReadOnlyList<YearOption> ToYears,
    IReadOnlyList<HiddenInput> Hidden,
    string Sort,
    IReadOnlyList<PageLink> Pages,
    string? PreviousUrl,
    string? NextUrl,
    string ClearUrl,
    bool IsFiltered);

public sealed record CaseCard(
    int Id,
    string Url,
    IReadOnlyList<TextSegment> Title,
    string SiteName,
    string? PrefectureName,
    int StartFiscalYear,
    int? EndFiscalYear,
    string RelationshipType,
    IReadOnlyList<string> Fields,
    IReadOnlyList<TextSegment> Snippet,
    int AdoptionCount,
    bool IsSample);

public sealed record FacetGroup(string Key, string Title, IReadOnlyList<FacetOption> Options);

/// <summary>A facet value: following <see cref="Url"/> toggles it (adds it, or removes it when <see cref="Selected"/>).</summary>
public sealed record FacetOption(string Value, string Label, int Count, bool Selected, string Url);

public sealed record FilterChip(string Label, string Url);

public sealed record SortLink(string Value, string Label, bool Current);

public sealed record YearOption(int Year, bool Selected);

public sealed record HiddenInput(string Name, string Value);
