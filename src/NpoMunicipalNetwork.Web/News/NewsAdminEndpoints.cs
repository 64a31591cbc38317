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

namespace NpoMunicipalNetwork.News;

public sealed record NewsAdminRow(int Id, string Title, string Status, string? Department, string Updated, string EditUrl, string StatusUrl, bool CanEdit);

public sealed record NewsListModel(IReadOnlyList<NewsAdminRow> Rows, Pager Pager, bool CanCreate);

/// <summary>A site's news in its admin area; saving is a revision, publishing goes through the workflow.</summary>
public static class NewsAdminEndpoints
{
    private static readonly NewsContentWorkflowType NewsType = new();

    public static RouteGroupBuilder MapNewsAdmin(this RouteGroupBuilder admin)
    {
        var news = admin.MapGroup("/news").RequirePermission(Permissions.EditOwnContent);
        news.MapGet("/", List);
        news.MapGet("/new", New);
        news.MapPost("/", (HttpContext http, IFormCollection input, NetworkDbContext db, NewsWorkflow workflow, TenantContext tenant, Audit.AuditLog audit, CancellationToken ct) =>
            Save(null, http, input, db, workflow, tenant, audit, ct));
        news.MapGet("/{id:int}/edit", Edit);
        news.MapPost("/{id:int}", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, NewsWorkflow workflow, TenantContext tenant, Audit.AuditLog audit, CancellationToken ct) =>
            Save(id, http, input, db, workflow, tenant, audit, ct));
        news.MapGet("/{id:int}/delete", ConfirmDelete);
        news.MapPost("/{id:int}/delete", Delete);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var list = new ListQuery(http.Request, "/admin/news", [], "");
        var q = db.NewsItems.AsNoTracking().OrderByDescending(n => n.UpdatedUtc);
        var total = await q.CountAsync(ct);
        var rows = await list.Apply(q).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var basePath = http.Request.PathBase.Value;
        return ThemeResults.Admin("admin/news/index", new NewsListModel(
            rows.Select(n => new NewsAdminRow(n.Id, n.Title, WorkflowStateNames.Label(n.WorkflowState, n.IsPublished, n.ClosedUtc != null, n.LiveRevisionId != null),
                n.OwnerDepartmentId is { } d ? departments.GetValueOrDefault(d) : null, JapanTime.FormatDateTime(n.UpdatedUtc),
                $"{basePath}/admin/news/{n.Id}/edit", $"{basePath}/admin/news/{n.Id}", scope.CanEdit(n.OwnerDepartmentId))).ToList(),
            list.Pager(total), scope.All || scope.DepartmentIds.Count > 0),
            new PageMeta("お知らせ", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("お知らせ")]));
    }

    private static async Task<IResult> Form(HttpContext http, NetworkDbContext db, EditorScope scope, FormState form, int? id, CancellationToken ct, int status = 200, string? warning = null, string? error = null)
    {
        int? owner = int.TryParse(form.Text("owner"), out var o) ? o : null;
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var owners = departments.Where(d => scope.CanEdit(d.Id)).Select(d => new Option(d.Id.ToString(), $"{d.Name}（{d.Level.Japanese()}）", d.Id == owner)).ToList();
        if (scope.All)
            owners.Insert(0, new Option("", "（所属なし）", owner is null));
        var basePath = http.Request.PathBase.Value;
        var title = id is null ? "お知らせの作成" : "お知らせの編集";
        return ThemeResults.Admin("admin/news/edit", new EditFormModel(form, $"{basePath}/admin/news" + (id is null ? "" : $"/{id}"), id is null,
                new Dictionary<string, IReadOnlyList<Option>> { ["owner"] = owners }, Warning: warning, FormError: error,
                Extra: new
                {
                    requires_approval = http.RequestServices.GetRequiredService<TenantContext>().Tenant.RequiresApproval,
                    delete_url = id is null ? null : $"{basePath}/admin/news/{id}/delete",
                    status_url = id is null ? null : $"{basePath}/admin/news/{id}",
                }),
            new PageMeta(title, [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("お知らせ", "/admin/news"), new Breadcrumb(title)]), status);
    }

    private static async Task<IResult> New(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        if (!scope.All && scope.DepartmentIds.Count == 0)
            return ThemeResults.Forbidden();
        var form = new FormState();
        form.Values["owner"] = scope.All ? null : scope.DepartmentIds.First().ToString();
        return await Form(http, db, scope, form, null, ct);
    }

    private static async Task<(NewsItem? Item, EditorScope Scope, IResult? Refusal)> LoadEditableAsync(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, scope, refusal) = await WorkflowEndpoints.LoadEditableAsync(NewsType, id, http, db, ct);
        return ((NewsItem?)item, scope, refusal);
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, scope, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        var working = item.WorkflowState != WorkflowState.None && item.WorkingRevisionId is { } w
            ? await db.ContentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == w, ct) : null;
        var form = new FormState();
        form.Values["title"] = working?.Title ?? item.Title;
        form.Values["body"] = working?.BodyMarkdown ?? item.BodyMarkdown;
        form.Values["owner"] = item.OwnerDepartmentId?.ToString();
        form.Values["publishAt"] = JapanTime.ToLocalInput(item.PublishAtUtc);
        form.Values["closeAt"] = JapanTime.ToLocalInput(item.CloseAtUtc);
        form.Values["version"] = item.Version.ToString();
        var warning = item.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled
            ? "このお知らせは承認待ちまたは公開待ちのため編集できません。編集するには、状態の画面で依頼を取り下げてください。" : null;
        return await Form(http, db, scope, form, id, ct, warning: warning);
    }

    private static async Task<IResult> Save(int? id, HttpContext http, IFormCollection input, NetworkDbContext db, NewsWorkflow workflow, TenantContext tenant, Audit.AuditLog audit, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        NewsItem? item = null;
        if (id is { } existing)
        {
            (item, scope, var refusal) = await LoadEditableAsync(existing, http, db, ct);
            if (item is null)
                return refusal!;
        }
        else if (!scope.All && scope.DepartmentIds.Count == 0)
            return ThemeResults.Forbidden();

        var form = FormState.From(input);
        if (item is not null && form.Text("version") != item.Version.ToString())
            return await Form(http, db, scope, form, id, ct, 409, error: "このお知らせは、編集を始めた後に別の人が保存しています。上書きを防ぐため保存していません。開き直してください。");
        var title = form.Required("title", "タイトル", NewsItem.TitleLength);
        var body = form.Required("body", "本文", NewsItem.BodyLength);
        int? owner = int.TryParse(form.Text("owner"), out var o) ? o : null;
        if (owner is null && !scope.All)
            form.Error("owner", "担当の所属を選んでください。");
        else if (owner is not null && (!scope.CanEdit(owner) || !await db.Departments.AnyAsync(d => d.Id == owner, ct)))
            form.Error("owner", "選んだ所属にはお知らせを割り当てられません。自分の所属から選んでください。");
        var publishAt = JapanTime.ParseLocal(form, "publishAt", "公開日時");
        var closeAt = JapanTime.ParseLocal(form, "closeAt", "公開終了日時");
        if (closeAt is not null && publishAt is not null && closeAt <= publishAt)
            form.Error("closeAt", "公開終了日時は公開日時より後にしてください。");
        if (!form.IsValid)
            return await Form(http, db, scope, form, id, ct, 400);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var isNew = item is null;
            item ??= new NewsItem();
            var revision = await workflow.SaveAsync(item, title!, body!, owner, publishAt, closeAt, WorkflowEndpoints.Actor(http), isNew ? "作成" : "保存", ct);
            audit.Record(isNew ? Audit.AuditAction.Create : Audit.AuditAction.Update, NewsType.Target(item), $"お知らせ「{title}」を{(isNew ? "作成" : "保存")}（第{revision.Number}版）");
            if (form.Text("action") == "publish" && !tenant.Tenant.RequiresApproval)
            {
                await workflow.PublishDirectlyAsync(item, ct);
                audit.Record(Audit.AuditAction.Publish, NewsType.Target(item), NewsType.PublishSummary(item));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (WorkflowException ex)
        {
            return await Form(http, db, scope, form, id, ct, 409, error: ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await Form(http, db, scope, form, id, ct, 409, error: "同時に別の人が保存しました。開き直してください。");
        }
        return Results.Redirect($"{http.Request.PathBase}/admin/news/{item.Id}");
    }

    private static async Task<IResult> ConfirmDelete(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        var basePath = http.Request.PathBase.Value;
        return ThemeResults.Admin("admin/confirm", new ConfirmModel($"お知らせ「{item.Title}」を削除します",
            "削除したお知らせと版の履歴は元に戻せません。公開中の場合は、すぐに見られなくなります。", $"{basePath}/admin/news/{id}/delete",
            $"{basePath}/admin/news/{id}/edit", "削除する", []),
            new PageMeta("お知らせの削除", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("お知らせ", "/admin/news"), new Breadcrumb("削除")]));
    }

    private static async Task<IResult> Delete(int id, HttpContext http, IFormCollection _, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (item is null)
            return refusal!;
        db.ContentRevisions.RemoveRange(await db.ContentRevisions.Where(r => r.ContentType == NewsWorkflow.ContentType && r.ContentId == id).ToListAsync(ct));
        db.ApprovalRequests.RemoveRange(await db.ApprovalRequests.Where(r => r.ContentType == NewsWorkflow.ContentType && r.ContentId == id).ToListAsync(ct));
        db.NewsItems.Remove(item);
        audit.Record(Audit.AuditAction.Delete, NewsType.Target(item), $"お知らせ「{item.Title}」を削除");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/news?deleted=1");
    }
}
