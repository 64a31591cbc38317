using System.Threading.RateLimiting;
using NpoMunicipalNetwork.Recipes;
using NpoMunicipalNetwork.Search;

namespace NpoMunicipalNetwork.Forums;

/// <summary>The annual forums: editions, sessions, materials, registration, calendars, and their recipe step and search source.</summary>
public sealed class ForumsFeature : Feature
{
    /// <summary>The registration book and mail, and the per-IP limit on registration and cancellation posts (<c>Forums:RegistrationsPerMinutePerIp</c>).</summary>
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<RegistrationBook>();
        services.AddSingleton<RegistrationGate>();
        services.AddSingleton<RegistrationMail>();
        services.AddRateLimiter(o =>
        {
            var perMinute = configuration.GetValue("Forums:RegistrationsPerMinutePerIp", 10);
            o.AddPolicy(RegistrationEndpoints.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        services.AddScoped<IRecipeStep, ForumsStep>();
        services.AddSingleton<ISearchSource, ForumSiteSource>();
        services.AddSiteNavigation(new HubNavLink("フォーラム", "/forums", Order: 40));
        services.AddAdminMenuItem(new("フォーラム", "/admin/forums", Permissions.OrganizeForums, Order: 210));
    }

    public override void MapRoutes(IEndpointRouteBuilder app)
    {
        app.MapForums();
        app.MapSeriesCalendar();
    }

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapForumAdmin();
}
