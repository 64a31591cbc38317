using Microsoft.AspNetCore.Routing.Template;

namespace NpoMunicipalNetwork.Api;

/// <summary>
/// What no API endpoint answered. The site's catch-all page route accepts every method, so routing
/// never gets to say 405 by itself; here a path that an API endpoint serves with other methods is a
/// 405 (with <c>Allow</c>), anything else a 404 — both as problem details.
/// </summary>
public static class ApiFallback
{
    public static IResult Handle(HttpContext http, EndpointDataSource endpoints)
    {
        var path = http.Request.Path.Value ?? "";
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(ApiServiceCollectionExtensions.Prefix, StringComparison.OrdinalIgnoreCase) == true
                && !e.RoutePattern.RawText.Contains("**", StringComparison.Ordinal))
            .Where(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct().ToList();
        if (allowed.Count == 0 || allowed.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            return ApiProblems.NotFound("この API はありません。/api/docs に一覧があります。");
        http.Response.Headers.Allow = string.Join(", ", allowed);
        return ApiProblems.Status(StatusCodes.Status405MethodNotAllowed, $"このURLで使えるメソッドは {string.Join(", ", allowed)} です。");
    }
}
