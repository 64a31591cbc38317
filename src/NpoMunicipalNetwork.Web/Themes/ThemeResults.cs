namespace NpoMunicipalNetwork.Themes;

/// <summary>Endpoint results rendered by the current site's theme.</summary>
public static class ThemeResults
{
    public static IResult View(string template, object? model, PageMeta meta, int statusCode = StatusCodes.Status200OK) =>
        new ThemeResult(template, model, meta, statusCode, Admin: false);

    /// <summary>A page of the admin area (and the account pages), rendered with the admin theme.</summary>
    public static IResult Admin(string template, object? model, PageMeta meta, int statusCode = StatusCodes.Status200OK) =>
        new ThemeResult(template, model, meta, statusCode, Admin: true);

    public const string NotFoundMessage = "お探しのページは見つかりませんでした。URL が正しいかご確認ください。";
    public const string ForbiddenMessage = "このページを表示する権限がありません。";

    public static IResult NotFound(string? message = null) =>
        new ThemeResult("not-found", new MessageModel(message ?? NotFoundMessage, []),
            new PageMeta("ページが見つかりません"), StatusCodes.Status404NotFound, Admin: false);

    public static IResult Forbidden(string? message = null) =>
        new ThemeResult("forbidden", new MessageModel(message ?? ForbiddenMessage, []),
            new PageMeta("権限がありません"), StatusCodes.Status403Forbidden, Admin: false);

    /// <summary>400 with every problem listed, each naming its field, in Japanese.</summary>
    public static IResult BadRequest(IReadOnlyList<string> errors) =>
        new ThemeResult("bad-request", new MessageModel("入力内容に誤りがあります。次の点をご確認ください。", errors),
            new PageMeta("入力内容に誤りがあります"), StatusCodes.Status400BadRequest, Admin: false);

    public sealed record MessageModel(string Message, IReadOnlyList<string> Errors);

    private sealed record ThemeResult(string Template, object? Model, PageMeta Meta, int StatusCode, bool Admin) : IResult
    {
        public Task ExecuteAsync(HttpContext http) =>
            http.RequestServices.GetRequiredService<ThemeRenderer>().RenderAsync(http, Template, Model, Meta, StatusCode, Admin);
    }
}
