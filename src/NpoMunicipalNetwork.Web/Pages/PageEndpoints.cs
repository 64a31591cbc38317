using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Pages;

public sealed record PageViewModel(string Title, string BodyHtml, DateTime? PublishedUtc, DateTime UpdatedUtc, bool IsSample);

/// <summary>Public reading of a site's pages; only published pages of the current tenant are found.</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pages/{slug}", Show);
        return app;
    }

    private static async Task<IResult> Show(string slug, NetworkDbContext db, CancellationToken ct)
    {
        if (PageContentType.ValidateSlug(slug) is not null)
            return ThemeResults.NotFound();
        var page = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsPublished, ct);
        if (page is null)
            return ThemeResults.NotFound();
        return ThemeResults.View("pages/show",
            new PageViewModel(page.Title, page.BodyHtml, page.PublishedUtc, page.UpdatedUtc, page.IsSample),
            new PageMeta(page.Title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(page.Title)]));
    }
}
