using System.Threading.RateLimiting;

namespace NpoMunicipalNetwork.Forums;

public static class ForumServiceCollectionExtensions
{
    /// <summary>The registration book and mail, and the per-IP limit on registration and cancellation posts (<c>Forums:RegistrationsPerMinutePerIp</c>).</summary>
    public static IServiceCollection AddForums(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<RegistrationBook>();
        services.AddSingleton<RegistrationGate>();
        services.AddSingleton<RegistrationMail>();
        services.AddRateLimiter(o =>
        {
            var perMinute = config.GetValue("Forums:RegistrationsPerMinutePerIp", 10);
            o.AddPolicy(RegistrationEndpoints.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
