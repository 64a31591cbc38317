using Microsoft.AspNetCore.Authentication;
using NpoMunicipalNetwork.Api.Keys;
using NpoMunicipalNetwork.Api.Writes;

namespace NpoMunicipalNetwork.Api;

/// <summary>
/// The API under <c>/api/v1</c>: anonymous reads (this folder), keyed writes of cases and news (<c>Writes/</c>),
/// the API keys that authorise them (<c>Keys/</c>: the <c>ApiKey</c> scheme, one policy per scope, the per-key
/// rate limit, the admin screen), problem details and the OpenAPI document.
/// </summary>
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

        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o =>
        {
            foreach (var (scope, _) in ApiScopes.All)
                o.AddPolicy(ApiScopes.Policy(scope), p => p
                    .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                    .RequireAuthenticatedUser()
                    .RequireClaim(ApiKeyClaims.Scope, scope));
        });
        services.AddRateLimiter(o => o.AddPolicy<string, ApiKeyRateLimitPolicy>(ApiKeyRateLimitPolicy.Name));
        services.AddAdminMenuItem(new("APIキー", "/admin/api-keys", Permissions.ManageApiKeys, Order: 200, MemberSiteOnly: true));

        services.Configure<ApiWriteOptions>(configuration.GetSection(ApiWriteOptions.Section));
    }

    public override void MapRoutes(IEndpointRouteBuilder app)
    {
        app.MapApi();
        app.MapApiWrites();
    }

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapApiKeyAdmin();
}
