using NpoMunicipalNetwork.Recipes;

namespace NpoMunicipalNetwork.Members;

/// <summary>The government registry (団体名簿), memberships and the member directory.</summary>
public sealed class MembersFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<IRecipeStep, MembersStep>();
        services.AddSingleton<IMemberRegistry, GovernmentRegistry>();
        services.AddSingleton<IDashboardSource, MemberDashboard>();
        services.AddSiteNavigation(new HubNavLink("会員団体", "/members", Order: 10));
        services.AddAdminMenuItem(new("団体名簿", "/admin/members", Permissions.ManageRegistry, Order: 150));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapMembers();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapRegistryAdmin();
}
