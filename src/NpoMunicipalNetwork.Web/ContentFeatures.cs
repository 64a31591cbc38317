using NpoMunicipalNetwork.Accounts;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Admin;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Cases.Exchange;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Infrastructure.Features;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Search.Cases;
using NpoMunicipalNetwork.Search.Site;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork;

// TEMPORARY: the wiring of the content types (pages, cases, news, reports) while their folders are being
// rewritten. Each class moves into its folder (Pages/PagesFeature.cs, …) when that rewrite is merged.

/// <summary>Pages of a site, its page menu, and their workflow.</summary>
public sealed class PagesFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<IContentTypeHandler, PageContentType>();
        services.AddScoped<PageWorkflow>();
        services.AddSingleton<WorkflowContentType, PageContentWorkflowType>();
        services.AddSingleton<ISearchSource, PageSiteSource>();
        services.AddSingleton<ISiteNavigationSource, PageMenuNavigation>();
        services.AddSingleton<IDashboardSource, PageDashboard>();
        services.AddSingleton<IDepartmentContent, PageDepartmentContent>();
        services.AddAdminMenuItem(new("ページ", "/admin/pages", Permissions.EditOwnContent, Order: 20));
        services.AddAdminMenuItem(new("メニュー", "/admin/menu", Permissions.EditOwnContent, Order: 30, MemberSiteOnly: true));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapPages();

    public override void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapPageAdmin();
        admin.MapMenuAdmin();
        admin.MapWorkflow<PageContentWorkflowType>();
    }
}

/// <summary>Policy cases: the case pages, search, export/import, vocabulary, workflow, recipe step and search sources.</summary>
public sealed class CasesFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<IContentTypeHandler, PolicyCaseContentType>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseSaver>();
        services.AddSingleton<WorkflowContentType, CaseContentWorkflowType>();
        services.AddScoped<CaseImport>();
        services.AddSingleton<CaseImportJobs>();
        services.AddHostedService<CaseImportWorker>();
        services.AddScoped<IRecipeStep, CaseVocabularyStep>();
        services.AddSingleton<ISearchSource, CaseSearchSource>();
        services.AddSingleton<ISearchSource, CaseSiteSource>();
        services.AddSingleton<CaseSearch>();
        services.AddScoped<ICaseFinder, LuceneCaseFinder>();
        services.AddSiteNavigation(new PublishedContentNavigation<PolicyCase>("政策事例", "/cases", HubOrder: 20, MemberSiteOrder: 30, c => c.IsPublished));
        services.AddAdminMenuItem(new("政策事例", "/admin/cases", Permissions.EditOwnContent, Order: 50, MemberSiteOnly: true));
        services.AddAdminMenuItem(new("政策事例の一括登録", "/admin/cases/import", Permissions.EditOwnContent, Order: 80, MemberSiteOnly: true));
        services.AddAdminMenuItem(new("事例の分類", "/admin/vocabulary", Permissions.ManageCaseVocabulary, Order: 170));
    }

    public override void MapRoutes(IEndpointRouteBuilder app)
    {
        app.MapCaseSearch();
        app.MapCases();
        app.MapCaseExchange();
    }

    public override void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapCaseAdmin();
        admin.MapVocabularyAdmin();
        admin.MapWorkflow<CaseContentWorkflowType>();
        admin.MapCaseImport();
    }
}

/// <summary>News items and their workflow.</summary>
public sealed class NewsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<NewsWorkflow>();
        services.AddSingleton<WorkflowContentType, NewsContentWorkflowType>();
        services.AddSingleton<ISearchSource, NewsSiteSource>();
        services.AddSiteNavigation(new PublishedContentNavigation<NewsItem>("お知らせ", "/news", HubOrder: 30, MemberSiteOrder: 20, n => n.IsPublished));
        services.AddAdminMenuItem(new("お知らせ", "/admin/news", Permissions.EditOwnContent, Order: 60));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapNews();

    public override void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapNewsAdmin();
        admin.MapWorkflow<NewsContentWorkflowType>();
    }
}

/// <summary>Research reports (調査研究報告書) and their workflow.</summary>
public sealed class ReportsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<ReportWorkflow>();
        services.AddScoped<ReportSaver>();
        services.AddSingleton<WorkflowContentType, ReportContentWorkflowType>();
        services.AddSingleton<ISearchSource, ReportSiteSource>();
        services.AddSiteNavigation(new HubNavLink("報告書", "/reports", Order: 60));
        services.AddAdminMenuItem(new("調査研究報告書", "/admin/reports", Permissions.EditOwnContent, Order: 90));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapReports();

    public override void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapReportAdmin();
        admin.MapWorkflow<ReportContentWorkflowType>();
    }
}

/// <summary>A member site's page menu (arranged at /admin/menu, nested) in its navigation; eight top-level entries fit the header.</summary>
public sealed class PageMenuNavigation : ISiteNavigationSource
{
    public async Task<IEnumerable<SiteNavEntry>> EntriesAsync(SiteNavigationContext site)
    {
        if (site.Tenant.IsHub)
            return [];
        var db = site.Http.RequestServices.GetRequiredService<NetworkDbContext>();
        var menu = PageMenu.PublicItems(await PageMenu.LoadAsync(db, site.Http.RequestAborted), site.BasePath, site.Path);
        return menu.Take(8).Select(item => new SiteNavEntry(10, item));
    }
}

/// <summary>A section of the hub's navigation that a member site shows once it has published something in it.</summary>
public sealed record PublishedContentNavigation<T>(string Title, string Path, int HubOrder, int MemberSiteOrder,
    Expression<Func<T, bool>> IsPublished) : ISiteNavigationSource where T : class
{
    public async Task<IEnumerable<SiteNavEntry>> EntriesAsync(SiteNavigationContext site)
    {
        if (site.Tenant.IsHub)
            return [new SiteNavEntry(HubOrder, new NavItem(Title, Path, site.Path.StartsWith(Path, StringComparison.Ordinal)))];
        var db = site.Http.RequestServices.GetRequiredService<NetworkDbContext>();
        return await db.Set<T>().AnyAsync(IsPublished, site.Http.RequestAborted) ? [new SiteNavEntry(MemberSiteOrder, site.Link(Title, Path))] : [];
    }
}

/// <summary>The pages the editor may edit, on the dashboard: drafts, remanded, scheduled, closing within a week, recent.</summary>
public sealed class PageDashboard : IDashboardSource
{
    public async Task AddAsync(DashboardContext context, DashboardLists lists, CancellationToken ct)
    {
        if (!context.CanEditContent)
            return;
        var scope = context.Scope;
        var mine = scope.DepartmentIds.ToList();
        var editable = context.Db.Pages.AsNoTracking().Where(p => scope.All || (p.OwnerDepartmentId != null && mine.Contains(p.OwnerDepartmentId.Value)));
        var basePath = context.Http.Request.PathBase.Value;
        var soon = context.NowUtc.AddDays(7);

        async Task<IReadOnlyList<DashboardItem>> Items(IQueryable<Page> q) =>
            (await q.OrderByDescending(p => p.UpdatedUtc).Take(10).Select(p => new { p.Id, p.Title, p.UpdatedUtc, p.OwnerDepartmentId }).ToListAsync(ct))
            .Select(p => new DashboardItem(p.Title, $"{basePath}/admin/pages/{p.Id}", p.UpdatedUtc,
                p.OwnerDepartmentId is { } d ? context.Departments.GetValueOrDefault(d) : null)).ToList();

        lists.Drafts.AddRange(await Items(editable.Where(p => p.WorkflowState == WorkflowState.Draft)));
        lists.Remanded.AddRange(await Items(editable.Where(p => p.WorkflowState == WorkflowState.Remanded)));
        lists.Scheduled.AddRange(await Items(editable.Where(p => p.WorkflowState == WorkflowState.Scheduled)));
        lists.ClosingSoon.AddRange(await Items(editable.Where(p => p.IsPublished && p.CloseAtUtc != null && p.CloseAtUtc <= soon)));
        lists.Recent.AddRange(await Items(editable));
    }
}

/// <summary>Pages have an owner department: counted, moved on a merge, and keeping a department from being deleted.</summary>
public sealed class PageDepartmentContent : IDepartmentContent
{
    public string Label => "ページ";

    public async Task<IReadOnlyDictionary<int, int>> CountByDepartmentAsync(NetworkDbContext db, CancellationToken ct) =>
        await db.Pages.Where(p => p.OwnerDepartmentId != null).GroupBy(p => p.OwnerDepartmentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public Task<int> CountAsync(NetworkDbContext db, int departmentId, CancellationToken ct) =>
        db.Pages.CountAsync(p => p.OwnerDepartmentId == departmentId, ct);

    public async Task<int> ReassignAsync(NetworkDbContext db, int from, int to, CancellationToken ct)
    {
        var pages = await db.Pages.Where(p => p.OwnerDepartmentId == from).ToListAsync(ct);
        foreach (var page in pages)
            page.OwnerDepartmentId = to;
        return pages.Count;
    }
}
