using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Admin;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Forms;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Cases;

public sealed record CaseAdminRow(int Id, string Title, string Years, string Type, string Status, string? Department, string Updated, string EditUrl, string StatusUrl, bool CanEdit);

public sealed record CaseListModel(IReadOnlyList<CaseAdminRow> Rows, Pager Pager, IReadOnlyList<SortLink> Sorts, IReadOnlyList<Option> States, string? Query, bool CanCreate);

/// <summary>
/// A member's policy cases in its admin area. Every save is a revision that goes public through
/// the workflow (<see cref="WorkflowEndpoints"/> serves the status, approval and history screens).
/// </summary>
public static class CaseAdminEndpoints
{
    public static RouteGroupBuilder MapCaseAdmin(this RouteGroupBuilder admin)
    {
        var cases = admin.MapGroup("/cases").RequirePermission(Permissions.EditOwnContent).MemberSiteOnly();
        cases.MapGet("/", List);
        cases.MapGet("/new", New);
        cases.MapPost("/", (HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct) => Save(null, http, input, db, ct));
        cases.MapGet("/{id:int}/edit", Edit);
        cases.MapPost("/{id:int}", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct) => Save(id, http, input, db, ct));
        cases.MapGet("/{id:int}/delete", ConfirmDelete);
        cases.MapPost("/{id:int}/delete", Delete);
        cases.MapGet("/{id:int}/files/{fileId:int}", File);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var list = new ListQuery(http.Request, "/admin/cases", ["title", "updated", "year"], "updated");
        var q = db.PolicyCases.AsNoTracking();
        var text = list.Filter("q");
        if (text is not null)
            q = q.Where(c => c.Title.Contains(text) || c.Summary.Contains(text));
        q = list.Filter("state") switch
        {
            "published" => q.Where(c => c.IsPublished),
            "draft" => q.Where(c => !c.IsPublished),
            "waiting" => q.Where(c => c.WorkflowState == WorkflowState.Waiting),
            _ => q,
        };
        q = (list.Sort, list.Descending) switch
        {
            ("title", false) => q.OrderBy(c => c.Title), ("title", true) => q.OrderByDescending(c => c.Title),
            ("year", false) => q.OrderBy(c => c.StartFiscalYear), ("year", true) => q.OrderByDescending(c => c.StartFiscalYear),
            (_, false) => q.OrderBy(c => c.UpdatedUtc), _ => q.OrderByDescending(c => c.UpdatedUtc),
        };
        var total = await q.CountAsync(ct);
        var rows = await list.Apply(q).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var basePath = http.Request.PathBase.Value;
        var model = new CaseListModel(
            rows.Select(c => new CaseAdminRow(c.Id, c.Title, CaseDisplay.Years(c.StartFiscalYear, c.EndFiscalYear), c.RelationshipType.Japanese(),
                WorkflowStateNames.Label(c.WorkflowState, c.IsPublished, c.ClosedUtc != null, c.LiveRevisionId != null),
                c.OwnerDepartmentId is { } d ? departments.GetValueOrDefault(d) : null, JapanTime.FormatDateTime(c.UpdatedUtc),
                $"{basePath}/admin/cases/{c.Id}/edit", $"{basePath}/admin/cases/{c.Id}", scope.CanEdit(c.OwnerDepartmentId))).ToList(),
            list.Pager(total),
            [list.SortLink("title", "事例名"), list.SortLink("year", "開始年度"), list.SortLink("updated", "更新日時")],
            [new("published", "公開中", list.Filter("state") == "published"), new("draft", "非公開（下書き・公開終了）", list.Filter("state") == "draft"),
             new("waiting", "承認待ち", list.Filter("state") == "waiting")],
            text, scope.All || scope.DepartmentIds.Count > 0);
        return ThemeResults.Admin("admin/cases/index", model, new PageMeta("政策事例", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("政策事例")]));
    }

    private static async Task<IResult> New(HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        if (!scope.All && scope.DepartmentIds.Count == 0)
            return ThemeResults.Forbidden();
        var form = new FormState();
        CaseForm.Fill(form, new CaseContent { StartFiscalYear = JapaneseEra.FiscalYearOf(clock.Today()), OwnerDepartmentId = scope.All ? null : scope.DepartmentIds.First() });
        return await CaseEditForm.RenderAsync(http, db, scope, form, null, [], ct);
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, scope, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        // A staged edit (差し替え) is edited where it stands, not the live copy.
        var content = await WorkingContentAsync(db, item, ct);
        var form = new FormState();
        CaseForm.Fill(form, content);
        form.Values["version"] = item.Version.ToString();
        form.Values["publishAt"] = JapanTime.ToLocalInput(item.PublishAtUtc);
        form.Values["closeAt"] = JapanTime.ToLocalInput(item.CloseAtUtc);
        var warning = item.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled
            ? "この事例は承認待ちまたは公開待ちのため編集できません。編集するには、状態の画面で依頼を取り下げてください。" : null;
        return await CaseEditForm.RenderAsync(http, db, scope, form, id, content.Attachments, ct, warning: warning);
    }

    /// <summary>The content being worked on: the working revision, else the live copy.</summary>
    public static async Task<CaseContent> WorkingContentAsync(NetworkDbContext db, PolicyCase item, CancellationToken ct)
    {
        if (item.WorkingRevisionId is { } w && await db.ContentRevisions.AsNoTracking().Where(r => r.Id == w).Select(r => r.PayloadJson).FirstOrDefaultAsync(ct) is { } json)
            return CaseContent.FromJson(json);
        return CaseContent.From(item);
    }

    public static async Task<(PolicyCase? Case, EditorScope Scope, IResult? Refusal)> LoadEditableAsync(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        // The workflow's loader: the tenant filter hides other sites' items (404), the editor's units decide (403).
        var (item, scope, refusal) = await WorkflowEndpoints.LoadEditableAsync(Type, id, http, db, ct);
        return ((PolicyCase?)item, scope, refusal);
    }

    private static readonly CaseContentWorkflowType Type = new();

    private static async Task<IResult> Save(int? id, HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        PolicyCase? item = null;
        var current = new CaseContent();
        if (id is { } existing)
        {
            (item, scope, var refusal) = await LoadEditableAsync(existing, http, db, ct);
            if (item is null)
                return refusal!;
            current = await WorkingContentAsync(db, item, ct);
        }
        else if (!scope.All && scope.DepartmentIds.Count == 0)
            return ThemeResults.Forbidden();

        var form = FormState.From(input);
        if (item is not null && form.Text("version") != item.Version.ToString())
            return await CaseEditForm.RenderAsync(http, db, scope, form, id, current.Attachments, ct, 409,
                error: "この事例は、編集を始めた後に別の人が保存しています。上書きを防ぐため保存していません。開き直して変更を確認してください。");

        var saver = http.RequestServices.GetRequiredService<CaseSaver>();
        var outcome = await saver.SaveFromFormAsync(item, current, form, input.Files, scope, WorkflowEndpoints.Actor(http), ct);
        if (outcome.Case is null)
            return await CaseEditForm.RenderAsync(http, db, scope, form, id, outcome.Attachments, ct, outcome.Status, error: outcome.Error);
        return Results.Redirect($"{http.Request.PathBase}/admin/cases/{outcome.Case.Id}");
    }

    private static async Task<IResult> ConfirmDelete(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        var basePath = http.Request.PathBase.Value;
        var adaptedBy = await db.PolicyCases.IgnoreQueryFilters().CountAsync(c => c.AdaptedFrom.Any(a => a.SourceCaseId == id), ct);
        return ThemeResults.Admin("admin/confirm", new ConfirmModel($"事例「{item.Title}」を削除します",
            "削除した事例と版の履歴は元に戻せません。公開中の場合は、すぐに会員サイトと事例データベースから見られなくなります。", $"{basePath}/admin/cases/{id}/delete",
            $"{basePath}/admin/cases/{id}/edit", "削除する",
            adaptedBy > 0 ? [$"この事例を参考にした事例が {adaptedBy} 件あります。その参照も消えます。"] : []),
            new PageMeta("事例の削除", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("政策事例", "/admin/cases"), new Breadcrumb("削除")]));
    }

    private static async Task<IResult> Delete(int id, HttpContext http, IFormCollection _, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Other members' "adapted from" links to this case are removed by the database (cascade), in this transaction.
        db.ContentRevisions.RemoveRange(await db.ContentRevisions.Where(r => r.ContentType == CaseWorkflow.ContentType && r.ContentId == id).ToListAsync(ct));
        db.ApprovalRequests.RemoveRange(await db.ApprovalRequests.Where(r => r.ContentType == CaseWorkflow.ContentType && r.ContentId == id).ToListAsync(ct));
        db.PolicyCases.Remove(item);
        audit.Record(Audit.AuditAction.Delete, Audit.AuditTarget.PolicyCase(item), $"事例「{item.Title}」を削除");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/cases?deleted=1");
    }

    /// <summary>Staff preview of an attachment of this site's case, draft or not.</summary>
    private static async Task<IResult> File(int id, int fileId, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        var content = await WorkingContentAsync(db, item, ct);
        if (!content.Attachments.Any(a => a.StoredFileId == fileId) && !item.Attachments.Any(a => a.StoredFileId == fileId))
            return ThemeResults.NotFound();
        return await Files.FileResults.DownloadAsync(db, fileId, ct);
    }
}
