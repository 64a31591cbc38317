using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Accounts;
using NpoMunicipalNetwork.Admin;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Forms;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Reports;

public sealed record ReportAdminRow(int Id, string Title, string FiscalYear, string Status, string? Department, string Updated, string EditUrl, string StatusUrl, bool CanEdit);

public sealed record ReportAdminListModel(IReadOnlyList<ReportAdminRow> Rows, Pager Pager, IReadOnlyList<SortLink> Sorts, IReadOnlyList<Option> States, string? Query, bool CanCreate);

/// <summary>
/// The reports of this site (the secretariat's on the hub, a member's on its own site) in the admin area.
/// Every save is a revision that goes public through the workflow (<see cref="WorkflowEndpoints"/>).
/// </summary>
public static class ReportAdminEndpoints
{
    public static RouteGroupBuilder MapReportAdmin(this RouteGroupBuilder admin)
    {
        var reports = admin.MapGroup("/reports").RequirePermission(Permissions.EditOwnContent);
        reports.MapGet("/", List);
        reports.MapGet("/new", New);
        reports.MapPost("/", (HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct) => Save(null, http, input, db, ct));
        reports.MapGet("/{id:int}/edit", Edit);
        reports.MapPost("/{id:int}", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct) => Save(id, http, input, db, ct));
        reports.MapGet("/{id:int}/delete", ConfirmDelete);
        reports.MapPost("/{id:int}/delete", Delete);
        reports.MapGet("/{id:int}/files/{fileId:int}", File);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var list = new ListQuery(http.Request, "/admin/reports", ["title", "updated", "year"], "updated");
        var q = db.Reports.AsNoTracking();
        var text = list.Filter("q");
        if (text is not null)
            q = q.Where(r => r.Title.Contains(text) || r.Summary.Contains(text));
        q = list.Filter("state") switch
        {
            "published" => q.Where(r => r.IsPublished),
            "draft" => q.Where(r => !r.IsPublished),
            "waiting" => q.Where(r => r.WorkflowState == WorkflowState.Waiting),
            _ => q,
        };
        q = (list.Sort, list.Descending) switch
        {
            ("title", false) => q.OrderBy(r => r.Title), ("title", true) => q.OrderByDescending(r => r.Title),
            ("year", false) => q.OrderBy(r => r.FiscalYear), ("year", true) => q.OrderByDescending(r => r.FiscalYear),
            (_, false) => q.OrderBy(r => r.UpdatedUtc), _ => q.OrderByDescending(r => r.UpdatedUtc),
        };
        var total = await q.CountAsync(ct);
        var rows = await list.Apply(q).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var basePath = http.Request.PathBase.Value;
        var model = new ReportAdminListModel(
            rows.Select(r => new ReportAdminRow(r.Id, r.Title, JapaneseEra.FormatFiscalYear(r.FiscalYear),
                WorkflowStateNames.Label(r.WorkflowState, r.IsPublished, r.ClosedUtc != null, r.LiveRevisionId != null),
                r.OwnerDepartmentId is { } d ? departments.GetValueOrDefault(d) : null, JapanTime.FormatDateTime(r.UpdatedUtc),
                $"{basePath}/admin/reports/{r.Id}/edit", $"{basePath}/admin/reports/{r.Id}", scope.CanEdit(r.OwnerDepartmentId))).ToList(),
            list.Pager(total),
            [list.SortLink("title", "題名"), list.SortLink("year", "年度"), list.SortLink("updated", "更新日時")],
            [new("published", "公開中", list.Filter("state") == "published"), new("draft", "非公開（下書き・公開終了）", list.Filter("state") == "draft"),
             new("waiting", "承認待ち", list.Filter("state") == "waiting")],
            text, scope.All || scope.DepartmentIds.Count > 0);
        return ThemeResults.Admin("admin/reports/index", model, new PageMeta("調査研究報告書", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("調査研究報告書")]));
    }

    private static async Task<IResult> New(HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        if (!scope.All && scope.DepartmentIds.Count == 0)
            return ThemeResults.Forbidden();
        var form = new FormState();
        ReportForm.Fill(form, new ReportContent { FiscalYear = JapaneseEra.FiscalYearOf(clock.Today()), OwnerDepartmentId = scope.All ? null : scope.DepartmentIds.First() });
        return await ReportEditForm.RenderAsync(http, db, scope, form, null, [], ct);
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, scope, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        var content = await WorkingContentAsync(db, item, ct);
        var form = new FormState();
        ReportForm.Fill(form, content);
        form.Values["version"] = item.Version.ToString();
        form.Values["publishAt"] = JapanTime.ToLocalInput(item.PublishAtUtc);
        form.Values["closeAt"] = JapanTime.ToLocalInput(item.CloseAtUtc);
        var warning = item.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled
            ? "この報告書は承認待ちまたは公開待ちのため編集できません。編集するには、状態の画面で依頼を取り下げてください。" : null;
        return await ReportEditForm.RenderAsync(http, db, scope, form, id, content.Files, ct, warning: warning);
    }

    /// <summary>The content being worked on: the working revision (a staged edit, 差し替え), else the live copy.</summary>
    public static async Task<ReportContent> WorkingContentAsync(NetworkDbContext db, Report item, CancellationToken ct)
    {
        if (item.WorkingRevisionId is { } w && await db.ContentRevisions.AsNoTracking().Where(r => r.Id == w).Select(r => r.PayloadJson).FirstOrDefaultAsync(ct) is { } json)
            return ReportContent.FromJson(json);
        return ReportContent.From(item);
    }

    /// <summary>The report of this site (the tenant filter hides others' as not found) if the editor's units own it.</summary>
    public static async Task<(Report? Report, EditorScope Scope, IResult? Refusal)> LoadEditableAsync(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        // The workflow's loader: the tenant filter hides other sites' items (404), the editor's units decide (403).
        var (item, scope, refusal) = await WorkflowEndpoints.LoadEditableAsync(Type, id, http, db, ct);
        return ((Report?)item, scope, refusal);
    }

    private static readonly ReportContentWorkflowType Type = new();

    private static async Task<IResult> Save(int? id, HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        Report? item = null;
        var current = new ReportContent();
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
            return await ReportEditForm.RenderAsync(http, db, scope, form, id, current.Files, ct, 409,
                error: "この報告書は、編集を始めた後に別の人が保存しています。上書きを防ぐため保存していません。開き直して変更を確認してください。");

        var saver = http.RequestServices.GetRequiredService<ReportSaver>();
        var outcome = await saver.SaveFromFormAsync(item, current, form, input.Files, scope, WorkflowEndpoints.Actor(http), ct);
        if (outcome.Report is null)
            return await ReportEditForm.RenderAsync(http, db, scope, form, id, outcome.Files, ct, outcome.Status, error: outcome.Error);
        return Results.Redirect($"{http.Request.PathBase}/admin/reports/{outcome.Report.Id}");
    }

    private static async Task<IResult> ConfirmDelete(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        var basePath = http.Request.PathBase.Value;
        return ThemeResults.Admin("admin/confirm", new ConfirmModel($"報告書「{item.Title}」を削除します",
            "削除した報告書と版の履歴は元に戻せません。公開中の場合は、すぐにサイトから見られなくなります。", $"{basePath}/admin/reports/{id}/delete",
            $"{basePath}/admin/reports/{id}/edit", "削除する", []),
            new PageMeta("報告書の削除", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("調査研究報告書", "/admin/reports"), new Breadcrumb("削除")]));
    }

    private static async Task<IResult> Delete(int id, HttpContext http, IFormCollection _, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContentRevisions.RemoveRange(await db.ContentRevisions.Where(r => r.ContentType == ReportWorkflow.ContentType && r.ContentId == id).ToListAsync(ct));
        db.ApprovalRequests.RemoveRange(await db.ApprovalRequests.Where(r => r.ContentType == ReportWorkflow.ContentType && r.ContentId == id).ToListAsync(ct));
        db.Reports.Remove(item);
        audit.Record(Audit.AuditAction.Delete, Audit.AuditTarget.Report(item), $"報告書「{item.Title}」を削除");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/reports?deleted=1");
    }

    /// <summary>Staff preview of a PDF of this site's report, draft or not.</summary>
    private static async Task<IResult> File(int id, int fileId, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        var content = await WorkingContentAsync(db, item, ct);
        if (!content.Files.Any(f => f.StoredFileId == fileId) && !item.Files.Any(f => f.StoredFileId == fileId))
            return ThemeResults.NotFound();
        return await Files.FileResults.DownloadAsync(db, fileId, ct);
    }
}
