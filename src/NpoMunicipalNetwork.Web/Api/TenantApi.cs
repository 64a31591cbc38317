
namespace NpoMunicipalNetwork.Api;

public sealed record TenantSummary(string Name, string DisplayName, string? MemberCode, string? Tagline, IReadOnlyList<string> Hosts, bool IsSample, string Url, string? MemberUrl);

/// <summary>
/// <c>/api/v1/tenants</c>: the public facts of the active member sites (a disabled site is not
/// listed and its name is a 404), from the in-memory tenant catalog, in name order.
/// </summary>
public static class TenantApi
{
    public static RouteGroupBuilder MapTenantApi(this RouteGroupBuilder api)
    {
        api.MapGet("/tenants", List)
            .Describe("listTenants", "tenants", "会員サイトの一覧",
                "公開中の会員サイト（自治体ごとのサイト）の名前・表示名・団体コード・ホスト名を、名前の順に返します。",
                ApiExamples.TenantList)
            .Produces<ApiPage<TenantSummary>>().ProducesProblem(400);
        api.MapGet("/tenants/{name}", Get)
            .Describe("getTenant", "tenants", "会員サイトの情報",
                "サイト名（URL の /{name}/ の部分）で会員サイトの公開情報を返します。",
                ApiExamples.Tenant)
            .Produces<TenantSummary>().ProducesProblem(404);
        return api;
    }

    public sealed class TenantListParameters
    {
        [System.ComponentModel.Description("1ページの件数（1〜100、既定 20）")] public string? limit { get; init; }
        [System.ComponentModel.Description("前のレスポンスの next")] public string? cursor { get; init; }
    }

    private static async Task<IResult> List([AsParameters] TenantListParameters parameters, HttpContext http, TenantCatalog catalog, CancellationToken ct)
    {
        var request = http.Request;
        var list = new ApiListRequest(request, []);
        string? after = null;
        if (list.Paging("tenants", key => ApiPaging.TryRead(key, 0, out after!)) is not { } paging)
            return list.Problem();
        var rows = (await catalog.AllAsync(ct)).Where(t => t.IsActive && !t.IsHub)
            .Where(t => after is null || string.CompareOrdinal(t.Name, after) > 0)
            .OrderBy(t => t.Name, StringComparer.Ordinal).Take(paging.Limit + 1).ToList();
        return paging.Send(request, "tenants", rows, t => Summary(request, t), t => [t.Name]);
    }

    private static TenantSummary Summary(HttpRequest request, TenantSnapshot t) =>
        new(t.Name, t.DisplayName, t.MemberCode, t.Tagline, t.Hosts, t.IsSample, ApiLinks.Absolute(request, $"/{t.Name}/"),
            t.MemberCode is null ? null : ApiLinks.Absolute(request, $"/api/v1/members/{t.MemberCode}"));

    private static async Task<IResult> Get([System.ComponentModel.Description("サイト名")] string name, HttpContext http, TenantCatalog catalog, CancellationToken ct) =>
        await catalog.FindByNameAsync(name, ct) is { IsActive: true, IsHub: false } t
            ? ApiJson.Ok(Summary(http.Request, t))
            : ApiProblems.NotFound($"サイト「{name}」はありません。");
}
