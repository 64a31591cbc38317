
namespace NpoMunicipalNetwork.Home;

/// <summary>The home page of the hub and of each member site, and a member site's home settings.</summary>
public sealed class HomeFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddAdminMenuItem(new("ホームの設定", "/admin/home", Permissions.EditOwnContent, Order: 40, MemberSiteOnly: true));

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapHome();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapHomeAdmin();
}
