using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Api;

public sealed record MemberSummary(
    string Code, string Name, string Kana, ApiTerm Kind, ApiTerm Prefecture, bool IsMember,
    DateOnly? JoinedOn, DateOnly? LeftOn, string? WebsiteUrl, ApiSiteRef? Site, string Url);

public sealed record MemberDetail(
    string Code, string Name, string Kana, ApiTerm Kind, ApiTerm Prefecture, bool IsMember,
    DateOnly? JoinedOn, DateOnly? LeftOn, string? WebsiteUrl, ApiSiteRef? Site, string Url,
    ApiTerm? Parent, string? DepartmentName, string? ContactPhone, string? ContactEmail, string? ContactAddress, bool IsSample);

/// <summary>
/// <c>/api/v1/members</c>: the member directory (current members, or with <c>scope=all</c> every
/// government in the registry, as the HTML directory offers), in local-government-code order.
/// </summary>
public static class MemberApi
{
    private static readonly string[] QueryKeys = ["pref", "kind", "scope"];

    public static RouteGroupBuilder MapMemberApi(this RouteGroupBuilder api)
    {
        api.MapGet("/members", List)
            .Describe("listMembers", "members", "会員団体の一覧",
                "ネットワークの現在の会員団体を地方公共団体コード順に返します。scope=all で名簿の全団体（会員でない団体を含む）。pref（01〜47）と kind で絞り込めます。",
                ApiExamples.MemberList)
            .Produces<ApiPage<MemberSummary>>().ProducesProblem(400);
        api.MapGet("/members/{code}", Get)
            .Describe("getMember", "members", "団体の情報",
                "地方公共団体コード（6桁、検査数字つき）で団体の公開情報と会員としての登録内容を返します。",
                ApiExamples.MemberDetail)
            .Produces<MemberDetail>().ProducesProblem(400).ProducesProblem(404);
        return api;
    }

    public sealed class MemberListParameters
    {
        [System.ComponentModel.Description("都道府県コード 01〜47")] public string? pref { get; init; }
        [System.ComponentModel.Description("団体の種類: prefecture・designated-city・ward・city・special-ward・town・village")] public string? kind { get; init; }
        [System.ComponentModel.Description("members（既定、現在の会員）または all（名簿の全団体）")] public string? scope { get; init; }
        [System.ComponentModel.Description("1ページの件数（1〜100、既定 20）")] public string? limit { get; init; }
        [System.ComponentModel.Description("前のレスポンスの next")] public string? cursor { get; init; }
    }

    private static async Task<IResult> List([AsParameters] MemberListParameters parameters, HttpContext http, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var request = http.Request;
        var list = new ApiListRequest(request, QueryKeys);
        var pref = list.Single("pref", "都道府県");
        if (pref is not null && (pref.Length != 2 || !int.TryParse(pref, out var p) || p is < 1 or > 47))
            list.Errors["pref"] = [$"都道府県（pref）「{pref}」は 01〜47 の2桁で指定してください。"];
        var kindSlug = list.Single("kind", "団体の種類");
        var kind = GovernmentKindNames.FromSlug(kindSlug);
        if (kindSlug is not null && kind is null)
            list.Errors["kind"] = [$"団体の種類（kind）「{kindSlug}」は使えません。使える値: {string.Join(", ", Enum.GetValues<GovernmentKind>().Select(k => k.Slug()))}"];
        var scope = list.Single("scope", "表示範囲");
        if (scope is not null and not ("all" or "members"))
            list.Errors["scope"] = [$"表示範囲（scope）「{scope}」は members か all で指定してください。"];
        string? afterCode = null;
        if (list.Paging("members", key => ApiPaging.TryRead(key, 0, out afterCode!)) is not { } paging)
            return list.Problem();

        var today = clock.Today();
        var governments = db.Governments.AsNoTracking();
        if (scope != "all")
            governments = governments.Where(g => g.Membership != null && g.Membership.JoinedOn <= today && (g.Membership.LeftOn == null || g.Membership.LeftOn > today));
        if (pref is not null)
            governments = governments.Where(g => g.PrefectureCode == pref);
        if (kind is not null)
            governments = governments.Where(g => g.Kind == kind);
        if (afterCode is not null)
            governments = governments.Where(g => string.Compare(g.Code, afterCode) > 0);
        var rows = await governments.OrderBy(g => g.Code).Take(paging.Limit + 1).Include(g => g.Membership).ToListAsync(ct);
        var sites = await SitesByMemberAsync(catalog, ct);
        return paging.Send(request, "members", rows, g => Summary(request, g, sites, today), g => [g.Code]);
    }

    internal static async Task<Dictionary<string, TenantSnapshot>> SitesByMemberAsync(TenantCatalog catalog, CancellationToken ct) =>
        (await catalog.AllAsync(ct)).Where(t => t.IsActive && !t.IsHub && t.MemberCode is not null)
            .GroupBy(t => t.MemberCode!).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Id).First());

    private static MemberSummary Summary(HttpRequest request, Government g, Dictionary<string, TenantSnapshot> sites, DateOnly today) =>
        new(g.Code, g.Name, g.Kana, new ApiTerm(g.Kind.Slug(), g.Kind.Japanese()), new ApiTerm(g.PrefectureCode, g.PrefectureName),
            g.Membership?.IsMemberOn(today) ?? false, g.Membership?.JoinedOn, g.Membership?.LeftOn, g.WebsiteUrl,
            sites.TryGetValue(g.Code, out var s) ? ApiLinks.Site(request, s.Name, s.DisplayName, false) : null,
            ApiLinks.Absolute(request, $"/members/{g.Code}"));

    private static async Task<IResult> Get([System.ComponentModel.Description("地方公共団体コード（6桁）")] string code, HttpContext http, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        if (LocalGovernmentCode.Validate(code) is { } error)
            return ApiProblems.BadRequest("code", error);
        var g = await db.Governments.AsNoTracking().Include(x => x.Membership).FirstOrDefaultAsync(x => x.Code == code, ct);
        if (g is null)
            return ApiProblems.NotFound($"地方公共団体コード「{code}」の団体は名簿にありません。");
        var parent = g.ParentCode is null ? null : await db.Governments.AsNoTracking().FirstOrDefaultAsync(x => x.Code == g.ParentCode, ct);
        var s = Summary(http.Request, g, await SitesByMemberAsync(catalog, ct), clock.Today());
        var m = g.Membership;
        return ApiJson.Ok(new MemberDetail(s.Code, s.Name, s.Kana, s.Kind, s.Prefecture, s.IsMember, s.JoinedOn, s.LeftOn, s.WebsiteUrl, s.Site, s.Url,
            parent is null ? null : new ApiTerm(parent.Code, parent.Name), m?.DepartmentName, m?.ContactPhone, m?.ContactEmail, m?.ContactAddress, m?.IsSample ?? false));
    }
}
