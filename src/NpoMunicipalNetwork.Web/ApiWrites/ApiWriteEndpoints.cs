using NpoMunicipalNetwork.ApiKeys;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.ApiWrites;

public sealed class ApiWriteOptions
{
    public const string Section = "ApiWrites";

    /// <summary>The largest JSON body a write accepts (1 MB); a larger one is a 413 and is never read whole.</summary>
    public long MaxBodyBytes { get; set; } = 1_048_576;
}

/// <summary>
/// Keyed writes under <c>/api/v1</c>: a member's own system creates and updates its cases and news with an API key.
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
        var cases = api.MapGroup("/cases").RequireAuthorization(ApiScopes.Policy(ApiScopes.WriteCases));
        cases.MapPost("/", CaseWrites.Create);
        cases.MapPut("/{id:int}", CaseWrites.Update);
        var news = api.MapGroup("/news").RequireAuthorization(ApiScopes.Policy(ApiScopes.WriteNews));
        news.MapPost("/", NewsWrites.Create);
        news.MapPut("/{id:int}", NewsWrites.Update);
        return app;
    }

    /// <summary>
    /// Runs the handler with the key's site as the unit of work's tenant: the query filters, the stamping of new rows
    /// and the audit log all follow it. A member site's URL must be the key's own site; the hub's <c>/api/v1</c> serves any key.
    /// </summary>
    private static async ValueTask<object?> RunAsKeysSite(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ApiCaller.Of(http) is not { } caller)
            return ApiProblem.Status(StatusCodes.Status401Unauthorized, "認証が必要です", "APIキーで認証してください。");
        var tenant = http.RequestServices.GetRequiredService<TenantContext>();
        if (!tenant.Tenant.IsHub && tenant.TenantId != caller.Tenant.Id)
            return ApiProblem.Status(StatusCodes.Status404NotFound, "見つかりません", "このURLのサイトは、このAPIキーのサイトではありません。/api/v1 に送ってください。");
        using (tenant.Use(caller.Tenant))
            return await next(context);
    }
}
