using NpoMunicipalNetwork.Search;

namespace NpoMunicipalNetwork.Boards;

/// <summary>The members' boards: posting, watching, digests, moderation, and their place in the site search.</summary>
public sealed class BoardsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<BoardOptions>(configuration.GetSection(BoardOptions.Section));
        services.AddSingleton<BoardText>();
        services.AddSingleton<BoardRateLimiter>();
        services.AddSingleton<WatchTokens>();
        services.AddScoped<BoardNotifier>();
        services.AddSingleton<BoardDigest>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardDigest>());
        services.AddSingleton<ISearchSource, BoardPostSiteSource>();
        services.AddSiteNavigation(new HubNavLink("掲示板", "/boards", Order: 50));
        services.AddAdminMenuItem(new("掲示板", "/admin/boards", Permissions.ModerateBoards, Order: 220));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapBoards();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapBoardAdmin();
}
