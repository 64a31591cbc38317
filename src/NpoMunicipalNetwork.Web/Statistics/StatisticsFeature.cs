using NpoMunicipalNetwork.Infrastructure.Features;

namespace NpoMunicipalNetwork.Statistics;

/// <summary>The network's statistics pages.</summary>
public sealed class StatisticsFeature : Feature
{
    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapStatistics();
}
