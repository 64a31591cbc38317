
namespace NpoMunicipalNetwork.Tenants;

/// <summary>The secretariat's admin of member sites (tenancy itself is core: <c>AddTenancy</c>).</summary>
public sealed class TenantsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddAdminMenuItem(new("会員サイト", "/admin/tenants", Permissions.ManageTenants, Order: 140));

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapTenantAdmin();
}
