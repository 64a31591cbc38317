using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Pages;

/// <summary>The owning unit's public contact block (問い合わせ先), with its parent units for the full name.</summary>
public sealed record ContactBlock(string Name, string? Phone, string? Fax, string? Email);

public sealed record PageViewModel(string Title, string BodyHtml, DateTime? PublishedUtc, DateTime UpdatedUtc, bool IsSample, ContactBlock? Contact);

/// <summary>Public reading of a site's pages; only published pages of the current tenant are found.</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/pages/{slug}", Show);
        return app;
    }

    private static async Task<ContactBlock?> ContactOf(NetworkDbContext db, int? departmentId, CancellationToken ct)
    {
        if (departmentId is null)
            return null;
        var all = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.Name, d.Phone, d.Fax, d.Email }).ToListAsync(ct);
        var unit = all.FirstOrDefault(d => d.Id == departmentId);
        if (unit is null)
            return null;
        var names = new List<string>();
        for (var d = unit; d is not null; d = all.FirstOrDefault(x => x.Id == d.ParentId))
            names.Insert(0, d.Name);
        return new ContactBlock(string.Join(" ", names), unit.Phone, unit.Fax, unit.Email);
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
            new PageViewModel(page.Title, page.BodyHtml, page.PublishedUtc, page.UpdatedUtc, page.IsSample, await ContactOf(db, page.OwnerDepartmentId, ct)),
            new PageMeta(page.Title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(page.Title)]));
    }
}
