using NpoMunicipalNetwork.Search;
using NpoMunicipalNetwork.Search.Site;

namespace NpoMunicipalNetwork.Reports;

/// <summary>Research reports (調査研究報告書), a content type.</summary>
public sealed class ReportsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddContentType<ReportContentWorkflowType, Report, ReportWorkflow>();
        services.AddSiteNavigation(new HubNavLink("報告書", "/reports", Order: 60));
        services.AddAdminMenuItem(new("調査研究報告書", "/admin/reports", Permissions.EditOwnContent, Order: 90));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapReports();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapContentAdmin(new ReportContentWorkflowType());
}
