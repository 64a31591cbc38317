using NpoMunicipalNetwork.Publishing.Checks;

namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// The workflow engine is core: rich text, files, the checker, approvals, notifications and the scheduler.
/// Content types plug in by registering their <see cref="WorkflowContentType"/> descriptor and mapping
/// <see cref="ContentAdminEndpoints.MapContentAdmin{TItem, TContent}"/> in their feature (docs/content-types.md).
/// </summary>
public static class PublishingServiceCollectionExtensions
{
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddSingleton<RichText>();
        services.AddScoped<Files.FileStore>();
        services.AddSingleton<ContentCheckerProvider>();
        services.AddScoped<ApprovalEngine>();
        services.AddScoped<ContentSaver>();
        services.AddSingleton<WorkflowContentTypes>();
        services.AddScoped<WorkflowNotifier>();
        services.AddSingleton<PublishingScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<PublishingScheduler>());
        services.AddAdminMenuItem(new("承認", "/admin/approvals", Permissions.AccessAdmin, Order: 100));
        services.AddAdminMenuItem(new("承認経路", "/admin/routes", Permissions.ManageRoutes, Order: 110));
        services.AddAdminMenuItem(new("表記辞書", "/admin/notation", Permissions.ManageNotation, Order: 160));
        return services;
    }

    /// <summary>The engine's own admin screens: the approval inbox, approval routes and the notation dictionary.</summary>
    public static RouteGroupBuilder MapPublishingAdmin(this RouteGroupBuilder admin)
    {
        admin.MapApprovals();
        admin.MapRouteAdmin();
        admin.MapNotationAdmin();
        return admin;
    }
}
