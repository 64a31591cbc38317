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

namespace NpoMunicipalNetwork.Pages;

public sealed record PageRow(int Id, string Title, string Slug, string? Department, bool IsPublished, DateTime UpdatedUtc, string EditUrl, string PublicUrl, bool CanEdit);

public sealed record PageListModel(IReadOnlyList<PageRow> Rows, Pager Pager, IReadOnlyList<SortLink> Sorts, IReadOnlyList<Option> Departments, IReadOnlyList<Option> States, string? Query, bool CanCreate);

/// <summary>
/// Pages in the admin area. Editors see every page of their site but change only those their
/// units own; a save carrying a stale version is refused, and an open edit holds a soft lock.
/// </summary>
public static class PageAdminEndpoints
{
    public static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(15);

    private static readonly PageContentWorkflowType PageType = new();

    public static RouteGroupBuilder MapPageAdmin(this RouteGroupBuilder admin)
    {
        var pages = admin.MapGroup("/pages").RequirePermission(Permissions.EditOwnContent);
        pages.MapGet("/", List);
        pages.MapGet("/new", New);
        pages.MapPost("/", Create);
        pages.MapGet("/{id:int}/edit", Edit);
        pages.MapPost("/{id:int}", Update);
        pages.MapGet("/{id:int}/delete", ConfirmDelete);
        pages.MapPost("/{id:int}/delete", Delete);
        return admin;
    }

    private static async Task<IResult> List(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var list = new ListQuery(http.Request, "/admin/pages", ["title", "updated", "slug"], "updated");
        var q = db.Pages.AsNoTracking();
        var text = list.Filter("q");
        if (text is not null)
            q = q.Where(p => p.Title.Contains(text) || p.Slug.Contains(text));
        if (int.TryParse(list.Filter("department"), out var dep))
            q = q.Where(p => p.OwnerDepartmentId == dep);
        q = list.Filter("state") switch { "published" => q.Where(p => p.IsPublished), "draft" => q.Where(p => !p.IsPublished), _ => q };
        q = (list.Sort, list.Descending) switch
        {
            ("title", false) => q.OrderBy(p => p.Title), ("title", true) => q.OrderByDescending(p => p.Title),
            ("slug", false) => q.OrderBy(p => p.Slug), ("slug", true) => q.OrderByDescending(p => p.Slug),
            (_, false) => q.OrderBy(p => p.UpdatedUtc), _ => q.OrderByDescending(p => p.UpdatedUtc),
        };
        var total = await q.CountAsync(ct);
        var rows = await list.Apply(q).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var basePath = http.Request.PathBase.Value;
        var model = new PageListModel(
            rows.Select(p => new PageRow(p.Id, p.Title, p.Slug, departments.FirstOrDefault(d => d.Id == p.OwnerDepartmentId)?.Name, p.IsPublished, p.UpdatedUtc,
                $"{basePath}/admin/pages/{p.Id}/edit", $"{basePath}/pages/{p.Slug}", scope.CanEdit(p.OwnerDepartmentId))).ToList(),
            list.Pager(total),
            [list.SortLink("title", "タイトル"), list.SortLink("slug", "URL"), list.SortLink("updated", "更新日時")],
            departments.Select(d => new Option(d.Id.ToString(), d.Name, d.Id == dep)).ToList(),
            [new("published", "公開中", list.Filter("state") == "published"), new("draft", "非公開（下書き）", list.Filter("state") == "draft")],
            text,
            scope.All || scope.DepartmentIds.Count > 0);
        return ThemeResults.Admin("admin/pages/index", model, new PageMeta("ページ", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("ページ")]));
    }

    private static async Task<IReadOnlyList<Option>> OwnerOptions(NetworkDbContext db, EditorScope scope, int? selected, CancellationToken ct)
    {
        var all = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var options = all.Where(d => scope.CanEdit(d.Id)).Select(d => new Option(d.Id.ToString(), $"{d.Name}（{d.Level.Japanese()}）", d.Id == selected)).ToList();
        if (scope.All)
            options.Insert(0, new Option("", "（所属なし）", selected is null));
        return options;
    }

    private static async Task<IResult> Form(HttpContext http, NetworkDbContext db, EditorScope scope, FormState form, int? id, int? owner, CancellationToken ct,
        int status = 200, string? warning = null, string? error = null)
    {
        var options = new Dictionary<string, IReadOnlyList<Option>> { ["owner"] = await OwnerOptions(db, scope, owner, ct) };
        var action = $"{http.Request.PathBase}/admin/pages" + (id is null ? "" : $"/{id}");
        var title = id is null ? "ページの作成" : "ページの編集";
        var requiresApproval = http.RequestServices.GetRequiredService<TenantContext>().Tenant.RequiresApproval;
        return ThemeResults.Admin("admin/pages/edit", new EditFormModel(form, action, id is null, options, Warning: warning, FormError: error,
            Extra: new { delete_url = id is null ? null : $"{http.Request.PathBase}/admin/pages/{id}/delete", requires_approval = requiresApproval,
                status_url = id is null ? null : $"{http.Request.PathBase}/admin/pages/{id}" }),
            new PageMeta(title, [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("ページ", "/admin/pages"), new Breadcrumb(title)]), status);
    }

    private static async Task<IResult> New(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        if (!scope.All && scope.DepartmentIds.Count == 0)
            return ThemeResults.Forbidden();
        var form = new FormState();
        // 「ホームの設定」 links here to start the reserved overview page with its slug and title filled in.
        if (http.Request.Query["slug"].ToString() == Home.HomeOverview.Slug)
        {
            form.Values["slug"] = Home.HomeOverview.Slug;
            form.Values["title"] = Home.HomeOverview.DefaultTitle;
        }
        return await Form(http, db, scope, form, null, scope.All ? null : scope.DepartmentIds.First(), ct);
    }

    /// <summary>Reads and checks the page form; the slug must be free within this site.</summary>
    private static async Task<PageDraft?> Read(FormState form, NetworkDbContext db, EditorScope scope, int? id, int currentOrder, CancellationToken ct)
    {
        var title = form.Required("title", "タイトル", 200);
        var slug = form.Required("slug", "URL（スラッグ）", 100);
        if (slug is not null && PageContentType.ValidateSlug(slug) is { } bad)
            form.Error("slug", bad);
        else if (slug is not null && await db.Pages.AnyAsync(p => p.Slug == slug && p.Id != id, ct))
            form.Error("slug", $"URL（スラッグ）「{slug}」はこのサイトの別のページが使っています。");
        int? owner = int.TryParse(form.Text("owner"), out var o) ? o : null;
        if (owner is null && !scope.All)
            form.Error("owner", "担当の所属を選んでください。");
        else if (owner is not null && (!scope.CanEdit(owner) || !await db.Departments.AnyAsync(d => d.Id == owner, ct)))
            form.Error("owner", "選んだ所属にはページを割り当てられません。自分の所属から選んでください。");
        var body = form.Optional("body", "本文", 200_000) ?? "";
        var order = currentOrder; // the menu position is arranged at /admin/menu
        var publishAt = JapanTime.ParseLocal(form, "publishAt", "公開日時");
        var closeAt = JapanTime.ParseLocal(form, "closeAt", "公開終了日時");
        if (closeAt is not null && publishAt is not null && closeAt <= publishAt)
            form.Error("closeAt", "公開終了日時は公開日時より後にしてください。");
        return form.IsValid ? new PageDraft(title!, slug!, body, order, owner, publishAt, closeAt) : null;
    }

    private static async Task<IResult> Create(HttpContext http, IFormCollection input, NetworkDbContext db, PageWorkflow workflow, TenantContext tenant, Audit.AuditLog audit, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var form = FormState.From(input);
        if (await Read(form, db, scope, null, 0, ct) is not { } draft)
            return await Form(http, db, scope, form, null, int.TryParse(form.Text("owner"), out var o) ? o : null, ct, 400);

        // The page, its first revision and (where allowed) its publication are one action.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var page = new Page { Slug = draft.Slug, Title = draft.Title };
        await workflow.SaveAsync(page, draft, Actor(http), "作成", ct);
        audit.Record(Audit.AuditAction.Create, Audit.AuditTarget.Page(page), $"ページ「{page.Title}」を作成（下書き）");
        if (form.Text("action") == "publish" && !tenant.Tenant.RequiresApproval)
        {
            await workflow.PublishDirectlyAsync(page, ct);
            audit.Record(Audit.AuditAction.Publish, Audit.AuditTarget.Page(page), PublishSummary(page));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/pages/{page.Id}");
    }

    public static Actor Actor(HttpContext http) => WorkflowEndpoints.Actor(http);

    /// <summary>The page of this site with that id, if the user may edit it; else the 404 or 403 to answer.</summary>
    public static async Task<(Page? Page, EditorScope Scope, IResult? Refusal)> LoadEditableAsync(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, scope, refusal) = await WorkflowEndpoints.LoadEditableAsync(PageType, id, http, db, ct);
        return ((Page?)item, scope, refusal);
    }

    private static async Task<IResult> Edit(int id, HttpContext http, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (page, scope, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (page is null)
            return refusal!;

        var me = http.User.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        string? warning = null;
        if (page.LockedByUserId is { } holder && holder != me && page.LockedUntilUtc > now)
            warning = await LockWarning(db, holder, page.LockedUntilUtc.Value, ct);
        else
        {
            page.LockedByUserId = me;
            page.LockedUntilUtc = now + LockDuration;
            await db.SaveChangesAsync(ct);
        }

        // A staged edit (差し替え) is edited where it stands, not the live copy.
        var working = page.WorkflowState != WorkflowState.None && page.WorkingRevisionId is { } w
            ? await db.ContentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == w, ct) : null;
        var form = new FormState();
        form.Values["title"] = working?.Title ?? page.Title;
        form.Values["slug"] = working?.Slug ?? page.Slug;
        form.Values["body"] = working?.BodyMarkdown ?? page.BodyMarkdown;
        form.Values["owner"] = page.OwnerDepartmentId?.ToString();
        form.Values["publishAt"] = JapanTime.ToLocalInput(page.PublishAtUtc);
        form.Values["closeAt"] = JapanTime.ToLocalInput(page.CloseAtUtc);
        form.Values["version"] = page.Version.ToString();
        if (page.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled)
            warning ??= "このページは承認待ちまたは公開待ちのため編集できません。編集するには、ページの状態画面で依頼を取り下げてください。";
        return await Form(http, db, scope, form, id, page.OwnerDepartmentId, ct, warning: warning);
    }

    private static async Task<string> LockWarning(NetworkDbContext db, int holder, DateTime until, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == holder).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "別の利用者";
        var jst = JapanTime.ToJst(until);
        return $"{name}さんがこのページを編集中です（{jst:H時mm分}まで）。その間は保存できません。";
    }

    /// <summary>What the audit log says when a page goes public (or is scheduled to).</summary>
    public static string PublishSummary(Page page) => PageType.PublishSummary(page);

    private static async Task<IResult> Update(int id, HttpContext http, IFormCollection input, NetworkDbContext db, PageWorkflow workflow, TenantContext tenant, Audit.AuditLog audit, CancellationToken ct)
    {
        var (page, scope, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (page is null)
            return refusal!;

        var form = FormState.From(input);
        var me = http.User.UserId();
        var now = workflow.Now;
        if (page.LockedByUserId is { } holder && holder != me && page.LockedUntilUtc > now)
            return await Form(http, db, scope, form, id, page.OwnerDepartmentId, ct, 409, error: await LockWarning(db, holder, page.LockedUntilUtc!.Value, ct));
        if (form.Text("version") != page.Version.ToString())
            return await Form(http, db, scope, form, id, page.OwnerDepartmentId, ct, 409,
                error: "このページは、編集を始めた後に別の人が保存しています。上書きを防ぐため保存していません。ページを開き直して変更を確認してください。");
        if (await Read(form, db, scope, id, page.Order, ct) is not { } draft)
            return await Form(http, db, scope, form, id, int.TryParse(form.Text("owner"), out var o) ? o : null, ct, 400);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var revision = await workflow.SaveAsync(page, draft, Actor(http), "保存", ct);
            audit.Record(Audit.AuditAction.Update, Audit.AuditTarget.Page(page), $"ページ「{draft.Title}」を保存（第{revision.Number}版）");
            if (form.Text("action") == "publish" && !tenant.Tenant.RequiresApproval)
            {
                await workflow.PublishDirectlyAsync(page, ct);
                audit.Record(Audit.AuditAction.Publish, Audit.AuditTarget.Page(page), PublishSummary(page));
            }
            page.LockedByUserId = null;
            page.LockedUntilUtc = null;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (WorkflowException ex)
        {
            return await Form(http, db, scope, form, id, draft.OwnerDepartmentId, ct, 409, error: ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await Form(http, db, scope, form, id, draft.OwnerDepartmentId, ct, 409, error: "同時に別の人が保存しました。ページを開き直してください。");
        }
        return Results.Redirect($"{http.Request.PathBase}/admin/pages/{page.Id}");
    }

    private static async Task<IResult> ConfirmDelete(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (page, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (page is null)
            return refusal!;
        var basePath = http.Request.PathBase.Value;
        return ThemeResults.Admin("admin/confirm", new ConfirmModel($"ページ「{page.Title}」を削除します",
            "削除したページは元に戻せません。公開中の場合は、すぐに公開サイトから見られなくなります。", $"{basePath}/admin/pages/{id}/delete",
            $"{basePath}/admin/pages/{id}/edit", "削除する", [$"URL: {basePath}/pages/{page.Slug}"]),
            new PageMeta("ページの削除", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("ページ", "/admin/pages"), new Breadcrumb("削除")]));
    }

    private static async Task<IResult> Delete(int id, HttpContext http, IFormCollection _, NetworkDbContext db, Audit.AuditLog audit, CancellationToken ct)
    {
        var (page, _, refusal) = await LoadEditableAsync(id, http, db, ct);
        if (page is null)
            return refusal!;
        // The page's history and requests go with it, in the same transaction.
        db.ContentRevisions.RemoveRange(await db.ContentRevisions.Where(r => r.ContentType == PageWorkflow.ContentType && r.ContentId == id).ToListAsync(ct));
        db.ApprovalRequests.RemoveRange(await db.ApprovalRequests.Where(r => r.ContentType == PageWorkflow.ContentType && r.ContentId == id).ToListAsync(ct));
        // Its sub-pages move up to its own parent rather than dropping out of the menu.
        foreach (var child in await db.Pages.Where(p => p.ParentId == id).ToListAsync(ct))
            child.ParentId = page.ParentId;
        db.Pages.Remove(page);
        audit.Record(Audit.AuditAction.Delete, Audit.AuditTarget.Page(page), $"ページ「{page.Title}」を削除");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/pages?deleted=1");
    }
}
