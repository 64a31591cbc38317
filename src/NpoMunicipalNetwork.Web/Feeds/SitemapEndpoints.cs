using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.News;
using System.Xml.Linq;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Feeds;

/// <summary>
/// <c>/sitemap.xml</c> lists the published pages of the site it is asked on (the hub's own pages, or a
/// member site's) and nothing else; <c>/robots.txt</c> points crawlers at the hub's sitemap and every
/// member site's, and keeps them out of the admin and account areas.
/// </summary>
public static class SitemapEndpoints
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", Sitemap);
        app.MapGet("/robots.txt", Robots);
        return app;
    }

    private static async Task<IResult> Sitemap(HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct)
    {
        var request = http.Request;
        string Url(string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
        var entries = new List<(string Path, DateTime? Modified)> { ("/", null), ("/news", null), ("/cases", null) };
        if (tenant.Tenant.IsHub)
        {
            entries.Add(("/members", null));
            entries.Add(("/cases/adopted", null));
            var members = await db.Memberships.AsNoTracking().Select(m => m.GovernmentCode).OrderBy(c => c).ToListAsync(ct);
            entries.AddRange(members.Select(code => ($"/members/{code}", (DateTime?)null)));
        }
        entries.AddRange((await db.Pages.AsNoTracking().Where(p => p.IsPublished).Select(p => new { p.Slug, p.UpdatedUtc }).ToListAsync(ct))
            .Select(p => ($"/pages/{p.Slug}", (DateTime?)p.UpdatedUtc)));
        entries.AddRange((await db.NewsItems.AsNoTracking().Where(n => n.IsPublished).Select(n => new { n.Id, n.UpdatedUtc }).ToListAsync(ct))
            .Select(n => ($"/news/{n.Id}", (DateTime?)n.UpdatedUtc)));
        // A case's own address is on its member's site; the hub's copy points there as canonical.
        if (!tenant.Tenant.IsHub)
            entries.AddRange((await PublishedCases.All(db).Where(c => c.TenantId == tenant.TenantId).Select(c => new { c.Id, c.UpdatedUtc }).ToListAsync(ct))
                .Select(c => ($"/cases/{c.Id}", (DateTime?)c.UpdatedUtc)));
        var xml = new XDocument(new XElement(Ns + "urlset", entries.Select(e => new XElement(Ns + "url",
            new XElement(Ns + "loc", Url(e.Path)),
            e.Modified is { } m ? new XElement(Ns + "lastmod", m.ToString("yyyy-MM-dd")) : null))));
        return Results.Text(xml.Declaration + xml.ToString(SaveOptions.DisableFormatting), "application/xml; charset=utf-8");
    }

    private static async Task<IResult> Robots(HttpContext http, TenantCatalog catalog, TenantContext tenant, CancellationToken ct)
    {
        var request = http.Request;
        var origin = $"{request.Scheme}://{request.Host}";
        var lines = new List<string> { "User-agent: *", "Disallow: /admin", "Disallow: /account", "Disallow: /setup", "Disallow: /display", "" };
        if (tenant.Tenant.IsHub)
        {
            lines.Add($"Sitemap: {origin}/sitemap.xml");
            // Member sites served under the hub's host have their sitemap below their prefix.
            foreach (var site in (await catalog.AllAsync(ct)).Where(t => !t.IsHub && t.IsActive).OrderBy(t => t.Name))
                lines.Add($"Sitemap: {origin}/{site.Name}/sitemap.xml");
        }
        else
            lines.Add($"Sitemap: {origin}{request.PathBase}/sitemap.xml");
        return Results.Text(string.Join('\n', lines) + "\n", "text/plain; charset=utf-8");
    }
}
