using NpoMunicipalNetwork.Api.Keys;

namespace NpoMunicipalNetwork.Api.Writes;

public sealed class ApiWriteOptions
{
    public const string Section = "ApiWrites";

    /// <summary>The largest JSON body a write accepts (1 MB); a larger one is a 413 and is never read whole.</summary>
    public long MaxBodyBytes { get; set; } = 1_048_576;
}

/// <summary>
/// Keyed writes under <c>/api/v1</c>: a member's own system creates and updates its content (the types whose descriptor
/// has a <see cref="ContentWriteApi{TContent}"/>: cases and news) with an API key.
/// Authentication is the key only (no cookie, hence no antiforgery); the key's site is the tenant of the whole
/// request, whatever the URL or body say, so a key of A can only ever reach A's rows.
/// </summary>
public static class ApiWriteEndpoints
{
    public static IEndpointRouteBuilder MapApiWrites(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1")
            .DisableAntiforgery()
            .RequireRateLimiting(ApiKeyRateLimitPolicy.Name)
            .AddEndpointFilter(RunAsKeysSite);
        ContentWrites.MapAll(api, app.ServiceProvider.GetRequiredService<WorkflowContentTypes>());
        return app;
    }

    /// <summary>
    /// Runs the handler with the key's site as the unit of work's tenant: the query filters, the stamping of new rows
    /// and the audit log all follow it. The API lives on the hub only (as the read API does), so no URL names a site.
    /// </summary>
    private static async ValueTask<object?> RunAsKeysSite(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ApiCaller.Of(http) is not { } caller)
            return ApiProblem.Status(StatusCodes.Status401Unauthorized, "認証が必要です", "APIキーで認証してください。");
        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        if (!tenant.Tenant.IsHub)
            return ApiProblem.Status(StatusCodes.Status404NotFound, "見つかりません", "API はネットワークのトップ（/api/v1）でだけ使えます。書き込む先のサイトはAPIキーで決まります。");
        using (tenant.Use(caller.Tenant))
            return await next(context);
    }
}
