using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Reports;

/// <summary>The report content type (調査研究報告書): the secretariat's on the hub, a member's on its own site; read mostly as PDF.</summary>
public sealed class ReportContentWorkflowType : ContentType<Report, ReportContent>
{
    public override string Type => ReportWorkflow.ContentType;
    public override string Noun => "報告書";
    public override string AdminSegment => "reports";
    public override string ListLabel => "調査研究報告書";
    public override string ListIntro => "調査研究の報告書です。公開した報告書は、このサイトの報告書の一覧とネットワーク全体の検索に載ります。";
    public override string TitleLabel => "題名";

    protected override IQueryable<Report> Tracked(NetworkDbContext db) => ReportWorkflow.WithChildren(db.Reports);

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<ReportWorkflow>();

    public override string LivePath(IWorkflowItem item) => $"/reports/{item.Id}";

    public override Func<Report, ContentSearchEntry> SiteSearch => r => new(r.Title,
        string.Join("\n\n", r.Summary, r.Authors, r.TableOfContents, Search.PlainText.FromMarkdown(r.Body)),
        $"/reports/{r.Id}", r.PublishedUtc, JapaneseEra.FormatFiscalYear(r.FiscalYear));

    public override IQueryable<Report> Findable(NetworkDbContext db) => PublishedReports.All(db).AsNoTracking();

    public override AuditTarget Target(IWorkflowItem item) => AuditTarget.Report((Report)item);

    public override Func<ContentRevision, string>? Details => r => r.PayloadJson is null ? "" : ReportContent.FromJson(r.PayloadJson).DetailLines();

    public override IReadOnlyList<ContentColumn<Report>> Columns => [new("年度", r => JapaneseEra.FormatFiscalYear(r.FiscalYear), "year")];

    public override IReadOnlyList<ContentSort<Report>> Sorts => [new("year", "年度", r => r.FiscalYear)];

    public override IQueryable<Report> MatchText(IQueryable<Report> items, string text) => items.Where(r => r.Title.Contains(text) || r.Summary.Contains(text));

    public override ReportContent FromLive(Report item) => ReportContent.From(item);

    public override ReportContent FromRevision(ContentRevision revision) =>
        ReportContent.FromJson(revision.PayloadJson ?? throw new InvalidOperationException("A report revision without content."));

    protected override ContentRevision ToRevision(ReportContent content) =>
        new() { ContentType = Type, Title = content.Title, Slug = "", BodyMarkdown = content.Markdown(), PayloadJson = content.ToJson() };

    protected override ReportContent FixText(ReportContent content, Func<string, string> fix) =>
        content with { Summary = fix(content.Summary), Body = fix(content.Body) };

    public override ContentAttachments<ReportContent>? Attachments { get; } =
        new(ReportForm.PdfOnly, ReportForm.MaxFiles, "PDF", c => c.Files, (c, files) => c with { Files = files });

    public override ReportContent NewContent(ContentEdit<Report, ReportContent> edit) => new() { FiscalYear = JapaneseEra.FiscalYearOf(edit.Today) };

    public override void Fill(FormState form, ReportContent content) => ReportForm.Fill(form, content);

    /// <summary>The form's rules (<see cref="ReportForm"/>), and related cases must be published cases of any member.</summary>
    public override async Task<ReportContent> ReadAsync(ContentEdit<Report, ReportContent> edit, IReadOnlyList<ContentAttachment> attachments, CancellationToken ct)
    {
        var content = ReportForm.Read(edit.Form, attachments, await CaseVocabulary.LoadAsync(edit.Db, ct), JapaneseEra.FiscalYearOf(edit.Today));
        var known = await PublishedCases.All(edit.Db).Where(c => content.RelatedCaseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        foreach (var missing in content.RelatedCaseIds.Except(known))
            edit.Form.Error("relatedCases", $"事例番号 {missing} の公開中の事例はありません。事例データベースで番号を確かめてください。");
        return content;
    }

    public override async Task AddOptionsAsync(ContentEdit<Report, ReportContent> edit, Dictionary<string, IReadOnlyList<Option>> options, CancellationToken ct)
    {
        var vocabulary = await CaseVocabulary.LoadAsync(edit.Db, ct);
        var selected = edit.Form.Many("topics").ToHashSet();
        // Retired terms stay selectable only where a report already has them.
        options["topics"] = vocabulary.Fields.Where(f => !f.IsRetired || selected.Contains(f.Code)).Select(f => new Option(f.Code, f.Name, selected.Contains(f.Code))).ToList();
    }
}
