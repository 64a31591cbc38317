using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NpoMunicipalNetwork.Api;

/// <summary>An example response body (JSON) of an operation, shown in the OpenAPI document and on the reference page.</summary>
public sealed record ApiExample(string Json);

/// <summary>
/// A keyed write's JSON body, for the OpenAPI document only: the handler reads the body itself (so that a wrong media
/// type or bad JSON is a problem, not routing's bodiless 415), and the generator therefore cannot see it.
/// </summary>
public sealed record ApiRequestBody(Type Type, bool NeedsIfMatch);

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, generated from the endpoints by
/// Microsoft.AspNetCore.OpenApi: only <c>/api/v1</c> operations, with the network's title and
/// conventions, every operation's example and the 304 that ETags make possible.
/// </summary>
public static class ApiOpenApi
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>The security scheme of keyed writes: <c>Authorization: Bearer npo_…</c> (or <c>X-Api-Key</c>).</summary>
    public const string KeyScheme = "apiKey";

    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, context, ct) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "NPO活動推進自治体ネットワーク API",
                    Version = "v1",
                    Description = """
                        会員団体・会員サイト・政策事例・フォーラム・報告書・お知らせの公開データを JSON で返す API です。読み取りは認証不要で、
                        公開中のもの（公開済み・公開終了前・サイトが有効）だけを返し、画面に出ないものは返しません。
                        会員サイトの政策事例とお知らせは、そのサイトの管理画面で発行した API キーで登録・更新できます（Keyed writes）。

                        - 一覧はカーソル方式: `limit`（1〜100、既定 20）と、前のレスポンスの `next` を `cursor` に。次のページは `Link: <…>; rel="next"` ヘッダーでも示します。
                        - すべての 200 応答に強い `ETag` が付き、`If-None-Match` が一致すると 304 を返します。事例・お知らせ 1 件の ETag（`"版.ハッシュ"`）は、API キーでの更新（PUT）の `If-Match` にそのまま使えます。
                        - エラーは RFC 9457 の problem details（`application/problem+json`）。入力の誤りは 400 で、項目ごとの `errors` を返します。
                        - 日時は ISO 8601（UTC）、日付は yyyy-MM-dd、年度は西暦の整数、語彙は `{code, name}` です。
                        """,
                    License = new OpenApiLicense { Name = "CC BY 4.0", Url = new Uri("https://creativecommons.org/licenses/by/4.0/deed.ja") },
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "会員サイトの管理画面（/{サイト名}/admin/api-keys）で発行した API キー（npo_…）。`Authorization: Bearer npo_…` か `X-Api-Key: npo_…` で送ります。書き込み先のサイトはキーで決まります。",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, ct) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRequestBody>().LastOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Description = "登録・更新する内容の全体（JSON、1 MB まで）。語彙はコードで指定します（/cases/codebook）。",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct) },
                        },
                    };
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, context.Document)] = [] }];
                    if (body.NeedsIfMatch)
                    {
                        operation.Parameters ??= [];
                        operation.Parameters.Add(new OpenApiParameter
                        {
                            Name = "If-Match", In = ParameterLocation.Header, Required = true,
                            Description = "更新のもとにした版の ETag（登録・更新の応答、または GET で得たもの）。`*` なら版を問いません。",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        });
                    }
                    return;
                }
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<ApiExample>().LastOrDefault() is { } example
                    && operation.Responses?.TryGetValue("200", out var ok) == true
                    && ok.Content?.TryGetValue("application/json", out var media) == true)
                    media.Example = JsonNode.Parse(example.Json);
                operation.Responses ??= new OpenApiResponses();
                operation.Responses["304"] = new OpenApiResponse { Description = "If-None-Match の ETag が一致しました（本文なし）。" };
            });
        });
}
