
namespace NpoMunicipalNetwork.News;

public sealed record PublicNewsListModel(string SiteName, IReadOnlyList<NewsLink> Items, Pager Pager, bool AllSites);

public sealed record NewsViewModel(string Title, string BodyHtml, DateTime PublishedUtc, DateTime UpdatedUtc, bool IsSample, Departments.ContactBlock? Contact, int Id);

/// <summary>Public news: a site's own at <c>/news</c>; on the hub, <c>/news</c> lists every site's, newest first.</summary>
public static class NewsEndpoints
{
    public static IEndpointRouteBuilder MapNews(this IEndpointRouteBuilder app)
    {
        app.MapGet("/news", List);
        app.MapGet("/news/{id:int}", Show);
        return app;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var list = new ListQuery(http.Request, "/news", [], "");
        // The hub's list is the network's: its own news and every member's.
        int? only = tenant.Tenant.IsHub ? null : tenant.TenantId;
        var total = await PublishedNews.CountAsync(db, only, ct);
        var items = await PublishedNews.LatestAsync(db, only, (list.Page - 1) * ListQuery.PageSize, ListQuery.PageSize, ct);
        var title = tenant.Tenant.IsHub ? "お知らせ（ネットワーク全体）" : "お知らせ";
        return ThemeResults.View("news/list", new PublicNewsListModel(tenant.Tenant.DisplayName, items, list.Pager(total), tenant.Tenant.IsHub),
            new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(title)]));
    }

    private static async Task<IResult> Show(int id, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var item = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.IsPublished, ct);
        if (item is null)
            return ThemeResults.NotFound();
        return ThemeResults.View("news/show",
            new NewsViewModel(item.Title, item.BodyHtml, item.PublishedUtc ?? item.UpdatedUtc, item.UpdatedUtc, item.IsSample,
                await Departments.ContactBlocks.ForAsync(db, item.TenantId, item.OwnerDepartmentId, ct), item.Id),
            new PageMeta(item.Title, [new Breadcrumb("ホーム", "/"), new Breadcrumb("お知らせ", "/news"), new Breadcrumb(item.Title)]));
    }
}
