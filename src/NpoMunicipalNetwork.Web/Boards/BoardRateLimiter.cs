using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// Posting limits per user and per IP address (<c>Boards:PostsPerMinutePerUser</c>, <c>Boards:PostsPerMinutePerIp</c>),
/// both at once: the .NET rate limiter's chained partitioned limiter, applied as an endpoint filter on the
/// posting endpoints only (the middleware takes one policy per endpoint, and this needs two keys).
/// Limits are per instance; with several instances behind a balancer the effective limit is that many times higher.
/// </summary>
public sealed class BoardRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public BoardRateLimiter(IOptions<BoardOptions> options)
    {
        var o = options.Value;
        var perUser = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
            "user:" + (http.User.UserId()?.ToString() ?? "anonymous"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, o.PostsPerMinutePerUser), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        var perIp = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(
            "ip:" + (BoardPosting.Address(http) ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, o.PostsPerMinutePerIp), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        _limiter = PartitionedRateLimiter.CreateChained(perUser, perIp);
    }

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        using var lease = http.RequestServices.GetRequiredService<BoardRateLimiter>()._limiter.AttemptAcquire(http);
        if (lease.IsAcquired)
            return await next(context);
        http.Response.Headers.RetryAfter = "60";
        return ThemeResults.View("boards/message", new ThemeResults.MessageModel(
            "短い時間に続けて投稿されたため、受け付けを一時的に止めています。1分ほど待ってから、もう一度お試しください。", []),
            new PageMeta("投稿の間隔をあけてください"), StatusCodes.Status429TooManyRequests);
    }

    public void Dispose() => _limiter.Dispose();
}
