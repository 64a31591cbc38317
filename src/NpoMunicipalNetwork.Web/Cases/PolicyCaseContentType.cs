using System.Text.Json;
using System.Text.Json.Nodes;
using NpoMunicipalNetwork.Recipes;

namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// Policy cases in a recipe's <c>Content</c> step, upserted by title within the step's tenant:
/// <c>{ "type": "PolicyCase", "title": "…", "summary": "…", "background": "…", "activities": "…", "partnersAndRoles": "…",
/// "outcomes": "…", "lessons": "…", "startFiscalYear": 2005, "endFiscalYear": 2008, "relationshipType": "collaboration",
/// "fields": ["welfare"], "methods": ["subsidy"], "partners": [{ "name": "…", "corporateNumber": "…" }],
/// "budgets": [{ "fiscalYear": 2005, "amountYen": 1200000 }], "links": [{ "title": "…", "url": "…" }],
/// "adaptedFrom": [{ "tenant": "chiba", "title": "…" }], "published": true, "sample": true }</c>.
/// The content passes <see cref="CaseRules.Validate"/> like the form and the import, and is saved as a
/// revision through <see cref="CaseWorkflow"/> (and published from it), so later edits start from a real history.
/// "adaptedFrom" names cases by site and title because ids are not known when the recipe is written;
/// the source must come earlier in the recipe (or exist already).
/// </summary>
public sealed class PolicyCaseContentType(CaseWorkflow workflow) : IContentTypeHandler
{
    private static readonly CaseContentWorkflowType CaseType = new();

    public string Type => "PolicyCase";

    private static readonly Actor RecipeActor = new(0, "レシピ");

    public Func<RecipeExecutionContext, Task> Prepare(StepReader item)
    {
        item.AllowOnly("type", "title", "summary", "background", "activities", "partnersAndRoles", "outcomes", "lessons", "startFiscalYear",
            "endFiscalYear", "relationshipType", "fields", "methods", "partners", "budgets", "links", "adaptedFrom", "published", "sample");
        var title = item.String("title", required: true, maxLength: PolicyCase.TitleLength);
        var typeText = item.String("relationshipType", required: true);
        var type = typeText is null ? null : RelationshipTypeNames.FromCodeOrName(typeText);
        if (typeText is not null && type is null)
            item.Error("relationshipType", $"関係区分「{typeText}」は support・collaboration・outsourcing のいずれかです。");
        var partners = item.Objects("partners").Select(p =>
        {
            p.AllowOnly("name", "corporateNumber");
            return new CasePartner(p.String("name", required: true) ?? "", p.String("corporateNumber") is { } n ? CorporateNumber.Normalize(n) : null);
        }).ToList();
        var budgets = item.Objects("budgets").Select(b =>
        {
            b.AllowOnly("fiscalYear", "amountYen");
            return new CaseBudget(b.Int("fiscalYear") ?? 0, Long(b, "amountYen"));
        }).ToList();
        var links = item.Objects("links").Select(l =>
        {
            l.AllowOnly("title", "url");
            return new CaseLink(l.String("title", required: true) ?? "", l.String("url", required: true) ?? "");
        }).ToList();
        var sources = item.Objects("adaptedFrom").Select(a =>
        {
            a.AllowOnly("tenant", "title");
            return (Tenant: a.String("tenant", required: true), Title: a.String("title", required: true));
        }).ToList();
        var start = item.Int("startFiscalYear");
        if (start is null)
            item.Error("startFiscalYear", "開始年度を西暦で指定してください。");
        var content = new CaseContent
        {
            Title = title ?? "", Summary = item.String("summary", maxLength: 100_000) ?? "",
            Background = item.String("background", maxLength: 100_000) ?? "", Activities = item.String("activities", maxLength: 100_000) ?? "",
            PartnersAndRoles = item.String("partnersAndRoles", maxLength: 100_000) ?? "", Outcomes = item.String("outcomes", maxLength: 100_000) ?? "",
            Lessons = item.String("lessons", maxLength: 100_000) ?? "",
            StartFiscalYear = start ?? 0, EndFiscalYear = item.Int("endFiscalYear"), RelationshipType = type,
            FieldCodes = item.Strings("fields"), MethodCodes = item.Strings("methods"),
            Partners = partners, Budgets = budgets, Links = links,
        };
        var published = item.Bool("published", true);
        var sample = item.Bool("sample");
        var path = item.PathOf("");

        return async ctx =>
        {
            var ct = ctx.CancellationToken;
            var vocabulary = await CaseVocabulary.LoadAsync(ctx.Db, ct);
            var adaptedFrom = new List<int>();
            foreach (var (tenant, sourceTitle) in sources)
            {
                var id = await ctx.Db.PolicyCases.IgnoreQueryFilters()
                    .Where(c => c.Title == sourceTitle && ctx.Db.Tenants.Any(t => t.Id == c.TenantId && t.Name == tenant))
                    .Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
                if (id is null)
                    throw new RecipeStepException(path + "adaptedFrom", $"参考にした事例「{tenant}」の「{sourceTitle}」が見つかりません（レシピの前の方で作成してください）。");
                adaptedFrom.Add(id.Value);
            }
            var full = content with { AdaptedFromCaseIds = adaptedFrom };
            var fiscalYear = JapaneseEra.FiscalYearOf(DateOnly.FromDateTime(JapanTime.ToJst(ctx.UtcNow)));
            if (CaseRules.Validate(full, vocabulary, fiscalYear) is { Count: > 0 } problems)
                throw new RecipeStepException(path + problems[0].Field,
                    $"事例「{full.Title}」: " + string.Join(" ", problems.Select(p => $"{CaseRules.Labels.GetValueOrDefault(p.Field, p.Field)}: {p.Message}")));

            // A first start creates every case: one cheap lookup instead of loading children that are not there.
            var existingId = await ctx.Db.PolicyCases.Where(c => c.Title == full.Title).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            var existing = existingId is null ? null : await CaseWorkflow.WithChildren(ctx.Db.PolicyCases).SingleAsync(c => c.Id == existingId, ct);
            var item = existing ?? new PolicyCase();
            if (existing is not null)
                full = full with { Attachments = CaseContent.From(existing).Attachments, OwnerDepartmentId = existing.OwnerDepartmentId };
            item.IsSample = sample;
            if (existing is null || !CaseContentEquivalence.Equivalent(CaseContent.From(existing), full))
                await workflow.SaveRevisionAsync(item, CaseType.NewRevision(full, RecipeActor, "レシピから登録"), null, null, ct);
            if (published && item.WorkflowState == WorkflowState.Draft)
                await workflow.PublishDirectlyAsync(item, ct);
            await ctx.Db.SaveChangesAsync(ct);
        };
    }

    private static long Long(StepReader reader, string field)
    {
        if (reader.Node[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var n))
            return n;
        reader.Error(field, "整数（円）で指定してください。");
        return 0;
    }
}
