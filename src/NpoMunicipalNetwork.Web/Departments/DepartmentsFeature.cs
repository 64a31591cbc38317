
namespace NpoMunicipalNetwork.Departments;

/// <summary>A site's departments (組織) and who belongs to them.</summary>
public sealed class DepartmentsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddAdminMenuItem(new("組織", "/admin/departments", Permissions.ManageDepartments, Order: 120));

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapDepartmentAdmin();
}
