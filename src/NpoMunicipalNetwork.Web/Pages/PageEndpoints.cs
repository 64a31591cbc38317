
namespace NpoMunicipalNetwork.Pages;

public sealed record PageViewModel(string Title, string BodyHtml, DateTime? PublishedUtc, DateTime UpdatedUtc, bool IsSample, Departments.ContactBlock? Contact, int Id = 0);

/// <summary>Public reading of a site's pages; only published pages of the current tenant are found.</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pages/{slug}", Show);
        return app;
    }

    private static async Task<IResult> Show(string slug, HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (PageContentType.ValidateSlug(slug) is not null)
            return ThemeResults.NotFound();
        var page = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsPublished, ct);
        if (page is null)
            return ThemeResults.NotFound();
        // A cached copy must not outlive the page's scheduled close.
        if (page.CloseAtUtc is { } close && http.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } cache)
        {
            var left = close - clock.GetUtcNow().UtcDateTime;
            if (left <= TimeSpan.Zero)
                cache.Context.AllowCacheStorage = false;
            else if (cache.Context.ResponseExpirationTimeSpan is not { } expiry || left < expiry)
                cache.Context.ResponseExpirationTimeSpan = left;
        }
        return ThemeResults.View("pages/show",
            new PageViewModel(page.Title, page.BodyHtml, page.PublishedUtc, page.UpdatedUtc, page.IsSample, await Departments.ContactBlocks.ForAsync(db, page.TenantId, page.OwnerDepartmentId, ct), page.Id),
            new PageMeta(page.Title, page.ParentId is null ? [new Breadcrumb("ホーム", "/"), new Breadcrumb(page.Title)]
                : PageMenu.Trail(await PageMenu.LoadAsync(db, ct), new PageMenu.MenuPage(page.Id, page.ParentId, page.Order, page.Slug, page.Title, true))));
    }
}
