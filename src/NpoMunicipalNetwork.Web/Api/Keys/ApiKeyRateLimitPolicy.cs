using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NpoMunicipalNetwork.Api.Writes;

namespace NpoMunicipalNetwork.Api.Keys;

/// <summary>
/// Requests per minute per key (partitioned by the key's prefix; the limiter runs after authorization, so a
/// refused key never counts). Per instance, like the site's other limits. A refusal is a 429 problem with Retry-After.
/// </summary>
public sealed class ApiKeyRateLimitPolicy(IConfiguration config) : IRateLimiterPolicy<string>
{
    public const string Name = "api-key";

    private readonly int _perMinute = config.GetValue("ApiKeys:RequestsPerMinute", 120);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblem.Status(StatusCodes.Status429TooManyRequests, "リクエストが多すぎます",
            $"このAPIキーの1分あたりの上限を超えました。{seconds}秒後にもう一度送ってください。").ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext http) =>
        RateLimitPartition.GetFixedWindowLimiter(http.User.FindFirst(ApiKeyClaims.Prefix)?.Value ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
