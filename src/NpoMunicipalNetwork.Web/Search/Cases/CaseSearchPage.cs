using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>
/// Builds the case search page's model from a parsed <see cref="CaseQuery"/>. The hub's <c>/cases</c>
/// uses it; a member site's case list can call <see cref="BuildAsync"/> with <c>q with { TenantId = … }</c>
/// and its own <paramref name="listPath"/> to get the same search limited to that site (the prefecture and
/// member-kind facets are then left out). Returns null when the page number is past the last page.
/// </summary>
public static class CaseSearchPage
{
    public static async Task<CaseSearchPageModel?> BuildAsync(HttpContext http, NetworkDbContext db, CaseSearch search, CaseVocabulary vocabulary, CaseQuery q,
        string listPath, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await search.RunAsync(q, vocabulary, (q.Page - 1) * q.PageSize, q.PageSize, ct, withCards: true);
        var searchMs = clock.Elapsed.TotalMilliseconds;
        var pageCount = Math.Max(1, (result.Total + q.PageSize - 1) / q.PageSize);
        if (q.Page > pageCount)
            return null;

        var adoptions = await AdoptionCounts.ForAsync(db, result.Ids, ct);
        var sites = await http.RequestServices.GetRequiredService<TenantCatalog>().ByIdAsync(ct);
        var loadMs = clock.Elapsed.TotalMilliseconds - searchMs;
        // Where the time goes, for browser dev tools and benchmarks (no content, only durations).
        http.Response.Headers["Server-Timing"] = $"search;dur={searchMs:0.0}, load;dur={loadMs:0.0}";
        var terms = q.Text is null ? new HashSet<string>(StringComparer.Ordinal) : TextQuery.Terms(q.Text);
        var hubBase = http.Request.PathBase.Value ?? "";
        string Url(CaseQuery query, int? page = null) => listPath + query.ToQueryString(page);

        var fieldOrder = vocabulary.Fields.Select((v, i) => (v.Id, v.Name, i)).ToDictionary(v => v.Id);
        var cards = result.Cases.Select(c => new CaseCard(
            c.Id, $"{hubBase}/cases/{c.Id}",
            Snippets.Mark(c.Title, terms),
            sites.GetValueOrDefault(c.TenantId)?.DisplayName ?? "", Prefectures.Name(c.PrefectureCode),
            c.StartFiscalYear, c.EndFiscalYear,
            c.RelationshipType.Japanese(),
            c.FieldIds.Where(fieldOrder.ContainsKey).OrderBy(id => fieldOrder[id].i).Select(id => fieldOrder[id].Name).ToList(),
            Snippet(c, terms),
            adoptions.GetValueOrDefault(c.Id),
            c.IsSample)).ToList();

        var f = result.Facets;
        var groups = new List<FacetGroup>
        {
            Group("field", "政策分野", vocabulary.Fields.Select(v => (v.Code, v.Name, Count: At(f.Fields, v.Id))), q.Fields,
                list => q with { Fields = list, Page = 1 }),
            Group("type", "NPOとの関係", RelationshipTypeNames.All.Select(t => (t.Code(), t.Japanese(), At(f.Types, (int)t))), q.Types.Select(t => t.Code()).ToList(),
                list => q with { Types = list.Select(c => RelationshipTypeNames.FromCodeOrName(c)!.Value).ToList(), Page = 1 }),
            Group("method", "手法", vocabulary.Methods.Select(v => (v.Code, v.Name, At(f.Methods, v.Id))), q.Methods,
                list => q with { Methods = list, Page = 1 }),
        };
        if (q.TenantId is null)
        {
            groups.Add(Group("pref", "都道府県", Prefectures.All.Select(p => (p.Code, p.Name, At(f.Prefectures, int.Parse(p.Code)))), q.Prefectures,
                list => q with { Prefectures = list, Page = 1 }));
            groups.Add(Group("kind", "団体の種類", Enum.GetValues<GovernmentKind>().Select(k => (k.Slug(), k.Japanese(), At(f.Kinds, (int)k))),
                q.Kinds.Select(k => k.Slug()).ToList(),
                list => q with { Kinds = Enum.GetValues<GovernmentKind>().Where(k => list.Contains(k.Slug())).ToList(), Page = 1 }));
        }
        var decadeOptions = f.Decades.Select((d, i) =>
        {
            var selected = q.FromYear == d && q.ToYear == d + 9;
            var next = selected ? q with { FromYear = null, ToYear = null, Page = 1 } : q with { FromYear = d, ToYear = d + 9, Page = 1 };
            return new FacetOption($"{d}", $"{d}年代（{d}〜{d + 9}年度）", f.DecadeCounts[i], selected, Url(next));
        }).Where(o => o.Count > 0 || o.Selected).ToList();
        groups.Add(new FacetGroup("years", "実施年度", decadeOptions));
        groups.Add(new FacetGroup("attachments", "添付資料",
            [new FacetOption("1", "添付資料あり", f.WithAttachments, q.HasAttachments, Url(q with { HasAttachments = !q.HasAttachments, Page = 1 }))]));
        groups.RemoveAll(g => g.Options.Count == 0);

        var chips = Chips(q, vocabulary, Url);
        var suggestions = result.Total == 0 ? chips : [];
        var years = Enumerable.Range(CaseRules.FirstFiscalYear, DateTime.UtcNow.Year + 2 - CaseRules.FirstFiscalYear).Reverse().ToList();
        var hidden = Hidden(q);

        return new CaseSearchPageModel(
            listPath, q.Text, result.Total, q.Page, pageCount, cards, groups, chips, suggestions,
            [new("relevance", "関連度順", q.Sort == CaseSort.Relevance), new("newest", "新着順", q.Sort == CaseSort.Newest), new("fiscal", "実施年度の新しい順", q.Sort == CaseSort.FiscalYear)],
            years.Select(y => new YearOption(y, y == q.FromYear)).ToList(),
            years.Select(y => new YearOption(y, y == q.ToYear)).ToList(),
            hidden,
            q.Sort switch { CaseSort.Newest => "newest", CaseSort.FiscalYear => "fiscal", _ => "relevance" },
            PageWindow(q.Page, pageCount).Select(n => new PageLink(n, Url(q, n), n == q.Page)).ToList(),
            q.Page > 1 ? Url(q, q.Page - 1) : null,
            q.Page < pageCount ? Url(q, q.Page + 1) : null,
            listPath,
            q.HasFilters || q.Text is not null);

        FacetGroup Group(string key, string title, IEnumerable<(string Code, string Label, int Count)> values, IReadOnlyList<string> selected,
            Func<IReadOnlyList<string>, CaseQuery> with) =>
            new(key, title, values
                .Where(v => v.Count > 0 || selected.Contains(v.Code))
                .Select(v => new FacetOption(v.Code, v.Label, v.Count, selected.Contains(v.Code),
                    Url(with(selected.Contains(v.Code) ? selected.Where(s => s != v.Code).ToList() : [.. selected, v.Code]))))
                .ToList());
    }

    private static int At(int[] counts, int index) => (uint)index < (uint)counts.Length ? counts[index] : 0;

    private static IReadOnlyList<TextSegment> Snippet(IndexedCase c, HashSet<string> terms)
    {
        if (terms.Count > 0)
        {
            if (Snippets.Fragment(c.Summary, terms, PolicyCase.SummaryLength) is { } inSummary)
                return inSummary;
            foreach (var section in c.BodySections)
                if (Snippets.Fragment(section, terms) is { } inBody)
                    return inBody;
            if (Snippets.Fragment(c.Partners, terms) is { } inPartners)
                return inPartners;
        }
        return [new TextSegment(c.Summary, false)];
    }

    /// <summary>One removable chip per active filter (and the text); each link is the query without it.</summary>
    private static List<FilterChip> Chips(CaseQuery q, CaseVocabulary vocabulary, Func<CaseQuery, int?, string> url)
    {
        var chips = new List<FilterChip>();
        void Add(string label, CaseQuery without) => chips.Add(new FilterChip(label, url(without with { Page = 1 }, null)));
        if (q.Text is not null)
            Add($"検索語: {q.Text}", q with { Text = null });
        foreach (var code in q.Fields)
            Add($"政策分野: {vocabulary.Fields.FirstOrDefault(f => f.Code == code)?.Name ?? code}", q with { Fields = q.Fields.Where(x => x != code).ToList() });
        foreach (var t in q.Types)
            Add($"NPOとの関係: {t.Japanese()}", q with { Types = q.Types.Where(x => x != t).ToList() });
        foreach (var code in q.Methods)
            Add($"手法: {vocabulary.Methods.FirstOrDefault(m => m.Code == code)?.Name ?? code}", q with { Methods = q.Methods.Where(x => x != code).ToList() });
        foreach (var p in q.Prefectures)
            Add($"都道府県: {(int.TryParse(p, out var code) ? Prefectures.Name(code) : null) ?? p}", q with { Prefectures = q.Prefectures.Where(x => x != p).ToList() });
        foreach (var k in q.Kinds)
            Add($"団体の種類: {k.Japanese()}", q with { Kinds = q.Kinds.Where(x => x != k).ToList() });
        if (q.FromYear is not null || q.ToYear is not null)
            Add($"実施年度: {q.FromYear?.ToString() ?? ""}〜{q.ToYear?.ToString() ?? ""}年度", q with { FromYear = null, ToYear = null });
        if (q.HasAttachments)
            Add("添付資料あり", q with { HasAttachments = false });
        return chips;
    }

    /// <summary>The facet selections the search form carries along when the words or the order change.</summary>
    private static List<HiddenInput> Hidden(CaseQuery q)
    {
        var hidden = new List<HiddenInput>();
        hidden.AddRange(q.Fields.Select(v => new HiddenInput("field", v)));
        hidden.AddRange(q.Types.Select(v => new HiddenInput("type", v.Code())));
        hidden.AddRange(q.Methods.Select(v => new HiddenInput("method", v)));
        hidden.AddRange(q.Prefectures.Select(v => new HiddenInput("pref", v)));
        hidden.AddRange(q.Kinds.Select(v => new HiddenInput("kind", v.Slug())));
        if (q.HasAttachments)
            hidden.Add(new HiddenInput("attachments", "1"));
        return hidden;
    }

    private static IEnumerable<int> PageWindow(int page, int count)
    {
        var from = Math.Max(1, page - 4);
        var to = Math.Min(count, from + 8);
        from = Math.Max(1, to - 8);
        return Enumerable.Range(from, to - from + 1);
    }
}
