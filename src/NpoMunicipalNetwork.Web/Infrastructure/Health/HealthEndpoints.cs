using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NpoMunicipalNetwork.Infrastructure.Health;

/// <summary>
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (every check tagged <see cref="ReadyTag"/> passes:
/// the database and its migrations here, and whatever features add — the search index, the open-data bundle).
/// Both answer before tenant resolution, never from a cache, with a short JSON body: 200, or 503 when not ready,
/// so a load balancer or systemd can tell a live instance from one that can serve.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return services;
    }

    public static IApplicationBuilder UseHealthEndpoints(this IApplicationBuilder app)
    {
        app.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
