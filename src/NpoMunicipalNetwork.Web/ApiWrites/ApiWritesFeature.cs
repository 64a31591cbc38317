using NpoMunicipalNetwork.Infrastructure.Features;

namespace NpoMunicipalNetwork.ApiWrites;

/// <summary>The write API (cases and news by API key).</summary>
public sealed class ApiWritesFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.Configure<ApiWriteOptions>(configuration.GetSection(ApiWriteOptions.Section));

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapApiWrites();
}
