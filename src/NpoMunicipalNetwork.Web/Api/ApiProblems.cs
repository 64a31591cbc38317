using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace NpoMunicipalNetwork.Api;

/// <summary>
/// Errors of the API as RFC 9457 problem details (<c>application/problem+json</c>) with a Japanese
/// title and detail, and per-field <c>errors</c> for validation. The HTML error pages of the site
/// (<see cref="Infrastructure.ErrorPages"/>) stay for everything else: <see cref="UseApiProblems"/>
/// runs its own exception handler and status-code pages for API paths only, so a 404, 405, 413, 429
/// or 500 there is never a theme page.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    /// <summary>Paths that answer in JSON: the API itself and its OpenAPI document.</summary>
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);

    public static IResult BadRequest(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "リクエストの内容に誤りがあります",
            Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
        });

    public static IResult BadRequest(string field, string message) => BadRequest(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, detail);

    public static IResult Status(int status, string? detail = null)
    {
        var (title, text) = Describe(status);
        return TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail ?? text });
    }

    private static (string Title, string Detail) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("リクエストの内容に誤りがあります", "リクエストを読み取れませんでした。"),
        StatusCodes.Status401Unauthorized => ("認証が必要です", "有効なAPIキーを指定してください。"),
        StatusCodes.Status403Forbidden => ("権限がありません", "この操作をする権限がありません。"),
        StatusCodes.Status404NotFound => ("見つかりません", "指定されたリソースはありません。"),
        StatusCodes.Status405MethodNotAllowed => ("このメソッドは使えません", "このURLではこのHTTPメソッドを使えません。"),
        StatusCodes.Status413PayloadTooLarge => ("リクエストが大きすぎます", "リクエストの本文が上限を超えています。"),
        StatusCodes.Status415UnsupportedMediaType => ("形式に対応していません", "本文は application/json で送ってください。"),
        StatusCodes.Status429TooManyRequests => ("リクエストが多すぎます", "短時間に多くのリクエストがありました。しばらく待ってから再度お試しください。"),
        _ when status >= 500 => ("サーバーでエラーが発生しました", "時間をおいて再度お試しください。"),
        _ => ("エラーが発生しました", $"HTTP {status}"),
    };

    /// <summary>Problem details for API paths: unhandled exceptions and bodiless error statuses (routing's 405, the rate limiter's 429, Kestrel's 413, …).</summary>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(http => IsApiPath(http.Request.Path), api => api
            .UseExceptionHandler(error => error.Run(async http =>
            {
                var exception = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                // A request Kestrel refused (body too large, malformed) keeps its own status.
                var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                if (status >= 500)
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiProblems))
                        .LogError(exception, "Unhandled API error for {Path}", http.Request.Path);
                http.Response.StatusCode = status;
                await Status(status).ExecuteAsync(http);
            }))
            .UseStatusCodePages(async context =>
            {
                var http = context.HttpContext;
                await Status(http.Response.StatusCode).ExecuteAsync(http);
            }));
}
