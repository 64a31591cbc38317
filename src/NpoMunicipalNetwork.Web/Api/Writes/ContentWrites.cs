using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Api.Keys;

namespace NpoMunicipalNetwork.Api.Writes;

/// <summary>
/// <c>POST /api/v1/{segment}</c> and <c>PUT /api/v1/{segment}/{id}</c> for every content type whose descriptor has a
/// <see cref="ContentWriteApi{TContent}"/>: the body is read and checked by the type, the owner, schedule and approval
/// route here, with the same checks as the editor form (<see cref="ContentSaver"/>); the revision is saved through the
/// type's workflow. Attachments are managed in the admin area; an update keeps the ones the item has.
/// </summary>
public static class ContentWrites
{
    /// <summary>Maps the writes of every registered type that has a write API onto <paramref name="api"/>.</summary>
    public static void MapAll(RouteGroupBuilder api, WorkflowContentTypes types)
    {
        var mapper = new Mapper(api);
        foreach (var type in types.All.OrderBy(t => t.AdminSegment, StringComparer.Ordinal))
            type.Accept(mapper);
    }

    private sealed class Mapper(RouteGroupBuilder api) : IContentTypeVisitor
    {
        public void Visit<TItem, TContent>(ContentType<TItem, TContent> type) where TItem : ContentItem, new() where TContent : class, IContentDraft
        {
            if (type.WriteApi is not { } write)
                return;
            var writes = new Writes<TItem, TContent>(type, write);
            var group = api.MapGroup("/" + type.AdminSegment).RequireAuthorization(ApiScopes.Policy(write.Scope)).WithTags("Keyed writes");
            Describe(group.MapPost("/", writes.Create), write.RequestType, write.Create, created: true);
            Describe(group.MapPut("/{id:int}", writes.Update), write.RequestType, write.Update, created: false);
        }
    }

    /// <summary>
    /// The answers, declared for the OpenAPI document. The request type is not declared with <c>Accepts</c>: that metadata
    /// makes routing refuse other media types with a bodiless 415 before the handler could answer with a problem; the
    /// OpenAPI operation transformer adds the body schema from <see cref="ApiRequestBody"/> instead.
    /// </summary>
    private static void Describe(RouteHandlerBuilder endpoint, Type request, (string Name, string Summary) operation, bool created)
    {
        endpoint.WithName(operation.Name).WithSummary(operation.Summary)
            .WithMetadata(new ApiRequestBody(request, NeedsIfMatch: !created))
            .Produces<ApiWriteResult>(created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        if (!created)
            endpoint.ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private sealed class Writes<TItem, TContent>(ContentType<TItem, TContent> type, ContentWriteApi<TContent> write)
        where TItem : ContentItem, new() where TContent : class, IContentDraft
    {
        private readonly IReadOnlyDictionary<string, string> _labels =
            write.Labels.Concat(ContentWriteRequest.Labels.Where(l => !write.Labels.ContainsKey(l.Key))).ToDictionary();

        public Task<IResult> Create(HttpContext http, NetworkDbContext db, IOptions<ApiWriteOptions> options, CancellationToken ct) =>
            SaveAsync(null, http, db, options.Value, ct);

        public Task<IResult> Update(int id, HttpContext http, NetworkDbContext db, IOptions<ApiWriteOptions> options, CancellationToken ct) =>
            SaveAsync(id, http, db, options.Value, ct);

        private async Task<IResult> SaveAsync(int? id, HttpContext http, NetworkDbContext db, ApiWriteOptions options, CancellationToken ct)
        {
            var tenant = http.RequestServices.GetRequiredService<TenantContext>().Tenant;
            if (type.MemberSiteOnly && tenant.IsHub)
                return ApiProblem.Status(StatusCodes.Status404NotFound, "見つかりません", $"{type.Noun}は会員のサイトのものです。このAPIキーでは登録できません。");
            var (value, problem) = await JsonBody.ReadAsync(http.Request, write.RequestType, options.MaxBodyBytes, _labels, ct);
            if (value is not ContentWriteRequest body)
                return problem!;

            TItem? item = null;
            TContent? current = null;
            if (id is { } existing)
            {
                // The tenant filter (the key's site) hides every other site's item: another member's id is a 404.
                item = (TItem?)await type.FindAsync(db, existing, ct);
                if (item is null)
                    return ApiProblem.NotFound(type.Noun);
                if (ApiPublication.CheckIfMatch(http.Request, item, type.Noun) is { } refused)
                    return refused;
                current = await type.WorkingContentAsync(db, item, ct);
            }

            var errors = new FormState();
            var content = await write.ReadAsync(body, current, item?.Id, http.RequestServices, errors, ct);
            // A key acts for the whole site, like a site administrator: any unit of the site may own the item.
            await http.RequestServices.GetRequiredService<ContentSaver>()
                .CheckOwnerAsync(errors, content.OwnerDepartmentId, new EditorScope(true, new HashSet<int>()), type.Noun, ct);
            var (publishAt, closeAt) = ApiPublication.ReadSchedule(body.PublishAt, body.CloseAt, errors);
            var route = await ApiPublication.RouteAsync(body, tenant.RequiresApproval, db, errors, ct);
            if (!errors.IsValid)
                return ApiPublication.Invalid(errors, write.Rename);

            return await ApiPublication.SaveAsync(http, type, item, body, route, async () =>
            {
                var target = item ?? new TItem();
                var revision = await type.SaveAsync(http.RequestServices, target, content, publishAt, closeAt, ApiPublication.ActorOf(ApiCaller.Of(http)!),
                    item is null ? "APIで作成" : "APIで更新", ct);
                return (target, revision);
            }, ct);
        }
    }
}
