using Microsoft.EntityFrameworkCore.Diagnostics;
using NpoMunicipalNetwork.Search.Site;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// The search index of this instance, its change-log follower, and the site search on top of it. The
/// features whose content is searched register their <see cref="ISearchSource"/>s themselves; the site
/// search shares this index (one change-log cursor, one rebuild, one writer) and its documents use field
/// names of their own, so the case search neither sees nor scores them.
/// </summary>
public sealed class SearchFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<SearchOptions>(configuration.GetSection(SearchOptions.Section));
        services.AddSingleton<SearchSignal>();
        services.AddSingleton<SearchChangeLog.SignalOnCommit>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SearchChangeLog.SignalOnCommit>());
        services.AddSingleton<ISaveChangesParticipant, SearchChangeLog.Participant>();
        services.AddSingleton<SiteSearch>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search", tags: [Infrastructure.Health.HealthEndpoints.ReadyTag]);
        services.AddSingleton<TextMatchCache>();
        services.AddAdminMenuItem(new("検索索引", "/admin/search", Permissions.ManageSearch, Order: 180));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapSiteSearch();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapSearchAdmin();
}
