using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Admin;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Cases.Exchange;
using NpoMunicipalNetwork.Infrastructure.Features;
using NpoMunicipalNetwork.News;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Reports;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Search.Cases;
using NpoMunicipalNetwork.Search.Site;

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
        services.AddAdminMenuItem(new("調査研究報告書", "/admin/reports", Permissions.EditOwnContent, Order: 90));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapReports();

    public override void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapReportAdmin();
        admin.MapWorkflow<ReportContentWorkflowType>();
    }
}
