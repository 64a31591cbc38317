namespace NpoMunicipalNetwork.Themes;

/// <summary>Endpoint results rendered by the current site's theme.</summary>
public static class ThemeResults
{
    public static IResult View(string template, object? model, PageMeta meta, int statusCode = StatusCodes.Status200OK) =>
        new ThemeResult(template, model, meta, statusCode);

    public static IResult NotFound(string? message = null) =>
        new ThemeResult("not-found", new MessageModel(message ?? "お探しのページは見つかりませんでした。URL が正しいかご確認ください。", []),
            new PageMeta("ページが見つかりません"), StatusCodes.Status404NotFound);

    /// <summary>400 with every problem listed, each naming its field, in Japanese.</summary>
    public static IResult BadRequest(IReadOnlyList<string> errors) =>
        new ThemeResult("bad-request", new MessageModel("入力内容に誤りがあります。次の点をご確認ください。", errors),
            new PageMeta("入力内容に誤りがあります"), StatusCodes.Status400BadRequest);

    public sealed record MessageModel(string Message, IReadOnlyList<string> Errors);

    private sealed class ThemeResult(string template, object? model, PageMeta meta, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext http) =>
            http.RequestServices.GetRequiredService<ThemeRenderer>().RenderAsync(http, template, model, meta, statusCode);
    }
}
