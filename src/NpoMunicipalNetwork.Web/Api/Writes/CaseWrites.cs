using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Api.Writes;

/// <summary>A policy case as a client sends it: the codebook's keys, vocabulary by code, the whole case each time.</summary>
public sealed class CaseWriteRequest : IPublishRequest
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Background { get; init; }
    public string? Activities { get; init; }
    public string? PartnersAndRoles { get; init; }
    public string? Outcomes { get; init; }
    public string? Lessons { get; init; }
    public int? StartFiscalYear { get; init; }
    public int? EndFiscalYear { get; init; }

    /// <summary><c>support</c>, <c>collaboration</c> or <c>outsourcing</c>.</summary>
    public string? RelationshipType { get; init; }

    public List<string>? Fields { get; init; }
    public List<string>? Methods { get; init; }
    public List<Cases.CasePartner?>? Partners { get; init; }
    public List<Cases.CaseBudget?>? Budgets { get; init; }
    public List<Cases.CaseLink?>? Links { get; init; }
    public List<int>? AdaptedFrom { get; init; }
    public int? OwnerDepartmentId { get; init; }
    public string? PublishAt { get; init; }
    public string? CloseAt { get; init; }
    public bool Publish { get; init; }
    public int? ApprovalRouteId { get; init; }
    public string? ApprovalComment { get; init; }
}

/// <summary>
/// <c>POST /api/v1/cases</c> and <c>PUT /api/v1/cases/{id}</c>: checked by <see cref="CaseRules"/> and the same owner and
/// "adapted from" checks as the editor form (<see cref="ContentSaver"/>), saved as a revision through the case content type.
/// Attachments are managed in the admin area; an update keeps the ones the case has.
/// </summary>
public static class CaseWrites
{
    private static readonly CaseContentWorkflowType Type = new();

    /// <summary>The form's owner field is <c>ownerDepartmentId</c> in JSON.</summary>
    private static readonly Dictionary<string, string> Rename = new() { ["owner"] = "ownerDepartmentId" };

    private static readonly IReadOnlyDictionary<string, string> Labels = CaseRules.Labels
        .Where(l => l.Key != "owner").Concat(ApiPublication.PublishLabels).Append(new("ownerDepartmentId", CaseRules.Labels["owner"]))
        .ToDictionary();

    public static Task<IResult> Create(HttpContext http, NetworkDbContext db, IOptions<ApiWriteOptions> options, CancellationToken ct) =>
        SaveAsync(null, http, db, options.Value, ct);

    public static Task<IResult> Update(int id, HttpContext http, NetworkDbContext db, IOptions<ApiWriteOptions> options, CancellationToken ct) =>
        SaveAsync(id, http, db, options.Value, ct);

    private static async Task<IResult> SaveAsync(int? id, HttpContext http, NetworkDbContext db, ApiWriteOptions options, CancellationToken ct)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Tenant;
        if (tenant.IsHub)
            return ApiProblem.Status(StatusCodes.Status404NotFound, "見つかりません", "政策事例は会員のサイトのものです。このAPIキーでは登録できません。");
        var (body, problem) = await JsonBody.ReadAsync<CaseWriteRequest>(http.Request, options.MaxBodyBytes, Labels, ct);
        if (body is null)
            return problem!;

        PolicyCase? item = null;
        var current = new CaseContent();
        if (id is { } existing)
        {
            // The tenant filter (the key's site) hides every other site's case: another member's id is a 404.
            item = (PolicyCase?)await Type.FindAsync(db, existing, ct);
            if (item is null)
                return ApiProblem.NotFound(Type.Noun);
            if (ApiPublication.CheckIfMatch(http.Request, item, Type.Noun) is { } refused)
                return refused;
            current = await Type.WorkingContentAsync(db, item, ct);
        }

        var errors = new FormState();
        var content = Read(body, current.Attachments, errors);
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        CaseRules.CopyTo(CaseRules.Validate(content, await CaseVocabulary.LoadAsync(db, ct), JapaneseEra.FiscalYearOf(clock.Today())), errors);
        var saver = http.RequestServices.GetRequiredService<ContentSaver>();
        // A key acts for the whole site, like a site administrator: any unit of the site may own the case.
        await saver.CheckOwnerAsync(errors, content.OwnerDepartmentId, new EditorScope(true, new HashSet<int>()), Type.Noun, ct);
        await CaseContentWorkflowType.CheckAdaptedFromAsync(db, errors, content.AdaptedFromCaseIds, item?.Id, ct);
        var (publishAt, closeAt) = ApiPublication.ReadSchedule(body.PublishAt, body.CloseAt, errors);
        var route = await ApiPublication.RouteAsync(body, tenant.RequiresApproval, db, errors, ct);
        if (!errors.IsValid)
            return ApiPublication.Invalid(errors, Rename);

        return await ApiPublication.SaveAsync(http, Type, item, body, route, async () =>
        {
            var target = item ?? new PolicyCase();
            var revision = await Type.SaveAsync(http.RequestServices, target, content, publishAt, closeAt, ApiPublication.ActorOf(Api.Keys.ApiCaller.Of(http)!),
                item is null ? "APIで作成" : "APIで更新", ct);
            return (target, revision);
        }, ct);
    }

    private static CaseContent Read(CaseWriteRequest b, IReadOnlyList<ContentAttachment> attachments, FormState errors)
    {
        var type = RelationshipTypeNames.FromCodeOrName(b.RelationshipType);
        if (type is null && !string.IsNullOrWhiteSpace(b.RelationshipType))
            errors.Error("relationshipType", $"関係区分（relationshipType）「{b.RelationshipType}」は support・collaboration・outsourcing のいずれかです。");
        if (b.Partners?.Contains(null) == true || b.Budgets?.Contains(null) == true || b.Links?.Contains(null) == true)
            errors.Error("partners", "協働・支援の相手・予算額・関連リンクの一覧に null は入れられません。");
        return new CaseContent
        {
            Title = Trim(b.Title), Summary = Trim(b.Summary), Background = Trim(b.Background), Activities = Trim(b.Activities),
            PartnersAndRoles = Trim(b.PartnersAndRoles), Outcomes = Trim(b.Outcomes), Lessons = Trim(b.Lessons),
            StartFiscalYear = b.StartFiscalYear ?? 0, EndFiscalYear = b.EndFiscalYear, RelationshipType = type,
            FieldCodes = (b.Fields ?? []).Select(Trim).ToList(),
            MethodCodes = (b.Methods ?? []).Select(Trim).ToList(),
            Partners = (b.Partners ?? []).OfType<Cases.CasePartner>().Select(p => new Cases.CasePartner(Trim(p.Name), string.IsNullOrWhiteSpace(p.CorporateNumber) ? null : p.CorporateNumber.Trim())).ToList(),
            Budgets = (b.Budgets ?? []).OfType<Cases.CaseBudget>().ToList(),
            Links = (b.Links ?? []).OfType<Cases.CaseLink>().Select(l => new Cases.CaseLink(Trim(l.Title), Trim(l.Url))).ToList(),
            Attachments = attachments,
            AdaptedFromCaseIds = (b.AdaptedFrom ?? []).Distinct().ToList(),
            OwnerDepartmentId = b.OwnerDepartmentId,
        };
    }

    private static string Trim(string? value) => value?.Trim() ?? "";
}
