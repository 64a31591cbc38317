
namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// The workflow of policy cases: a revision carries the whole <see cref="CaseContent"/> as JSON and
/// its sections as Markdown; publishing copies it into the live columns and child rows.
/// </summary>
public sealed class CaseWorkflow(NetworkDbContext context, TimeProvider clock, ApprovalEngine engine, Publishing.Checks.ContentCheckerProvider checkers)
    : ContentWorkflow<PolicyCase>(context, clock, engine, checkers)
{
    public const string ContentType = "PolicyCase";

    public override string Type => ContentType;

    /// <summary>A case with every child row the live copy is made of (what publishing rewrites).</summary>
    public static IQueryable<PolicyCase> WithChildren(IQueryable<PolicyCase> cases) => cases
        .Include(c => c.Fields).ThenInclude(f => f.Field)
        .Include(c => c.Methods).ThenInclude(m => m.Method)
        .Include(c => c.Partners).Include(c => c.Budgets).Include(c => c.Links)
        .Include(c => c.Attachments).ThenInclude(a => a.File)
        .Include(c => c.AdaptedFrom)
        .AsSplitQuery();

    protected override void ApplyToLive(PolicyCase item, ContentRevision revision)
    {
        var c = CaseContent.FromJson(revision.PayloadJson ?? throw new InvalidOperationException("A case revision without content."));
        // Small tables, read once per publish; the sync read keeps the workflow's publish step synchronous like pages.
        var fields = Db.PolicyFields.AsNoTracking().ToList();
        var methods = Db.PolicyMethods.AsNoTracking().ToList();
        var vocabulary = new CaseVocabulary(fields, methods);

        item.Title = c.Title;
        item.Summary = c.Summary;
        item.Background = c.Background;
        item.Activities = c.Activities;
        item.PartnersAndRoles = c.PartnersAndRoles;
        item.Outcomes = c.Outcomes;
        item.Lessons = c.Lessons;
        item.StartFiscalYear = c.StartFiscalYear;
        item.EndFiscalYear = c.EndFiscalYear;
        item.RelationshipType = c.RelationshipType ?? RelationshipType.Collaboration;
        item.OwnerDepartmentId = c.OwnerDepartmentId;

        Sync(item.Fields, c.FieldCodes.Select(code => vocabulary.Field(code)?.Id).OfType<int>().Distinct(),
            f => f.PolicyFieldId, id => new PolicyCaseField { PolicyFieldId = id });
        Sync(item.Methods, c.MethodCodes.Select(code => vocabulary.Method(code)?.Id).OfType<int>().Distinct(),
            m => m.PolicyMethodId, id => new PolicyCaseMethod { PolicyMethodId = id });
        Sync(item.AdaptedFrom, c.AdaptedFromCaseIds.Where(id => id != item.Id).Distinct(),
            a => a.SourceCaseId, id => new PolicyCaseAdaptation { SourceCaseId = id });
        var budgets = c.Budgets.ToDictionary(b => b.FiscalYear, b => b.AmountYen);
        Sync(item.Budgets, budgets.Keys, b => b.FiscalYear, year => new PolicyCaseBudget { FiscalYear = year });
        foreach (var b in item.Budgets)
            b.AmountYen = budgets[b.FiscalYear];

        // Ordered lists with their own ids are simply rewritten.
        item.Partners.Clear();
        item.Partners.AddRange(c.Partners.Select((p, i) => new PolicyCasePartner { Order = i, Name = p.Name, CorporateNumber = string.IsNullOrEmpty(p.CorporateNumber) ? null : p.CorporateNumber }));
        item.Links.Clear();
        item.Links.AddRange(c.Links.Select((l, i) => new PolicyCaseLink { Order = i, Title = l.Title, Url = l.Url }));
        item.Attachments.Clear();
        item.Attachments.AddRange(c.Attachments.Select((a, i) => new PolicyCaseAttachment { Order = i, Title = a.Title, StoredFileId = a.StoredFileId }));
    }

    /// <summary>Makes a keyed child collection hold exactly <paramref name="keys"/> without deleting and re-adding rows that stay.</summary>
    private static void Sync<TChild>(List<TChild> children, IEnumerable<int> keys, Func<TChild, int> keyOf, Func<int, TChild> create)
    {
        var wanted = keys.ToHashSet();
        children.RemoveAll(c => !wanted.Contains(keyOf(c)));
        foreach (var key in wanted.Except(children.Select(keyOf)).ToList())
            children.Add(create(key));
    }
}
