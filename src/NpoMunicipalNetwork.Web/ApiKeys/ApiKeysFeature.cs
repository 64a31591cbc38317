using Microsoft.AspNetCore.Authentication;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Admin;
using NpoMunicipalNetwork.Infrastructure.Features;

namespace NpoMunicipalNetwork.ApiKeys;

/// <summary>API keys: the <c>ApiKey</c> scheme, one policy per scope, the per-key rate limit, and their admin.</summary>
public sealed class ApiKeysFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
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
        services.AddAdminMenuItem(new("APIキー", "/admin/api-keys", Permissions.ManageApiKeys, Order: 200, MemberSiteOnly: true));
    }

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapApiKeyAdmin();
}
