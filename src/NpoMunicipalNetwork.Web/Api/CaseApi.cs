using Microsoft.AspNetCore.Http.Extensions;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Search.Cases;

namespace NpoMunicipalNetwork.Api;

/// <summary>
/// <c>/api/v1/cases</c>: the network's case database with exactly the hub search page's filters,
/// facets and orders (the same <see cref="CaseQuery"/> parser and the same <see cref="CaseSearch"/>),
/// paged by cursor; and <c>/api/v1/cases/{id}</c>, one published case of an active member site.
/// </summary>
public static class CaseApi
{
    private static readonly string[] QueryKeys = ["q", "field", "type", "method", "pref", "kind", "from", "to", "attachments", "sort"];

    public static RouteGroupBuilder MapCaseApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", List)
            .Describe("listCases", "cases", "政策事例を検索する",
                "ハブの政策事例データベース（/cases）と同じ条件・絞り込み・並び順で、公開中の事例を検索します。"
                + "同じ項目を繰り返すと OR、異なる項目は AND です。facets は各値を選んだときの件数（その項目の他の選択は外した件数）で、画面と同じです。",
                ApiExamples.CaseList)
            .Produces<CaseListResponse>().ProducesProblem(400);
        api.MapGet("/cases/{id:int}", Get)
            .Describe("getCase", "cases", "政策事例を1件取得する",
                "公開中の事例の本文・相手方・予算・添付資料・関連リンク・参考にした事例を返します。下書きや公開終了の事例、無効なサイトの事例は 404 です。",
                ApiExamples.CaseDetail)
            .Produces<CaseDetail>().ProducesProblem(404);
        return api;
    }

    /// <summary>The query parameters, declared here for the OpenAPI document; <see cref="CaseQuery.Parse"/> reads them from the URL with the page's own messages.</summary>
    public sealed class CaseListParameters
    {
        [System.ComponentModel.Description("検索語（200文字以内）。日本語は2文字ずつの組で探します。")] public string? q { get; init; }
        [System.ComponentModel.Description("政策分野のコード（繰り返し可）")] public string[]? field { get; init; }
        [System.ComponentModel.Description("NPOとの関係: support・collaboration・outsourcing（繰り返し可）")] public string[]? type { get; init; }
        [System.ComponentModel.Description("手法のコード（繰り返し可）")] public string[]? method { get; init; }
        [System.ComponentModel.Description("都道府県コード 01〜47（繰り返し可）")] public string[]? pref { get; init; }
        [System.ComponentModel.Description("団体の種類: prefecture・designated-city・ward・city・special-ward・town・village（繰り返し可）")] public string[]? kind { get; init; }
        [System.ComponentModel.Description("実施年度の範囲の始め（西暦）")] public string? from { get; init; }
        [System.ComponentModel.Description("実施年度の範囲の終わり（西暦）")] public string? to { get; init; }
        [System.ComponentModel.Description("1 で添付資料のある事例だけ")] public string? attachments { get; init; }
        [System.ComponentModel.Description("並び順: relevance（既定）・newest・fiscal")] public string? sort { get; init; }
        [System.ComponentModel.Description("1ページの件数（1〜100、既定 20）")] public string? limit { get; init; }
        [System.ComponentModel.Description("前のレスポンスの next")] public string? cursor { get; init; }
    }

    private static async Task<IResult> List([AsParameters] CaseListParameters parameters, HttpContext http, NetworkDbContext db, CaseSearch search, CancellationToken ct)
    {
        var request = http.Request;
        var query = new ApiListRequest(request, QueryKeys);
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var q = CaseQuery.Parse(request.Query, vocabulary, out var problems);
        if (problems.Count > 0)
            Attribute(request, vocabulary, problems, query.Errors);
        var sortName = q.Sort switch { CaseSort.Newest => "newest", CaseSort.FiscalYear => "fiscal", _ => "relevance" };
        var list = $"cases:{sortName}";
        if (query.Paging(list) is not { } paging)
            return query.Problem();

        CaseHit? after = null;
        if (paging.After is { } key)
        {
            if (!ApiPaging.TryRead(key, 0, out double score) || !ApiPaging.TryRead(key, 1, out long published)
                || !ApiPaging.TryRead(key, 2, out long start) || !ApiPaging.TryRead(key, 3, out long id))
                return ApiPaging.BadCursor();
            after = new CaseHit((int)id, (float)score, published, (short)start);
        }
        var page = await search.RunAfterAsync(q, vocabulary, after, paging.Limit + 1, ct);
        var shown = page.Hits.Take(paging.Limit).ToList();
        var ids = shown.Select(h => h.Id).ToList();
        var rows = await PublishedCases.LoadAsync(db, ids, ct);
        var adoptions = await AdoptionCounts.ForAsync(db, ids, ct);
        string? next = page.Hits.Count > paging.Limit
            ? ApiPaging.Encode(list, shown[^1].Score, shown[^1].Published, shown[^1].Start, shown[^1].Id)
            : null;
        var body = new CaseListResponse(
            rows.Select(r => CaseModels.Summary(request, r, adoptions.GetValueOrDefault(r.Case.Id))).ToList(),
            next, page.Total, CaseModels.Facets(q, vocabulary, page.Facets));
        return ApiJson.Ok(body, next is null ? null : ApiPaging.NextLink(request, next));
    }

    /// <summary>Gives each problem of <see cref="CaseQuery.Parse"/> to the parameter it is about, by parsing each parameter alone.</summary>
    private static void Attribute(HttpRequest request, CaseVocabulary vocabulary, List<string> problems, Dictionary<string, string[]> errors)
    {
        var left = problems.ToList();
        foreach (var key in QueryKeys.Append("page"))
        {
            if (!request.Query.TryGetValue(key, out var values))
                continue;
            CaseQuery.Parse(new QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { [key] = values }), vocabulary, out var own);
            if (own.Count > 0)
            {
                errors[key] = [.. own];
                left.RemoveAll(own.Contains);
            }
        }
        if (left.Count > 0)
            errors["from"] = [.. errors.GetValueOrDefault("from", []), .. left]; // the range check needs both years
    }

    private static async Task<IResult> Get([System.ComponentModel.Description("事例の id")] int id, HttpContext http, NetworkDbContext db, RichText richText, CancellationToken ct)
    {
        var rows = await PublishedCases.LoadAsync(db, [id], ct);
        if (rows.Count == 0)
            return ApiProblems.NotFound($"事例 {id} は公開されていません。");
        var row = rows[0];
        var c = row.Case;
        var adaptedBy = await PublishedCases.All(db).Where(x => x.AdaptedFrom.Any(a => a.SourceCaseId == id))
            .OrderByDescending(x => x.PublishedUtc).ThenByDescending(x => x.Id).Select(x => x.Id).ToListAsync(ct);
        var sources = c.AdaptedFrom.Select(a => a.SourceCaseId).ToList();
        var publicSources = await PublishedCases.All(db).Where(x => sources.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct);
        var adoptions = await AdoptionCounts.ForAsync(db, [id], ct);
        var contact = await Departments.ContactBlocks.ForAsync(db, c.TenantId, c.OwnerDepartmentId, ct);
        return ApiJson.Ok(CaseModels.Detail(http.Request, row, adoptions.GetValueOrDefault(id), richText,
            sources.Where(publicSources.Contains).ToList(), adaptedBy, contact), version: Api.Writes.ApiPublication.CurrentVersion(c));
    }
}
