using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Search.Site;

namespace NpoMunicipalNetwork.News;

/// <summary>News items (お知らせ), a content type; the hub also lists every member's published news.</summary>
public sealed class NewsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddContentType<NewsContentWorkflowType, NewsItem, NewsWorkflow>();
        services.AddSiteNavigation(new PublishedContentNavigation<NewsItem>("お知らせ", "/news", HubOrder: 30, MemberSiteOrder: 20, n => n.IsPublished));
        services.AddAdminMenuItem(new("お知らせ", "/admin/news", Permissions.EditOwnContent, Order: 60));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapNews();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapContentAdmin(new NewsContentWorkflowType());
}
