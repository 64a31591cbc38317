using NpoMunicipalNetwork.News;

namespace NpoMunicipalNetwork.Api;

public sealed record NewsSummary(int Id, string Title, ApiSiteRef Site, bool IsSample, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, string Url);

public sealed record NewsDetail(int Id, string Title, ApiSiteRef Site, bool IsSample, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, string Url,
    string BodyHtml, ApiContact? Contact);

/// <summary>
/// <c>/api/v1/news</c>: published news of the hub and of every active member site, newest first
/// (the hub's "news from the whole network"); <c>site</c> limits it to one site.
/// </summary>
public static class NewsApi
{
    public static RouteGroupBuilder MapNewsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/news", List)
            .Describe("listNews", "news", "お知らせの一覧",
                "ネットワーク（ハブ）と公開中の会員サイトのお知らせを、公開日時の新しい順に返します。site（サイト名、ハブは hub）で1つのサイトに絞り込めます。",
                ApiExamples.NewsList)
            .Produces<ApiPage<NewsSummary>>().ProducesProblem(400);
        api.MapGet("/news/{id:int}", Get)
            .Describe("getNews", "news", "お知らせを1件取得する",
                "公開中のお知らせの本文（サニタイズ済みの HTML）と問い合わせ先を返します。",
                ApiExamples.NewsDetail)
            .Produces<NewsDetail>().ProducesProblem(404);
        return api;
    }

    public sealed class NewsListParameters
    {
        [System.ComponentModel.Description("サイト名（ハブは hub）")] public string? site { get; init; }
        [System.ComponentModel.Description("1ページの件数（1〜100、既定 20）")] public string? limit { get; init; }
        [System.ComponentModel.Description("前のレスポンスの next")] public string? cursor { get; init; }
    }

    /// <summary>Published news of active sites, read across tenants on purpose (as <see cref="PublishedNews"/> does).</summary>
    private static IQueryable<NewsItem> Published(NetworkDbContext db) =>
        db.NewsItems.IgnoreQueryFilters().AsNoTracking()
            .Where(n => n.IsPublished && n.PublishedUtc != null)
            .Where(n => db.Tenants.Any(t => t.Id == n.TenantId && t.Status == TenantStatus.Active));

    private static async Task<IResult> List([AsParameters] NewsListParameters parameters, HttpContext http, NetworkDbContext db, TenantCatalog catalog, CancellationToken ct)
    {
        var request = http.Request;
        var list = new ApiListRequest(request, ["site"]);
        var siteName = list.Single("site", "サイト");
        var site = siteName is null ? null : await catalog.FindByNameAsync(siteName, ct);
        if (siteName is not null && site is not { IsActive: true })
            list.Errors["site"] = [$"サイト（site）「{siteName}」はありません。"];
        DateTime? afterTime = null;
        long afterId = 0;
        bool ReadKey(System.Text.Json.JsonElement[] key)
        {
            if (!(ApiPaging.TryRead(key, 0, out long ticks) && ApiPaging.TryRead(key, 1, out afterId) && ticks > 0 && ticks < DateTime.MaxValue.Ticks))
                return false;
            afterTime = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
        if (list.Paging("news", ReadKey) is not { } paging)
            return list.Problem();

        var news = Published(db);
        if (site is not null)
            news = news.Where(n => n.TenantId == site.Id);
        if (afterTime is { } t)
            news = news.Where(n => n.PublishedUtc < t || (n.PublishedUtc == t && n.Id < afterId));
        var rows = await news.OrderByDescending(n => n.PublishedUtc).ThenByDescending(n => n.Id).Take(paging.Limit + 1)
            .Select(n => new { n.Id, n.TenantId, n.Title, n.IsSample, PublishedUtc = n.PublishedUtc!.Value, n.UpdatedUtc }).ToListAsync(ct);
        var sites = await ApiSites.LoadAsync(db, rows.Select(n => n.TenantId), ct);
        return paging.Send(request, "news", rows,
            n => Summary(request, sites[n.TenantId], n.Id, n.Title, n.IsSample, n.PublishedUtc, n.UpdatedUtc),
            n => [DateTime.SpecifyKind(n.PublishedUtc, DateTimeKind.Utc).Ticks, n.Id]);
    }

    private static NewsSummary Summary(HttpRequest request, ApiSites.SiteFacts site, int id, string title, bool isSample, DateTime published, DateTime updated) =>
        new(id, title, ApiLinks.Site(request, site.Name, site.DisplayName, site.IsHub), isSample, ApiLinks.Utc(published), ApiLinks.Utc(updated),
            ApiLinks.Absolute(request, site.IsHub ? $"/news/{id}" : $"/{site.Name}/news/{id}"));

    private static async Task<IResult> Get([System.ComponentModel.Description("お知らせの id")] int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var n = await Published(db).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null)
            return ApiProblems.NotFound($"お知らせ {id} は公開されていません。");
        var site = (await ApiSites.LoadAsync(db, [n.TenantId], ct))[n.TenantId];
        var s = Summary(http.Request, site, n.Id, n.Title, n.IsSample, n.PublishedUtc!.Value, n.UpdatedUtc);
        var contact = await Departments.ContactBlocks.ForAsync(db, n.TenantId, n.OwnerDepartmentId, ct);
        return ApiJson.Ok(new NewsDetail(s.Id, s.Title, s.Site, s.IsSample, s.PublishedAt, s.UpdatedAt, s.Url, n.BodyHtml,
            contact is null ? null : new ApiContact(contact.Name, contact.Phone, contact.Fax, contact.Email)), version: Api.Writes.ApiPublication.CurrentVersion(n));
    }
}
