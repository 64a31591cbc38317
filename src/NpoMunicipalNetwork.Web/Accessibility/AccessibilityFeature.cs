
namespace NpoMunicipalNetwork.Accessibility;

/// <summary>The accessibility statement and test results, and their admin.</summary>
public sealed class AccessibilityFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddAdminMenuItem(new("アクセシビリティ試験", "/admin/accessibility", Permissions.ManageAccessibility, Order: 250));

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapAccessibility();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapAccessibilityAdmin();
}
