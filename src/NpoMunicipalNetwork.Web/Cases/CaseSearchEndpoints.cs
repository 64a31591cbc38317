using NpoMunicipalNetwork.Search.Cases;

namespace NpoMunicipalNetwork.Cases;

/// <summary>The network-wide case database search (政策事例データベース) at <c>/cases</c>, on the hub.</summary>
public static class CaseSearchEndpoints
{
    public const string Title = "政策事例データベース";

    public static IEndpointRouteBuilder MapCaseSearch(this IEndpointRouteBuilder app)
    {
        // Never output-cached: URLs rarely repeat, and a response computed just before the index caught
        // up with a change could otherwise be stored after the index evicted the cache, and stay stale.
        // One route for every site (the tenant prefix lives in PathBase): a member site lists its own cases.
        app.MapGet("/cases", (HttpContext http, NetworkDbContext db, TenantContext tenant, CaseSearch search, CancellationToken ct) =>
            tenant.Tenant.IsHub ? Search(http, db, search, ct) : CaseEndpoints.MemberListAsync(http, db, tenant, ct)).CacheOutput(policy => policy.NoCache());
        return app;
    }

    private static async Task<IResult> Search(HttpContext http, NetworkDbContext db, CaseSearch search, CancellationToken ct)
    {
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var q = CaseQuery.Parse(http.Request.Query, vocabulary, out var problems);
        if (problems.Count > 0)
            return ThemeResults.BadRequest(problems);
        var listPath = (http.Request.PathBase.Value ?? "") + "/cases";
        var model = await CaseSearchPage.BuildAsync(http, db, search, vocabulary, q, listPath, ct);
        if (model is null)
            return ThemeResults.NotFound($"{q.Page}ページ目はありません。");
        var title = Title;
        if (q.Text is not null)
            title = $"「{q.Text}」の検索結果 - {Title}";
        else if (q.HasFilters)
            title = $"絞り込み結果 - {Title}";
        if (q.Page > 1)
            title += $" {q.Page}ページ目";
        return ThemeResults.View("cases/search", model, new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(Title)]));
    }
}
