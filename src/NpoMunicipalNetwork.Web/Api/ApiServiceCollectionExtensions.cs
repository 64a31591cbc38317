using Microsoft.AspNetCore.OpenApi;

namespace NpoMunicipalNetwork.Api;

/// <summary>
/// The REST API under <c>/api/v1</c> on the hub: anonymous reads of public data (this folder), problem
/// details for every API error, and the OpenAPI document with its reference page at <c>/api/docs</c>.
/// </summary>
public static class ApiServiceCollectionExtensions
{
    public const string Prefix = "/api/v1";

    /// <summary>The group every API area maps into: on the hub only (a member site's <c>/{site}/api/…</c> is a 404), never output-cached.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app)
    {
        // Not output-cached: a case search response computed just before the index caught up could be stored
        // and stay stale (as for the search page), and clients revalidate cheaply with the ETag instead.
        var api = app.MapGroup(Prefix).CacheOutput(p => p.NoCache()).AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<TenantContext>().Tenant.IsHub
                ? await next(context)
                : ApiProblems.NotFound("API はネットワークのトップ（/api/v1）でだけ使えます。"));
        return api;
    }

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup();
        api.MapMemberApi();
        api.MapTenantApi();
        api.MapCaseApi();
        api.MapForumApi();
        api.MapReportApi();
        api.MapNewsApi();
        // Anything else under /api/v1 is a problem-details 404 or 405, not the theme's page.
        // MapFallback written out: the request delegate generator's MapFallback drops the given pattern and the last-place order.
        app.Map(Prefix + "/{**rest}", ApiFallback.Handle).WithOrder(int.MaxValue).WithDisplayName("API fallback");
        app.MapOpenApi(ApiOpenApi.DocumentPath.Replace("v1", "{documentName}")).CacheOutput(p => p.NoCache());
        app.MapApiReference();
        return app;
    }
}
