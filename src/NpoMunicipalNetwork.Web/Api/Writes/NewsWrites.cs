using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.News;

namespace NpoMunicipalNetwork.Api.Writes;

/// <summary>A news item as a client sends it: the body is Markdown, as in the admin form.</summary>
public sealed class NewsWriteRequest : IPublishRequest
{
    public string? Title { get; init; }
    public string? Body { get; init; }
    public int? OwnerDepartmentId { get; init; }
    public string? PublishAt { get; init; }
    public string? CloseAt { get; init; }
    public bool Publish { get; init; }
    public int? ApprovalRouteId { get; init; }
    public string? ApprovalComment { get; init; }
}

/// <summary><c>POST /api/v1/news</c> and <c>PUT /api/v1/news/{id}</c>: the admin form's rules, saved as a revision through the news content type.</summary>
public static class NewsWrites
{
    private static readonly NewsContentWorkflowType Type = new();

    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["title"] = "タイトル", ["body"] = "本文", ["ownerDepartmentId"] = "担当の所属",
    }.Concat(ApiPublication.PublishLabels).ToDictionary();

    public static Task<IResult> Create(HttpContext http, NetworkDbContext db, IOptions<ApiWriteOptions> options, CancellationToken ct) =>
        SaveAsync(null, http, db, options.Value, ct);

    public static Task<IResult> Update(int id, HttpContext http, NetworkDbContext db, IOptions<ApiWriteOptions> options, CancellationToken ct) =>
        SaveAsync(id, http, db, options.Value, ct);

    private static async Task<IResult> SaveAsync(int? id, HttpContext http, NetworkDbContext db, ApiWriteOptions options, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<NewsWriteRequest>(http.Request, options.MaxBodyBytes, Labels, ct);
        if (body is null)
            return problem!;
        NewsItem? item = null;
        if (id is { } existing)
        {
            item = (NewsItem?)await Type.FindAsync(db, existing, ct);
            if (item is null)
                return ApiProblem.NotFound(Type.Noun);
            if (ApiPublication.CheckIfMatch(http.Request, item, Type.Noun) is { } refused)
                return refused;
        }

        var errors = new FormState();
        var title = Required(body.Title, "title", "タイトル", Publishing.ContentItem.TitleLength, errors);
        var text = Required(body.Body, "body", "本文", NewsItem.BodyLength, errors);
        if (body.OwnerDepartmentId is { } owner && !await db.Departments.AnyAsync(d => d.Id == owner, ct))
            errors.Error("ownerDepartmentId", $"担当の所属（ownerDepartmentId）{owner} はこのサイトの組織にありません。");
        var (publishAt, closeAt) = ApiPublication.ReadSchedule(body.PublishAt, body.CloseAt, errors);
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Tenant;
        var route = await ApiPublication.RouteAsync(body, tenant.RequiresApproval, db, errors, ct);
        if (!errors.IsValid)
            return ApiPublication.Invalid(errors);

        return await ApiPublication.SaveAsync(http, Type, item, body, route, async () =>
        {
            var target = item ?? new NewsItem();
            var revision = await Type.SaveAsync(http.RequestServices, target, new NewsContent(title!, text!, body.OwnerDepartmentId), publishAt, closeAt,
                ApiPublication.ActorOf(Api.Keys.ApiCaller.Of(http)!), item is null ? "APIで作成" : "APIで更新", ct);
            return (target, revision);
        }, ct);
    }

    private static string? Required(string? value, string field, string label, int max, FormState errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            errors.Error(field, $"{label}（{field}）を入力してください。");
        else if (text.Length > max)
            errors.Error(field, $"{label}（{field}）は{max}文字以内で入力してください（現在{text.Length}文字）。");
        else
            return text;
        return null;
    }
}
