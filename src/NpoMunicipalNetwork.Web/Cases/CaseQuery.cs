using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Cases;

public enum CaseSort
{
    /// <summary>Best match first; without a text query, newest first.</summary>
    Relevance,
    Newest,
    /// <summary>Most recent start fiscal year first.</summary>
    FiscalYear,
}

/// <summary>
/// What someone is looking for in the case database, exactly as the URL says it (so a search can be
/// shared as a link): <c>?q=協働&amp;field=welfare&amp;type=collaboration&amp;method=subsidy&amp;pref=12&amp;kind=city&amp;from=2005&amp;to=2010&amp;attachments=1&amp;sort=newest&amp;page=2</c>.
/// Repeated parameters of one facet are OR-ed; different facets are AND-ed. A case matches the
/// fiscal-year range when its running period [start, end or still ongoing] overlaps [from, to].
/// </summary>
public sealed record CaseQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxTextLength = 200;
    public const int MaxPage = 500;

    public string? Text { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<RelationshipType> Types { get; init; } = [];
    public IReadOnlyList<string> Methods { get; init; } = [];
    /// <summary>Two-digit prefecture codes ("01"–"47") of the owning member.</summary>
    public IReadOnlyList<string> Prefectures { get; init; } = [];
    public IReadOnlyList<GovernmentKind> Kinds { get; init; } = [];
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
    public bool HasAttachments { get; init; }
    /// <summary>Limits the query to one member site (its own case list).</summary>
    public int? TenantId { get; init; }
    public CaseSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public bool HasFilters => Fields.Count + Types.Count + Methods.Count + Prefectures.Count + Kinds.Count > 0
        || FromYear is not null || ToYear is not null || HasAttachments;

    private static readonly IReadOnlyList<GovernmentKind> AllKinds = Enum.GetValues<GovernmentKind>();

    /// <summary>Reads the URL. Values that cannot be understood are reported (for a 400 with a Japanese message), never silently dropped.</summary>
    public static CaseQuery Parse(IQueryCollection query, CaseVocabulary vocabulary, out List<string> problems)
    {
        var errors = new List<string>();
        var text = query["q"].ToString().Trim();
        if (text.Length > MaxTextLength)
        {
            errors.Add($"検索語は{MaxTextLength}文字以内にしてください。");
            text = text[..MaxTextLength];
        }
        var fields = Values(query, "field", code => vocabulary.Fields.Any(f => f.Code == code) ? null : $"政策分野「{code}」はありません。");
        var methods = Values(query, "method", code => vocabulary.Methods.Any(m => m.Code == code) ? null : $"手法「{code}」はありません。");
        var types = Values(query, "type", code => RelationshipTypeNames.FromCodeOrName(code) is null ? $"関係区分「{code}」はありません。" : null)
            .Select(c => RelationshipTypeNames.FromCodeOrName(c)!.Value).Distinct().ToList();
        var prefectures = Values(query, "pref", code => code.Length == 2 && int.TryParse(code, out var n) && n is >= 1 and <= 47 ? null : $"都道府県コード「{code}」は 01〜47 の2桁で指定してください。");
        var kinds = Values(query, "kind", code => AllKinds.Any(k => k.Slug() == code) ? null : $"団体の種類「{code}」はありません。")
            .Select(c => AllKinds.First(k => k.Slug() == c)).Distinct().ToList();
        var from = Year(query, "from", "開始年度", errors);
        var to = Year(query, "to", "終了年度", errors);
        if (from is not null && to is not null && from > to)
            errors.Add("年度の範囲は「から」が「まで」以前になるように指定してください。");
        var attachments = query["attachments"].ToString() switch
        {
            "" or "0" => false,
            "1" => true,
            var v => Fail(errors, $"添付ファイルの条件「{v}」は 1 で指定してください。"),
        };
        var sort = query["sort"].ToString() switch
        {
            "" or "relevance" => CaseSort.Relevance,
            "newest" => CaseSort.Newest,
            "fiscal" => CaseSort.FiscalYear,
            var v => FailSort(errors, v),
        };
        var page = 1;
        if (query["page"].ToString() is { Length: > 0 } p && (!int.TryParse(p, out page) || page < 1 || page > MaxPage))
        {
            errors.Add($"ページ番号は 1〜{MaxPage} で指定してください。");
            page = 1;
        }
        problems = errors;
        return new CaseQuery
        {
            Text = text.Length == 0 ? null : text, Fields = fields, Methods = methods, Types = types, Prefectures = prefectures, Kinds = kinds,
            FromYear = from, ToYear = to, HasAttachments = attachments, Sort = sort, Page = page,
        };

        List<string> Values(IQueryCollection q, string key, Func<string, string?> check)
        {
            var result = new List<string>();
            foreach (var v in q[key])
            {
                var value = v?.Trim() ?? "";
                if (value.Length == 0)
                    continue;
                if (check(value) is { } problem)
                    errors.Add(problem);
                else if (!result.Contains(value))
                    result.Add(value);
            }
            return result;
        }
    }

    private static bool Fail(List<string> errors, string message)
    {
        errors.Add(message);
        return false;
    }

    private static CaseSort FailSort(List<string> errors, string value)
    {
        errors.Add($"並び順「{value}」はありません（relevance・newest・fiscal）。");
        return CaseSort.Relevance;
    }

    private static int? Year(IQueryCollection q, string key, string label, List<string> errors)
    {
        var s = q[key].ToString().Trim();
        if (s.Length == 0)
            return null;
        if (int.TryParse(s, out var y) && y is >= CaseRules.FirstFiscalYear and <= 2100)
            return y;
        errors.Add($"{label}は {CaseRules.FirstFiscalYear} 以降の西暦4桁で指定してください。");
        return null;
    }

    /// <summary>The query string that reproduces this query (page 1 unless given), for links and paging.</summary>
    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string value) => parts.Add($"{key}={Uri.EscapeDataString(value)}");
        if (Text is not null) Add("q", Text);
        foreach (var f in Fields) Add("field", f);
        foreach (var t in Types) Add("type", t.Code());
        foreach (var m in Methods) Add("method", m);
        foreach (var p in Prefectures) Add("pref", p);
        foreach (var k in Kinds) Add("kind", k.Slug());
        if (FromYear is { } from) Add("from", from.ToString());
        if (ToYear is { } to) Add("to", to.ToString());
        if (HasAttachments) Add("attachments", "1");
        if (Sort != CaseSort.Relevance) Add("sort", Sort == CaseSort.Newest ? "newest" : "fiscal");
        if ((page ?? 1) > 1) Add("page", page!.Value.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
