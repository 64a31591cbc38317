
namespace NpoMunicipalNetwork.Statistics;

/// <summary>The network's statistics pages.</summary>
public sealed class StatisticsFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddSiteNavigation(new HubNavLink("統計", "/statistics", Order: 70));

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapStatistics();
}
