
namespace NpoMunicipalNetwork.Market;

/// <summary>The market round content type (協働事業提案の募集回): member sites only; the hub shows every member's in its network view.</summary>
public sealed class MarketRoundContentWorkflowType : ContentType<MarketRound, MarketRoundContent>
{
    public override string Type => MarketRoundWorkflow.ContentType;
    public override string Noun => "募集回";
    public override string AdminSegment => "market";
    public override string ListLabel => "協働事業提案の募集回";
    public override string ListIntro => "協働事業提案制度の募集回です。公開した募集回は、このサイトとネットワークのパートナーシップ市場に載り、受付期間中はNPOが提案できます。";
    public override string TitleLabel => "募集回の名称";
    public override bool MemberSiteOnly => true;

    /// <summary>Proposals belong to the round (they cascade with it), so the confirmation says what the organisations lose.</summary>
    public override string DeleteConsequence => "公開中の場合は、すぐにサイトから見られなくなります。この募集回に届いた提案（団体の下書きを含む）もすべて削除されます。";

    public override async Task<IReadOnlyList<string>> DeleteWarningsAsync(NetworkDbContext db, int id, CancellationToken ct)
    {
        var count = await db.MarketProposals.CountAsync(p => p.RoundId == id, ct);
        return count == 0 ? [] : [$"この募集回には団体の提案が{count}件あります（下書き・取り下げを含む）。削除すると団体からも見られなくなります。"];
    }

    public override IContentWorkflow Workflow(IServiceProvider services) => services.GetRequiredService<MarketRoundWorkflow>();

    public override string LivePath(IWorkflowItem item) => $"/market/{item.Id}";

    // The audit log shows the noun (募集回) for a target type that is a content type.
    public override AuditTarget Target(IWorkflowItem item) => new(Type, item.Id.ToString(CultureInfo.InvariantCulture), item.Title);

    public override Func<ContentRevision, string>? Details => r => r.PayloadJson is null ? "" : MarketRoundContent.FromJson(r.PayloadJson).DetailLines();

    public override IReadOnlyList<ContentColumn<MarketRound>> Columns =>
    [
        new("実施年度", r => JapaneseEra.FormatFiscalYear(r.FiscalYear), "year"),
        new("締切", r => r.ClosesUtc == default ? "" : JapanTime.FormatDateTime(r.ClosesUtc), "closes"),
    ];

    public override IReadOnlyList<ContentSort<MarketRound>> Sorts => [new("year", "実施年度", r => r.FiscalYear), new("closes", "締切", r => r.ClosesUtc)];

    public override MarketRoundContent FromLive(MarketRound item) => MarketRoundContent.From(item);

    public override MarketRoundContent FromRevision(ContentRevision revision) =>
        MarketRoundContent.FromJson(revision.PayloadJson ?? throw new InvalidOperationException("A round revision without content."));

    protected override ContentRevision ToRevision(MarketRoundContent content) =>
        new() { ContentType = Type, Title = content.Title, Slug = "", BodyMarkdown = content.Markdown(), PayloadJson = content.ToJson() };

    protected override MarketRoundContent FixText(MarketRoundContent content, Func<string, string> fix) => content with
    {
        Eligibility = fix(content.Eligibility), RequiredDocuments = fix(content.RequiredDocuments), Schedule = fix(content.Schedule),
        Issues = content.Issues.Select(i => new MarketIssue(i.Title, fix(i.Background), fix(i.Contribution), fix(i.Synergy))).ToList(),
    };

    /// <summary>A new round is for next fiscal year: adopted proposals are carried out the year after the call.</summary>
    public override MarketRoundContent NewContent(ContentEdit<MarketRound, MarketRoundContent> edit) => new() { FiscalYear = JapaneseEra.FiscalYearOf(edit.Today) + 1 };

    public override void Fill(FormState form, MarketRoundContent content) => MarketRoundForm.Fill(form, content);

    public override Task<MarketRoundContent> ReadAsync(ContentEdit<MarketRound, MarketRoundContent> edit, IReadOnlyList<ContentAttachment> attachments, CancellationToken ct) =>
        Task.FromResult(MarketRoundForm.Read(edit.Form, edit.Owner, JapaneseEra.FiscalYearOf(edit.Today)));
}
