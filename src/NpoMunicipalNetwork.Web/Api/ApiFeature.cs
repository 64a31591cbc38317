using NpoMunicipalNetwork.Infrastructure.Features;

namespace NpoMunicipalNetwork.Api;

/// <summary>The read API under <c>/api/v1</c>, problem details and the OpenAPI document.</summary>
public sealed class ApiFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // The instance is the request's path, so a client's log line says where the problem was.
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
        });
        services.AddApiOpenApi();
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapApi();
}
