
namespace NpoMunicipalNetwork.Cases.Exchange;

/// <summary>What an import did (or, with problems, why it did nothing).</summary>
public sealed record ImportOutcome(IReadOnlyList<ImportProblem> Problems, int Created, int Updated, int Unchanged, int Published)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Counts the rows a running import has dealt with, for its status page.</summary>
public interface IImportProgress
{
    void Phase(ImportPhase phase, int total);

    void Advance();
}

public enum ImportPhase
{
    Queued,
    Reading,
    Validating,
    Saving,
    Done,
}

/// <summary>
/// Imports case rows into the current tenant, all or nothing: every row is read and checked first
/// (<see cref="CaseRowParser"/>, <see cref="CaseRules.Validate"/>, ids, ownership, workflow state); only a
/// file without a single problem is written, in one transaction. A row with the id of one of this site's
/// cases saves a new revision of it; an id of another site's case is an error (the tenant filter hides it,
/// and it is named as such); a row without id creates a case. Unchanged rows are left alone, so importing
/// a fresh export changes nothing.
/// </summary>
public sealed class CaseImport(NetworkDbContext db, CaseWorkflow workflow, TenantContext tenant, AuditLog audit, TimeProvider clock)
{
    private static readonly CaseContentWorkflowType CaseType = new();

    public const int MaxRows = 2_000;

    public async Task<ImportOutcome> RunAsync(byte[] file, EditorScope scope, Actor actor, bool publish, IImportProgress progress, CancellationToken ct)
    {
        progress.Phase(ImportPhase.Reading, 1);
        SheetData sheet;
        try
        {
            sheet = SpreadsheetReader.Read(file);
        }
        catch (UnreadableFileException e)
        {
            return Failed(new ImportProblem(0, "ファイル", e.Message));
        }
        var problems = new List<ImportProblem>();
        var parser = CaseRowParser.ForHeader(sheet.Header, problems);
        if (parser is null)
            return Failed([.. problems]);
        var rows = sheet.Rows.Where(r => !CaseRowParser.IsBlank(r.Cells)).ToList();
        if (rows.Count == 0)
            return Failed(new ImportProblem(0, "ファイル", "取り込む行がありません。2行目以降に事例を入力してください。"));
        if (rows.Count > MaxRows)
            return Failed(new ImportProblem(0, "ファイル", $"一度に取り込めるのは{MaxRows:#,0}行までです（このファイルは{rows.Count:#,0}行）。ファイルを分けてください。"));

        progress.Phase(ImportPhase.Validating, rows.Count);
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var fiscalYear = JapaneseEra.FiscalYearOf(clock.Today());
        var parsed = rows.Select(r => parser.Parse(r.Row, r.Cells, vocabulary)).ToList();
        var ids = parsed.Select(p => p.Id).OfType<int>().ToList();
        // The tenant filter keeps other sites' cases out of this query: their ids are simply not found here.
        var existing = await CaseWorkflow.WithChildren(db.PolicyCases.Where(c => ids.Contains(c.Id))).ToDictionaryAsync(c => c.Id, ct);
        var foreign = (await db.PolicyCases.IgnoreQueryFilters().Where(c => ids.Contains(c.Id) && c.TenantId != tenant.TenantId).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var adaptedIds = parsed.SelectMany(p => p.Content.AdaptedFromCaseIds).Distinct().ToList();
        var knownSources = (await PublishedCases.All(db).Where(c => adaptedIds.Contains(c.Id)).Select(c => c.Id)
            .Concat(db.PolicyCases.Where(c => adaptedIds.Contains(c.Id)).Select(c => c.Id)).ToListAsync(ct)).ToHashSet();
        var memberCode = tenant.Tenant.MemberCode;
        var seenIds = new HashSet<int>();
        var plan = new List<(ParsedRow Row, PolicyCase? Case, CaseContent Content)>();

        foreach (var row in parsed)
        {
            var rowProblems = new List<ImportProblem>(row.Problems);
            void Problem(CaseColumn column, string message) => rowProblems.Add(new ImportProblem(row.Row, column.Label, message));
            PolicyCase? item = null;
            if (row.Id is { } id and > 0)
            {
                if (!seenIds.Add(id))
                    Problem(CaseColumns.Id, $"ID {id} の行が2回以上あります。1つの事例は1行にまとめてください。");
                if (existing.TryGetValue(id, out item))
                {
                    if (item.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled)
                        Problem(CaseColumns.Id, $"ID {id} の事例は承認待ちまたは公開待ちのため更新できません。先に依頼を取り下げてください。");
                    if (!scope.CanEdit(item.OwnerDepartmentId))
                        Problem(CaseColumns.Id, $"ID {id} の事例は、あなたの所属の担当ではないため更新できません。");
                }
                else
                    Problem(CaseColumns.Id, foreign.Contains(id)
                        ? $"ID {id} は別の団体の事例です。ほかの団体の事例は更新できません（新しい事例として登録するならIDを空欄にしてください）。"
                        : $"ID {id} の事例はこのサイトにありません。新しい事例として登録するならIDを空欄にしてください。");
            }
            else if (!scope.All && scope.DepartmentIds.Count == 0)
                Problem(CaseColumns.Id, "所属がないため新しい事例を登録できません。管理者に所属の設定を依頼してください。");
            if (row.MemberCode is { } code && !row.FailedKeys.Contains(CaseColumns.MemberCode.Key) && code != memberCode)
                Problem(CaseColumns.MemberCode, $"団体コード「{code}」はこのサイトの団体（{tenant.Tenant.DisplayName}{(memberCode is null ? "" : $"、{memberCode}")}）のものではありません。");
            foreach (var source in row.Content.AdaptedFromCaseIds)
                if (!knownSources.Contains(source))
                    Problem(CaseColumns.AdaptedFrom, $"参考にした事例のID {source} は、公開中の事例にもこのサイトの事例にもありません。");
                else if (source == row.Id)
                    Problem(CaseColumns.AdaptedFrom, "自分自身を参考にした事例には指定できません。");

            // Attachments are managed on the edit form; an import keeps the case's files and its owner unit.
            var content = row.Content with
            {
                Attachments = item is null ? [] : CaseContent.From(item).Attachments,
                OwnerDepartmentId = item is null ? (scope.All ? null : scope.DepartmentIds.Order().FirstOrDefault()) : item.OwnerDepartmentId,
            };
            foreach (var p in CaseRules.Validate(content, vocabulary, fiscalYear))
                if (!row.FailedKeys.Contains(p.Field))
                    rowProblems.Add(new ImportProblem(row.Row, CaseColumns.LabelOf(p.Field), p.Message));
            problems.AddRange(rowProblems);
            plan.Add((row, item, content));
            progress.Advance();
        }
        if (problems.Count > 0)
            return Failed([.. problems]);

        progress.Phase(ImportPhase.Saving, plan.Count);
        int created = 0, updated = 0, unchanged = 0, published = 0;
        var directly = publish && !tenant.Tenant.RequiresApproval;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (row, existingCase, content) in plan)
        {
            if (existingCase is not null && Same(existingCase, content))
            {
                unchanged++;
                progress.Advance();
                continue;
            }
            var item = existingCase ?? new PolicyCase();
            await workflow.SaveRevisionAsync(item, CaseType.NewRevision(content, actor, $"一括登録（{row.Row}行目）"), item.PublishAtUtc, item.CloseAtUtc, ct);
            var target = new AuditTarget(AuditTargetTypes.PolicyCase, item.Id.ToString(), content.Title);
            audit.Record(existingCase is null ? AuditAction.Create : AuditAction.Update, target,
                $"政策事例「{content.Title}」を一括登録で{(existingCase is null ? "作成" : "更新")}（下書き）", new AuditActor(actor.UserId, actor.Name));
            if (existingCase is null) created++; else updated++;
            if (directly)
            {
                await workflow.PublishDirectlyAsync(item, ct);
                audit.Record(AuditAction.Publish, target, $"政策事例「{content.Title}」を一括登録から公開", new AuditActor(actor.UserId, actor.Name));
                published++;
            }
            await db.SaveChangesAsync(ct);
            progress.Advance();
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        progress.Phase(ImportPhase.Done, plan.Count);
        return new ImportOutcome([], created, updated, unchanged, published);

        static ImportOutcome Failed(params ImportProblem[] p) => new(p, 0, 0, 0, 0);
    }

    /// <summary>Whether the row says nothing new about the case's live copy (a working draft, if any, is not compared).</summary>
    private static bool Same(PolicyCase item, CaseContent content) => CaseContentEquivalence.Equivalent(CaseContent.From(item), content);
}
