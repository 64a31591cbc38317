using System.Threading.RateLimiting;

namespace NpoMunicipalNetwork.Feedback;

/// <summary>「このページの内容は役に立ちましたか？」: the public form, its rate limit and the tallies.</summary>
public sealed class FeedbackFeature : Feature
{
    public override void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var perMinute = configuration.GetValue("Feedback:RequestsPerMinutePerIp", 10);
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.AddPolicy(FeedbackEndpoints.RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddAdminMenuItem(new("ページの評価", "/admin/feedback", Permissions.EditOwnContent, Order: 70));
    }

    public override void MapRoutes(IEndpointRouteBuilder app) => app.MapFeedback();

    public override void MapAdmin(RouteGroupBuilder admin) => admin.MapFeedbackAdmin();
}
