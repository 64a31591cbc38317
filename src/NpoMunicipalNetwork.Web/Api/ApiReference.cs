using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NpoMunicipalNetwork.Api;

public sealed record ApiReferenceModel(string Title, string DocumentUrl, IReadOnlyList<ApiReferenceGroup> Groups);

public sealed record ApiReferenceGroup(string Tag, string Title, IReadOnlyList<ApiOperationModel> Operations);

/// <summary>One operation; its "try it" form is a plain GET form, to the operation itself or, when the path has parameters, to <c>/api/docs/try</c>.</summary>
public sealed record ApiOperationModel(string Id, string Method, string Path, string Summary, string Description,
    IReadOnlyList<ApiParameterModel> Parameters, string? Example, string FormAction, bool HasPathParameters);

public sealed record ApiParameterModel(string Name, string In, string Description, bool Required, string FieldId);

/// <summary>
/// The API's reference page (<c>/api/docs</c>, Japanese, server-rendered from the OpenAPI document):
/// no script and no CDN, so it obeys the site's CSP, works offline and without JavaScript, and a
/// GET form per operation lets anyone try a call.
/// </summary>
public static class ApiReference
{
    private static readonly Dictionary<string, string> TagTitles = new()
    {
        ["members"] = "会員団体", ["tenants"] = "会員サイト", ["cases"] = "政策事例",
        ["forums"] = "フォーラム", ["reports"] = "報告書", ["news"] = "お知らせ",
    };

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        var docs = app.MapGroup("/api").HubOnly();
        docs.MapGet("/", () => Results.Redirect("/api/docs"));
        docs.MapGet("/docs", Page);
        docs.MapGet("/docs/try", Try);
        return app;
    }

    private static Task<OpenApiDocument> DocumentAsync(HttpContext http, CancellationToken ct) =>
        http.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiOpenApi.DocumentName).GetOpenApiDocumentAsync(ct);

    private static IEnumerable<(string Path, OpenApiOperation Operation)> Gets(OpenApiDocument document) =>
        (document.Paths ?? new OpenApiPaths())
            .SelectMany(p => (p.Value.Operations ?? []).Where(o => o.Key == HttpMethod.Get).Select(o => (p.Key, o.Value)));

    private static async Task<IResult> Page(HttpContext http, CancellationToken ct)
    {
        var document = await DocumentAsync(http, ct);
        var operations = Gets(document).Select(x => Operation(x.Path, x.Operation)).ToList();
        var groups = TagTitles.Select(t => new ApiReferenceGroup(t.Key, t.Value,
            operations.Where(o => Gets(document).Any(x => x.Operation.OperationId == o.Id && x.Operation.Tags?.Any(g => g.Name == t.Key) == true)).ToList()))
            .Where(g => g.Operations.Count > 0).ToList();
        const string title = "データ利用（API）";
        return ThemeResults.View("api/reference", new ApiReferenceModel(document.Info?.Title ?? title, ApiOpenApi.DocumentPath, groups),
            new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(title)], "ネットワークの公開データを JSON で取得できる API の説明と試用フォーム"));
    }

    private static ApiOperationModel Operation(string path, OpenApiOperation o)
    {
        var id = o.OperationId ?? path;
        var parameters = (o.Parameters ?? []).Select(p => new ApiParameterModel(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "query",
            p.Description ?? "", p.Required, $"{id}-{p.Name}")).ToList();
        string? example = null;
        if (o.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var media) == true && media.Example is JsonNode node)
            example = node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = ApiJson.Options.Encoder });
        var hasPath = parameters.Any(p => p.In == "path");
        return new ApiOperationModel(id, "GET", path, o.Summary ?? "", o.Description ?? "", parameters, example,
            hasPath ? "/api/docs/try" : path, hasPath);
    }

    /// <summary>Fills the path parameters of the chosen operation from the form and sends the reader to the API.</summary>
    private static async Task<IResult> Try(HttpContext http, CancellationToken ct)
    {
        var opId = http.Request.Query["operation"].ToString();
        var found = Gets(await DocumentAsync(http, ct)).FirstOrDefault(x => x.Operation.OperationId == opId);
        if (found.Operation is null)
            return ThemeResults.BadRequest(["操作（operation）が指定されていないか、ありません。"]);
        var url = found.Path;
        var errors = new List<string>();
        foreach (var p in found.Operation.Parameters ?? [])
        {
            if (p.In != ParameterLocation.Path)
                continue;
            var value = http.Request.Query[p.Name!].ToString().Trim();
            if (value.Length == 0)
                errors.Add($"{p.Description ?? p.Name}（{p.Name}）を入力してください。");
            url = url.Replace("{" + p.Name + "}", Uri.EscapeDataString(value));
        }
        return errors.Count > 0 ? ThemeResults.BadRequest(errors) : Results.Redirect(url);
    }
}
