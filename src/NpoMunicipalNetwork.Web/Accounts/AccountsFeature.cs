
namespace NpoMunicipalNetwork.Accounts;

/// <summary>Identity, sign-in, invitations and password resets, and the user admin.</summary>
public sealed class AccountsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAccounts(configuration, environment);
        services.AddAdminMenuItem(new("利用者", "/admin/users", Permissions.ManageUsers, Order: 130));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapAccounts();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapUserAdmin();
}
