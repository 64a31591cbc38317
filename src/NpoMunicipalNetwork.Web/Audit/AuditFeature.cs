
namespace NpoMunicipalNetwork.Audit;

/// <summary>The audit log and its admin view.</summary>
public sealed class AuditFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAuditLog();
        services.AddAdminMenuItem(new("監査ログ", "/admin/audit", Permissions.ViewAudit, Order: 190));
    }

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapAuditAdmin();
}
