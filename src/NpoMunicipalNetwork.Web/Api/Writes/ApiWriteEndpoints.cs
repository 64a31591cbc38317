using NpoMunicipalNetwork.Api.Keys;

namespace NpoMunicipalNetwork.Api.Writes;

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
        var cases = api.MapGroup("/cases").RequireAuthorization(ApiScopes.Policy(ApiScopes.WriteCases)).WithTags("Keyed writes");
        Describe<CaseWriteRequest>(cases.MapPost("/", CaseWrites.Create), "CreateCase", "政策事例を登録する（write:cases）", created: true);
        Describe<CaseWriteRequest>(cases.MapPut("/{id:int}", CaseWrites.Update), "UpdateCase", "政策事例を更新する（write:cases、If-Match 必須）", created: false);
        var news = api.MapGroup("/news").RequireAuthorization(ApiScopes.Policy(ApiScopes.WriteNews)).WithTags("Keyed writes");
        Describe<NewsWriteRequest>(news.MapPost("/", NewsWrites.Create), "CreateNews", "お知らせを登録する（write:news）", created: true);
        Describe<NewsWriteRequest>(news.MapPut("/{id:int}", NewsWrites.Update), "UpdateNews", "お知らせを更新する（write:news、If-Match 必須）", created: false);
        return app;
    }

    /// <summary>
    /// The answers, declared for the OpenAPI document. The request type is not declared with <c>Accepts</c>: that metadata
    /// makes routing refuse other media types with a bodiless 415 before the handler could answer with a problem; the
    /// OpenAPI operation transformer adds the body schema from <see cref="Api.ApiRequestBody"/> instead.
    /// </summary>
    private static void Describe<TRequest>(RouteHandlerBuilder endpoint, string name, string summary, bool created)
    {
        endpoint.WithName(name).WithSummary(summary)
            .WithMetadata(new Api.ApiRequestBody(typeof(TRequest), NeedsIfMatch: !created))
            .Produces<ApiWriteResult>(created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        if (!created)
            endpoint.ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
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
