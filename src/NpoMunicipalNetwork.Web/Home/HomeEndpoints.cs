using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Members;
using NpoMunicipalNetwork.Pages;

namespace NpoMunicipalNetwork.Home;

/// <summary>The top page: the network's home on the hub, a member's home on its site.</summary>
public static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http, TenantContext tenant, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock, CancellationToken ct) =>
            tenant.Tenant.IsHub ? HubHome(http, db, catalog, clock, ct) : TenantHome(http, tenant.Tenant, db, clock, ct));
        return app;
    }

    private static async Task<IResult> HubHome(HttpContext http, NetworkDbContext db, TenantCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var memberCount = await db.Memberships.CountAsync(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today), ct);
        var governmentCount = await db.Governments.CountAsync(ct);

        // With a site for every government the full list would be hundreds of kilobytes: show the newest few.
        var allSites = (await catalog.AllAsync(ct)).Where(t => !t.IsHub && t.IsActive).ToList();
        var sites = allSites.OrderByDescending(t => t.Id).Take(HubHomeModel.SitesShown).ToList();
        var codes = sites.Where(s => s.MemberCode != null).Select(s => s.MemberCode!).ToList();
        var prefectures = await db.Governments.AsNoTracking().Where(g => codes.Contains(g.Code))
            .Select(g => new { g.Code, g.PrefectureCode, g.PrefectureName, g.Kana }).ToDictionaryAsync(g => g.Code, ct);
        var links = sites
            .OrderBy(s => s.MemberCode is { } c && prefectures.TryGetValue(c, out var p) ? p.PrefectureCode : "99")
            .ThenBy(s => s.MemberCode is { } c && prefectures.TryGetValue(c, out var p) ? p.Kana : s.Name)
            .Select(s => new MemberSiteLink(s.DisplayName, $"{http.Request.PathBase}/{s.Name}/",
                s.MemberCode is { } c && prefectures.TryGetValue(c, out var p) ? p.PrefectureName : null, s.IsSample))
            .ToList();

        return ThemeResults.View("home/hub", new HubHomeModel(memberCount, governmentCount, today, links, allSites.Count, (await ForumDirectory.AllAsync(db, catalog, ct)).Reverse().ToList(), // oldest first: the network's history
            await CrossTenantPages.LatestPublishedAsync(db, 5, ct), await LatestCasesAsync(db, null, ct),
            await News.PublishedNews.LatestAsync(db, null, 0, 8, ct), await Reports.PublishedReports.FeaturedForHubAsync(db, ct)),
            new PageMeta("ホーム", Description: "NPO活動を推進する全国の都道府県・市区町村が、施策の情報交換と共同研究を行うネットワークです。"));
    }

    private static async Task<IReadOnlyList<Cases.CaseCard>> LatestCasesAsync(NetworkDbContext db, int? tenantId, CancellationToken ct)
    {
        var cases = Cases.PublishedCases.All(db);
        if (tenantId is { } id)
            cases = cases.Where(c => c.TenantId == id);
        var ids = await cases.OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id).Take(5).Select(c => c.Id).ToListAsync(ct);
        return await Cases.CaseCards.ForAsync(db, ids, ct);
    }

    private static async Task<IResult> TenantHome(HttpContext http, TenantSnapshot tenant, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var government = tenant.MemberCode is null ? null
            : await db.Governments.AsNoTracking().Include(g => g.Membership).FirstOrDefaultAsync(g => g.Code == tenant.MemberCode, ct);
        var pages = await db.Pages.AsNoTracking()
            .Where(p => p.IsPublished && p.Slug != HomeOverview.Slug)
            .OrderBy(p => p.Order).ThenBy(p => p.Id)
            .Select(p => new { p.Title, p.Slug })
            .ToListAsync(ct);
        // The overview is the published live copy of the reserved page: sanitised HTML rendered when it was published.
        var overview = await db.Pages.AsNoTracking().Where(p => p.Slug == HomeOverview.Slug && p.IsPublished)
            .Select(p => new OverviewModel(p.Title, p.BodyHtml)).FirstOrDefaultAsync(ct);
        var links = await db.HomeLinks.AsNoTracking().OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new PageLinkModel(l.Title, l.Url)).ToListAsync(ct);
        var m = government?.Membership;
        var basePath = http.Request.PathBase.Value;

        var model = new TenantHomeModel(
            tenant.DisplayName,
            tenant.Tagline,
            tenant.IsSample,
            government?.Name,
            government?.Kana,
            government?.Kind.Japanese(),
            government?.PrefectureName,
            government?.WebsiteUrl,
            // A hub path: the template turns it into a link with hub_url, which knows where the hub lives.
            government is null ? null : $"/members/{government.Code}",
            m is not null && m.IsMemberOn(clock.Today()),
            m?.JoinedOn,
            m?.DepartmentName,
            m?.ContactPhone,
            m?.ContactEmail,
            m?.ContactAddress,
            pages.Select(p => new PageLinkModel(p.Title, $"{basePath}/pages/{p.Slug}")).ToList(),
            await LatestCasesAsync(db, tenant.Id, ct),
            await News.PublishedNews.LatestAsync(db, tenant.Id, 0, 5, ct),
            overview,
            links);

        return ThemeResults.View("home/tenant", model, new PageMeta("ホーム", Description: tenant.Tagline));
    }
}
