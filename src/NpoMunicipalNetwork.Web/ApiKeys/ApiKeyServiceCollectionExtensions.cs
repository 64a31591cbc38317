using Microsoft.AspNetCore.Authentication;

namespace NpoMunicipalNetwork.ApiKeys;

public static class ApiKeyServiceCollectionExtensions
{
    /// <summary>The <c>ApiKey</c> scheme, one policy per scope, and the per-key rate limit.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
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
        return services;
    }
}
