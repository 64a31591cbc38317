using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Search.Site;

namespace NpoMunicipalNetwork.Pages;

/// <summary>Free pages of a site (a content type), the site's page menu, and their recipe content.</summary>
public sealed class PagesFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddContentType<PageContentWorkflowType, Page, PageWorkflow>();
        services.AddScoped<IContentTypeHandler, PageContentType>();
        services.AddSingleton<ISiteNavigationSource, PageMenuNavigation>();
        services.AddAdminMenuItem(new("ページ", "/admin/pages", Permissions.EditOwnContent, Order: 20));
        services.AddAdminMenuItem(new("メニュー", "/admin/menu", Permissions.EditOwnContent, Order: 30, MemberSiteOnly: true));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapPages();

    public override void MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapContentAdmin(new PageContentWorkflowType());
        admin.MapMenuAdmin();
    }
}
