using Microsoft.AspNetCore.Diagnostics;

namespace NpoMunicipalNetwork.Infrastructure;

/// <summary>Unhandled errors become a Japanese 500 page; if the theme itself is what failed, a plain one.</summary>
public static class ErrorPages
{
    private const string PlainError = """
        <!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>エラーが発生しました</title></head>
        <body><main><h1>エラーが発生しました</h1><p>申し訳ありません。ページを表示できませんでした。時間をおいて再度お試しください。</p><p><a href="/">トップページへ</a></p></main></body></html>
        """;

    /// <summary>
    /// Also gives a Japanese page to bodiless error statuses from the framework: a form posted
    /// without its antiforgery token (400), too many requests (429), a wrong method (405).
    /// </summary>
    public static IApplicationBuilder UseJapaneseErrorPages(this IApplicationBuilder app) =>
        app.UseJapaneseExceptionPage().UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            // The API answers in problem details itself; an HTML page would be noise to its clients.
            if (!http.RequestServices.GetRequiredService<TenantContext>().HasTenant || IsApi(http))
                return;
            var status = http.Response.StatusCode;
            var (template, title, message) = status switch
            {
                StatusCodes.Status400BadRequest => ("bad-request", "入力内容に誤りがあります", "送信内容を確認できませんでした。ページを開き直してから、もう一度送信してください。"),
                StatusCodes.Status403Forbidden => ("forbidden", "権限がありません", ThemeResults.ForbiddenMessage),
                StatusCodes.Status404NotFound => ("not-found", "ページが見つかりません", ThemeResults.NotFoundMessage),
                StatusCodes.Status405MethodNotAllowed => ("bad-request", "この操作はできません", "この操作はこのページでは使えません。"),
                StatusCodes.Status429TooManyRequests => ("error", "しばらくお待ちください", "短時間に多くの操作がありました。1分ほど待ってからもう一度お試しください。"),
                _ => (null, "", ""),
            };
            if (template is null)
                return;
            await http.RequestServices.GetRequiredService<ThemeRenderer>().RenderAsync(http, template,
                new ThemeResults.MessageModel(message, []), new PageMeta(title), status);
        });

    private static IApplicationBuilder UseJapaneseExceptionPage(this IApplicationBuilder app) =>
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages));
            var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            // The id on the page is the one in the log line, so a report from a visitor finds the stack trace.
            var errorId = context.TraceIdentifier;
            if (DatabaseBusy.IsBusy(exception))
            {
                logger.LogWarning("Database busy {ErrorId} for {Path}: answered 503", errorId, context.Request.Path);
                await BusyAsync(context);
                return;
            }
            logger.LogError(exception, "Unhandled error {ErrorId} for {Path}", errorId, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            if (IsApi(context))
            {
                await Results.Problem(detail: "サーバーで問題が起きたため、処理できませんでした。時間をおいて再度お試しください。", statusCode: 500, title: "エラーが発生しました",
                        extensions: new Dictionary<string, object?> { ["errorId"] = errorId })
                    .ExecuteAsync(context);
                return;
            }
            try
            {
                if (!context.RequestServices.GetRequiredService<TenantContext>().HasTenant)
                    throw new InvalidOperationException("no tenant");
                await context.RequestServices.GetRequiredService<ThemeRenderer>().RenderAsync(context, "error",
                    new ThemeResults.MessageModel("申し訳ありません。ページを表示できませんでした。時間をおいて再度お試しください。", [$"エラー番号: {errorId}"]),
                    new PageMeta("エラーが発生しました"), StatusCodes.Status500InternalServerError);
            }
            catch (Exception)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(PlainError);
            }
        }));

    /// <summary>503 with Retry-After: a page in Japanese, or a problem document on the API.</summary>
    private static async Task BusyAsync(HttpContext context)
    {
        const string message = "ただいま混み合っているため、処理できませんでした。数秒待ってから、もう一度お試しください。入力した内容は保存されていません。";
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseBusy.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        if (IsApi(context))
        {
            await Results.Problem(detail: message, statusCode: 503, title: "混み合っています").ExecuteAsync(context);
            return;
        }
        try
        {
            await context.RequestServices.GetRequiredService<ThemeRenderer>().RenderAsync(context, "error",
                new ThemeResults.MessageModel(message, []), new PageMeta("混み合っています"), StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(PlainError.Replace("申し訳ありません。ページを表示できませんでした。時間をおいて再度お試しください。", message));
        }
    }

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api");
}
