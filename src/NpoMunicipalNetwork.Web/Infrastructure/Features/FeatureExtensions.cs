namespace NpoMunicipalNetwork.Infrastructure.Features;

/// <summary>How <c>Program.cs</c> hands its list of features to the host.</summary>
public static class FeatureExtensions
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IReadOnlyList<Feature> features,
        IConfiguration configuration, IHostEnvironment environment)
    {
        foreach (var feature in features)
            feature.AddServices(services, configuration, environment);
        return services;
    }

    public static void MapFeatureRoutes(this IEndpointRouteBuilder app, IReadOnlyList<Feature> features)
    {
        foreach (var feature in features)
            feature.MapRoutes(app);
    }

    public static void MapFeatureAdmin(this RouteGroupBuilder admin, IReadOnlyList<Feature> features)
    {
        foreach (var feature in features)
            feature.MapAdmin(admin);
    }
}
