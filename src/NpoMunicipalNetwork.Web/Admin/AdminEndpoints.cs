
namespace NpoMunicipalNetwork.Admin;

/// <summary>
/// The route table of the admin area (<c>/admin</c> on the hub, <c>/{tenant}/admin</c> on a member site).
/// Signing in is required for all of it; each feature adds its own permission on top. The shell maps the
/// dashboard and the workflow engine's screens; every feature maps its own (<see cref="Feature.MapAdmin"/>).
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app, IReadOnlyList<Feature> features)
    {
        var admin = app.MapGroup("/admin").RequirePermission(Permissions.AccessAdmin);
        admin.MapDashboard();
        admin.MapPublishingAdmin();
        admin.MapFeatureAdmin(features);
        return app;
    }
}

public static class AdminServiceCollectionExtensions
{
    /// <summary>The admin shell's own menu entry; the features add theirs.</summary>
    public static IServiceCollection AddAdminShell(this IServiceCollection services) =>
        services.AddAdminMenuItem(new("ダッシュボード", "/admin", Permissions.AccessAdmin, Order: 10));
}
