namespace NpoMunicipalNetwork.Api.Writes;

/// <summary>RFC 9457 problem details with Japanese titles and details, as every API error is answered.</summary>
public static class ApiProblem
{
    public static IResult Status(int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>400 with <c>errors</c>: per field (the JSON name), the Japanese messages naming the field.</summary>
    public static IResult Validation(IReadOnlyDictionary<string, string> errors) =>
        Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
            detail: "入力内容に誤りがあるため保存していません。errors の各項目を確かめてください。", title: "入力内容に誤りがあります");

    public static IResult NotFound(string noun) =>
        Status(StatusCodes.Status404NotFound, "見つかりません", $"この番号の{noun}は、このAPIキーのサイトにありません。");

    public static IResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, "今の状態では保存できません", detail);

    public static IResult PreconditionFailed(string noun) => Status(StatusCodes.Status412PreconditionFailed, "別の更新があります",
        $"この{noun}は、指定された版（If-Match）の後に更新されています。上書きを防ぐため保存していません。最新の版を確かめてから送り直してください。");
}
