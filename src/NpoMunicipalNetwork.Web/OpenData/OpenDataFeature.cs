
namespace NpoMunicipalNetwork.OpenData;

/// <summary>The open-data bundle: its daily build, downloads and admin.</summary>
public sealed class OpenDataFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<OpenDataOptions>(configuration.GetSection(OpenDataOptions.Section));
        services.AddScoped<OpenDataBuilder>();
        services.AddHealthChecks().AddCheck<OpenDataHealthCheck>("opendata", tags: [Infrastructure.Health.HealthEndpoints.ReadyTag]);
        services.AddSingleton<OpenDataScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<OpenDataScheduler>());
        services.AddAdminMenuItem(new("オープンデータ", "/admin/opendata", Permissions.ManageOpenData, Order: 230));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapOpenData();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapOpenDataAdmin();
}
