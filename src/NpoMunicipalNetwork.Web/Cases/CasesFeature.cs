using NpoMunicipalNetwork.Cases.Exchange;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Search.Cases;
using NpoMunicipalNetwork.Search.Site;

namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// Policy cases (政策事例), a content type of member sites: the case pages and the network's case database
/// (<c>/cases</c>, its faceted search), export and import, the vocabulary, the recipe content and step.
/// </summary>
public sealed class CasesFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddContentType<CaseContentWorkflowType, PolicyCase, CaseWorkflow>();
        services.AddScoped<IContentTypeHandler, PolicyCaseContentType>();
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
        admin.MapContentAdmin(new CaseContentWorkflowType());
        admin.MapVocabularyAdmin();
        admin.MapCaseImport();
    }
}
