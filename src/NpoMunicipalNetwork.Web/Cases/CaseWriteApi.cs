namespace NpoMunicipalNetwork.Cases;

/// <summary>A policy case as a client sends it: the codebook's keys, vocabulary by code, the whole case each time.</summary>
public sealed class CaseWriteRequest : ContentWriteRequest
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
    public List<CasePartner?>? Partners { get; init; }
    public List<CaseBudget?>? Budgets { get; init; }
    public List<CaseLink?>? Links { get; init; }
    public List<int>? AdaptedFrom { get; init; }
}

/// <summary>
/// The case's keyed-write API (<c>/api/v1/cases</c>): checked by <see cref="CaseRules"/> and the "adapted from" check,
/// as the editor form is. The API feature does the rest (<see cref="ContentWriteApi{TContent}"/>).
/// </summary>
public sealed class CaseWriteApi : ContentWriteApi<CaseContent>
{
    public override Type RequestType => typeof(CaseWriteRequest);
    public override string Scope => "write:cases";
    public override (string Name, string Summary) Create => ("CreateCase", "政策事例を登録する（write:cases）");
    public override (string Name, string Summary) Update => ("UpdateCase", "政策事例を更新する（write:cases、If-Match 必須）");

    public override IReadOnlyDictionary<string, string> Labels { get; } = CaseRules.Labels.Where(l => l.Key != "owner").ToDictionary();

    public override async Task<CaseContent> ReadAsync(ContentWriteRequest body, CaseContent? current, int? itemId, IServiceProvider services, FormState errors, CancellationToken ct)
    {
        var db = services.GetRequiredService<NetworkDbContext>();
        var content = Read((CaseWriteRequest)body, current?.Attachments ?? [], errors) with { OwnerDepartmentId = body.OwnerDepartmentId };
        var today = services.GetRequiredService<TimeProvider>().Today();
        CaseRules.CopyTo(CaseRules.Validate(content, await CaseVocabulary.LoadAsync(db, ct), JapaneseEra.FiscalYearOf(today)), errors);
        await CaseContentWorkflowType.CheckAdaptedFromAsync(db, errors, content.AdaptedFromCaseIds, itemId, ct);
        return content;
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
            Partners = (b.Partners ?? []).OfType<CasePartner>().Select(p => new CasePartner(Trim(p.Name), string.IsNullOrWhiteSpace(p.CorporateNumber) ? null : p.CorporateNumber.Trim())).ToList(),
            Budgets = (b.Budgets ?? []).OfType<CaseBudget>().ToList(),
            Links = (b.Links ?? []).OfType<CaseLink>().Select(l => new CaseLink(Trim(l.Title), Trim(l.Url))).ToList(),
            Attachments = attachments,
            AdaptedFromCaseIds = (b.AdaptedFrom ?? []).Distinct().ToList(),
        };
    }

}
