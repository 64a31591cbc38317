
namespace NpoMunicipalNetwork.Cases;

/// <summary>The policy case content type (政策事例): a member government's case, shown on its site and in the network's case database.</summary>
public sealed class CaseContentWorkflowType : ContentType<PolicyCase, CaseContent>
{
    public override string Type => CaseWorkflow.ContentType;
    public override string Noun => "事例";
    public override string AdminSegment => "cases";
    public override string ListLabel => "政策事例";
    public override string ListIntro => "この自治体のNPO施策の事例です。公開した事例は、このサイトとネットワーク全体の事例データベースの両方に載ります。";
    public override string TitleLabel => "事例名";
    public override bool MemberSiteOnly => true;

    protected override IQueryable<PolicyCase> Tracked(NetworkDbContext db) => CaseWorkflow.WithChildren(db.PolicyCases);

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<CaseWorkflow>();

    public override ContentWriteApi<CaseContent> WriteApi { get; } = new CaseWriteApi();

    public override ContentEvent PublishedEvent { get; } = new("case.published", "政策事例が公開されたとき", item =>
    {
        var c = (PolicyCase)item;
        return new { summary = c.Summary, startFiscalYear = c.StartFiscalYear, endFiscalYear = c.EndFiscalYear, relationshipType = c.RelationshipType.Code() };
    });

    public override string LivePath(IWorkflowItem item) => $"/cases/{item.Id}";

    public override AuditTarget Target(IWorkflowItem item) => AuditTarget.PolicyCase((PolicyCase)item);

    public override Func<ContentRevision, string>? Details => r => r.PayloadJson is null ? "" : CaseContent.FromJson(r.PayloadJson).DetailLines();

    public override IReadOnlyList<ContentColumn<PolicyCase>> Columns =>
    [
        new("開始年度", c => CaseDisplay.Years(c.StartFiscalYear, c.EndFiscalYear), "year"),
        new("関係区分", c => c.RelationshipType.Japanese()),
    ];

    public override IReadOnlyList<ContentSort<PolicyCase>> Sorts => [new("year", "開始年度", c => c.StartFiscalYear)];

    public override IQueryable<PolicyCase> MatchText(IQueryable<PolicyCase> items, string text) => items.Where(c => c.Title.Contains(text) || c.Summary.Contains(text));

    public override CaseContent FromLive(PolicyCase item) => CaseContent.From(item);

    public override CaseContent FromRevision(ContentRevision revision) =>
        CaseContent.FromJson(revision.PayloadJson ?? throw new InvalidOperationException("A case revision without content."));

    protected override ContentRevision ToRevision(CaseContent content) =>
        new() { ContentType = Type, Title = content.Title, Slug = "", BodyMarkdown = content.SectionsMarkdown(), PayloadJson = content.ToJson() };

    protected override CaseContent FixText(CaseContent c, Func<string, string> fix) => c with
    {
        Summary = fix(c.Summary), Background = fix(c.Background), Activities = fix(c.Activities),
        PartnersAndRoles = fix(c.PartnersAndRoles), Outcomes = fix(c.Outcomes), Lessons = fix(c.Lessons),
    };

    public override ContentAttachments<CaseContent>? Attachments { get; } =
        new(Files.FileRules.PdfAndImages, CaseRules.MaxAttachments, "添付ファイル", c => c.Attachments, (c, files) => c with { Attachments = files });

    public override CaseContent NewContent(ContentEdit<PolicyCase, CaseContent> edit) => new() { StartFiscalYear = JapaneseEra.FiscalYearOf(edit.Today) };

    public override void Fill(FormState form, CaseContent content) => CaseForm.Fill(form, content);

    /// <summary>The case rules (<see cref="CaseRules"/>) and the "adapted from" references.</summary>
    public override async Task<CaseContent> ReadAsync(ContentEdit<PolicyCase, CaseContent> edit, IReadOnlyList<ContentAttachment> attachments, CancellationToken ct)
    {
        var content = CaseForm.Read(edit.Form, attachments);
        var vocabulary = await CaseVocabulary.LoadAsync(edit.Db, ct);
        CaseRules.CopyTo(CaseRules.Validate(content, vocabulary, JapaneseEra.FiscalYearOf(edit.Today)), edit.Form);
        await CheckAdaptedFromAsync(edit.Db, edit.Form, content.AdaptedFromCaseIds, edit.Item?.Id, ct);
        return content;
    }

    /// <summary>A case may cite any member's published case, never itself.</summary>
    public static async Task CheckAdaptedFromAsync(NetworkDbContext db, FormState form, IReadOnlyList<int> ids, int? self, CancellationToken ct)
    {
        if (self is { } me && ids.Contains(me))
            form.Error("adaptedFrom", "参考にした事例に、この事例自身は指定できません。");
        var known = await PublishedCases.All(db).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        foreach (var missing in ids.Except(known).Where(id => id != self))
            form.Error("adaptedFrom", $"事例番号 {missing} の公開中の事例はありません。事例データベースで番号を確かめてください。");
    }

    public override async Task AddOptionsAsync(ContentEdit<PolicyCase, CaseContent> edit, Dictionary<string, IReadOnlyList<Option>> options, CancellationToken ct)
    {
        var form = edit.Form;
        var vocabulary = await CaseVocabulary.LoadAsync(edit.Db, ct);
        var fields = form.Many("fields").ToHashSet();
        var methods = form.Many("methods").ToHashSet();
        options["relationshipType"] = [new Option("", "選んでください", form.Text("relationshipType") is null or ""),
            .. RelationshipTypeNames.All.Select(t => new Option(t.Code(), $"{t.Japanese()}（{t.Gloss()}）", form.Text("relationshipType") == t.Code()))];
        // Retired terms stay selectable only where a case already has them.
        options["fields"] = vocabulary.Fields.Where(f => !f.IsRetired || fields.Contains(f.Code)).Select(f => new Option(f.Code, f.Name, fields.Contains(f.Code))).ToList();
        options["methods"] = vocabulary.Methods.Where(m => !m.IsRetired || methods.Contains(m.Code))
            .Select(m => new Option(m.Code, $"{m.Name}（{string.Join("・", RelationshipTypeNames.All.Where(t => m.RelationshipTypes.Includes(t)).Select(t => t.Japanese()))}）",
                methods.Contains(m.Code))).ToList();
    }

    public override string DeleteConsequence => "公開中の場合は、すぐに会員サイトと事例データベースから見られなくなります。";

    /// <summary>Other members' "adapted from" links to the case are removed with it (cascade in the database).</summary>
    public override async Task<IReadOnlyList<string>> DeleteWarningsAsync(NetworkDbContext db, int id, CancellationToken ct)
    {
        var adaptedBy = await db.PolicyCases.IgnoreQueryFilters().CountAsync(c => c.AdaptedFrom.Any(a => a.SourceCaseId == id), ct);
        return adaptedBy > 0 ? [$"この事例を参考にした事例が {adaptedBy} 件あります。その参照も消えます。"] : [];
    }
}
