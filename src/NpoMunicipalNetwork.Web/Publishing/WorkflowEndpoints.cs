
namespace NpoMunicipalNetwork.Publishing;

public sealed record RevisionRow(int Number, string By, string When, string Note, bool IsLive, bool IsWorking, string? DiffUrl, string RestoreUrl, string PreviewUrl);

public sealed record DecisionRow(int Level, string By, string Decision, string Comment, string When);

public sealed record WorkflowStatusModel(
    string Noun, string AdminUrl, int Id, string Title, string Status, string? LiveUrl, string EditUrl, bool RequiresApproval, bool CanRequest, bool CanWithdraw, bool CanPublish,
    string? PublishAt, string? CloseAt, IReadOnlyList<Option> Routes, IReadOnlyList<RevisionRow> Revisions, IReadOnlyList<DecisionRow> Decisions,
    string? RequestComment, FormState Form, string? Notice, string? FormError, IReadOnlyList<Checks.CheckFinding> Findings, bool CanAutoFix);

public sealed record DiffModel(string Title, int From, int To, IReadOnlyList<FieldDiff> Fields, string BackUrl);

/// <summary>
/// An item's state in the workflow, for every content type (pages, cases): its revisions and diffs,
/// asking for approval, withdrawing, publishing, restoring and auto-fixing.
/// </summary>
public static class WorkflowEndpoints
{
    /// <summary>The status, approval, history, diff, restore and auto-fix screens of <paramref name="type"/>'s items.</summary>
    public static RouteGroupBuilder MapWorkflow(this RouteGroupBuilder admin, WorkflowContentType type)
    {
        var g = admin.MapGroup($"/{type.AdminSegment}/{{id:int}}").RequirePermission(Permissions.EditOwnContent)
            .AddEndpointFilter((context, next) =>
            {
                context.HttpContext.Items[typeof(WorkflowContentType)] = context.HttpContext.RequestServices.GetRequiredService<WorkflowContentTypes>().Get(type.Type);
                return next(context);
            });
        g.MapGet("/", (int id, HttpContext http, NetworkDbContext db, TenantContext tenant, CancellationToken ct) => Status(id, http, db, tenant, new FormState(), null, null, 200, ct));
        g.MapPost("/request", Request);
        g.MapPost("/withdraw", Withdraw);
        g.MapPost("/publish", Publish);
        g.MapGet("/diff", Diff);
        g.MapGet("/preview", ContentPreview.ShowAsync);
        g.MapPost("/revisions/{number:int}/restore", Restore);
        g.MapPost("/autofix", AutoFix);
        return g;
    }

    internal static WorkflowContentType TypeOf(HttpContext http) => (WorkflowContentType)http.Items[typeof(WorkflowContentType)]!;

    /// <summary>The item of this site with that id, if the user may edit it; else the 404 or 403 to answer.</summary>
    public static async Task<(IWorkflowItem? Item, Departments.EditorScope Scope, IResult? Refusal)> LoadEditableAsync(WorkflowContentType type, int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var item = await type.FindAsync(db, id, ct);
        var scope = await Departments.EditorScope.ForAsync(http.User, db, ct);
        if (item is null)
            return (null, scope, ThemeResults.NotFound());
        return scope.CanEdit(item.OwnerDepartmentId) ? (item, scope, null) : (null, scope, ThemeResults.Forbidden());
    }

    public static Actor Actor(HttpContext http) =>
        new(http.User.UserId() ?? 0, http.User.FindFirst(NetworkClaims.DisplayName)?.Value ?? "");

    private static Audit.AuditLog Audit(HttpContext http) => http.RequestServices.GetRequiredService<Audit.AuditLog>();

    private static string Label(IWorkflowItem p) => WorkflowStateNames.Label(p.WorkflowState, p.IsPublished, p.ClosedUtc != null, p.LiveRevisionId != null);

    private static async Task<IResult> Status(int id, HttpContext http, NetworkDbContext db, TenantContext tenant, FormState form, string? notice, string? error, int status, CancellationToken ct)
    {
        var checker = await http.RequestServices.GetRequiredService<Checks.ContentCheckerProvider>().GetAsync(db, ct);
        var type = TypeOf(http);
        var (page, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (page is null)
            return refusal!;
        var basePath = http.Request.PathBase.Value;
        var revisions = await db.ContentRevisions.AsNoTracking().Where(r => r.ContentType == type.Type && r.ContentId == id)
            .OrderByDescending(r => r.Number).ToListAsync(ct);
        var request = await db.ApprovalRequests.AsNoTracking().Include(r => r.Decisions)
            .Where(r => r.ContentType == type.Type && r.ContentId == id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var routes = await db.ApprovalRoutes.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var me = http.User.UserId();
        var live = revisions.FirstOrDefault(r => r.Id == page.LiveRevisionId);
        var model = new WorkflowStatusModel(
            type.Noun, $"{basePath}{type.AdminPath(id)}", page.Id, page.Title, Label(page), page.IsPublished ? basePath + type.LivePath(page) : null, $"{basePath}{type.AdminPath(id)}/edit",
            tenant.Tenant.RequiresApproval,
            tenant.Tenant.RequiresApproval && page.WorkflowState is WorkflowState.Draft or WorkflowState.Remanded,
            page.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled && request is not null
                && (request.RequestedByUserId == me || http.User.IsInRole(Roles.SiteAdministrator) || http.User.IsNetworkAdministrator()),
            !tenant.Tenant.RequiresApproval && page.WorkflowState is WorkflowState.Draft or WorkflowState.Remanded,
            page.PublishAtUtc is { } pa ? JapanTime.FormatDateTime(pa) : null,
            page.CloseAtUtc is { } ca ? JapanTime.FormatDateTime(ca) : null,
            routes.Select(r => new Option(r.Id.ToString(), r.Name, form.Text("route") == r.Id.ToString())).ToList(),
            revisions.Select(r => new RevisionRow(r.Number, r.CreatedByName, JapanTime.FormatDateTime(r.CreatedUtc), r.Note, r.Id == page.LiveRevisionId,
                r.Id == page.WorkingRevisionId && page.WorkflowState != WorkflowState.None,
                // Against the live copy (what a staged edit changes), else against the version before it.
                (live is not null && live.Number != r.Number ? live.Number : r.Number - 1) is var from && from >= 1
                    ? $"{basePath}{type.AdminPath(id)}/diff?from={from}&to={r.Number}" : null,
                $"{basePath}{type.AdminPath(id)}/revisions/{r.Number}/restore",
                $"{basePath}{type.AdminPath(id)}/preview?revision={r.Number}")).ToList(),
            request?.Decisions.OrderBy(d => d.CreatedUtc).Select(d => new DecisionRow(d.Level, d.UserName, d.Approved ? "承認" : "差し戻し", d.Comment, JapanTime.FormatDateTime(d.CreatedUtc))).ToList() ?? [],
            request?.Comment, form, notice, error,
            Findings(checker, (revisions.FirstOrDefault(r => r.Id == page.WorkingRevisionId) ?? revisions.FirstOrDefault())?.BodyMarkdown ?? ""),
            page.WorkflowState is WorkflowState.Draft or WorkflowState.Remanded);
        return ThemeResults.Admin("admin/workflow/status", model,
            new PageMeta($"「{page.Title}」の状態", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb(type.ListLabel, $"/admin/{type.AdminSegment}"), new Breadcrumb(page.Title)]), status);
    }

    private static async Task<IResult> Request(int id, HttpContext http, IFormCollection input, NetworkDbContext db, TenantContext tenant, IServiceProvider services, CancellationToken ct)
    {
        var type = TypeOf(http);
        var (page, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (page is null)
            return refusal!;
        var form = FormState.From(input);
        var route = int.TryParse(form.Text("route"), out var routeId)
            ? await db.ApprovalRoutes.Include(r => r.Levels).FirstOrDefaultAsync(r => r.Id == routeId, ct) : null;
        if (route is null)
            form.Error("route", "承認経路を選んでください。");
        var comment = form.Required("comment", "依頼のコメント", 2000);
        if (!form.IsValid)
            return await Status(id, http, db, tenant, form, null, null, 400, ct);
        try
        {
            var request = await type.Workflow(http.RequestServices).RequestAsync(page, route!, Actor(http), comment!, ct);
            Audit(http).Record(NpoMunicipalNetwork.Audit.AuditAction.Request, type.Target(page), $"「{page.Title}」の承認を依頼（経路「{route!.Name}」）");
            await db.SaveChangesAsync(ct);
            await http.RequestServices.GetRequiredService<WorkflowNotifier>().WaitingAsync(request, page.Title,
                Accounts.AccountLinks.Absolute(http.Request, $"/admin/approvals/{request.Id}"), ct);
        }
        catch (WorkflowException ex)
        {
            return await Status(id, http, db, tenant, form, null, ex.Message, 409, ct);
        }
        return Results.Redirect($"{http.Request.PathBase}{type.AdminPath(id)}");
    }

    private static async Task<IResult> Withdraw(int id, HttpContext http, IFormCollection _, NetworkDbContext db, TenantContext tenant, IServiceProvider services, CancellationToken ct)
    {
        var type = TypeOf(http);
        var (page, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (page is null)
            return refusal!;
        var request = await db.ApprovalRequests.Where(r => r.ContentType == type.Type && r.ContentId == id && r.Status == ApprovalStatus.Open)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var me = http.User.UserId();
        if (page.WorkflowState == WorkflowState.Scheduled)
        {
            // Approved and waiting to open: taking it back returns it to a draft.
            page.WorkflowState = WorkflowState.Draft;
            page.Version++;
        }
        else if (request is null)
            return await Status(id, http, db, tenant, new FormState(), null, "取り下げられる依頼がありません。", 409, ct);
        else if (request.RequestedByUserId != me && !http.User.IsInRole(Roles.SiteAdministrator) && !http.User.IsNetworkAdministrator())
            return ThemeResults.Forbidden();
        else
            type.Workflow(http.RequestServices).Withdraw(page, request);
        Audit(http).Record(NpoMunicipalNetwork.Audit.AuditAction.Update, type.Target(page), $"「{page.Title}」の依頼を取り下げ、下書きに戻した");
        await db.SaveChangesAsync(ct);
        if (request is not null && request.Status == ApprovalStatus.Withdrawn)
            await http.RequestServices.GetRequiredService<WorkflowNotifier>().WithdrawnAsync(request, page.Title, ct);
        return Results.Redirect($"{http.Request.PathBase}{type.AdminPath(id)}");
    }

    private static async Task<IResult> Publish(int id, HttpContext http, IFormCollection _, NetworkDbContext db, TenantContext tenant, IServiceProvider services, CancellationToken ct)
    {
        var type = TypeOf(http);
        var (page, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (page is null)
            return refusal!;
        if (tenant.Tenant.RequiresApproval)
            return await Status(id, http, db, tenant, new FormState(), null, "このサイトでは、公開には承認が必要です。承認を依頼してください。", 409, ct);
        if (page.WorkflowState is not (WorkflowState.Draft or WorkflowState.Remanded))
            return await Status(id, http, db, tenant, new FormState(), null, "公開できる下書きがありません。", 409, ct);
        await type.Workflow(http.RequestServices).PublishDirectlyAsync(page, ct);
        Audit(http).Record(NpoMunicipalNetwork.Audit.AuditAction.Publish, type.Target(page), type.PublishSummary(page));
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}{type.AdminPath(id)}");
    }

    private static async Task<IResult> Diff(int id, int? from, int? to, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var type = TypeOf(http);
        var (page, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (page is null)
            return refusal!;
        var revisions = await db.ContentRevisions.AsNoTracking()
            .Where(r => r.ContentType == type.Type && r.ContentId == id && (r.Number == from || r.Number == to)).ToListAsync(ct);
        var a = revisions.FirstOrDefault(r => r.Number == from);
        var b = revisions.FirstOrDefault(r => r.Number == to);
        if (a is null || b is null)
            return ThemeResults.BadRequest([$"比較する版（from, to）を、この{type.Noun}にある版の番号で指定してください。"]);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var model = new DiffModel(page.Title, a.Number, b.Number,
            RevisionDiff.Compare(a, b, d => d is { } x ? departments.GetValueOrDefault(x, "（削除された所属）") : "（なし）", type.Details),
            $"{http.Request.PathBase}{type.AdminPath(id)}");
        return ThemeResults.Admin("admin/workflow/diff", model,
            new PageMeta($"第{a.Number}版と第{b.Number}版の比較", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb(type.ListLabel, $"/admin/{type.AdminSegment}"), new Breadcrumb("版の比較")]));
    }

    public static IReadOnlyList<Checks.CheckFinding> Findings(Checks.ContentChecker checker, string markdown) => checker.Check(markdown);

    /// <summary>Applies the checker's safe fixes (全角英数字, 半角カナ, 機種依存文字, dates, letter-spacing) as a new revision.</summary>
    private static async Task<IResult> AutoFix(int id, HttpContext http, IFormCollection _, NetworkDbContext db, TenantContext tenant, IServiceProvider services,
        Checks.ContentCheckerProvider checkers, CancellationToken ct)
    {
        var checker = await checkers.GetAsync(db, ct);
        var type = TypeOf(http);
        var (page, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (page is null)
            return refusal!;
        var working = await db.ContentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == page.WorkingRevisionId, ct);
        if (working is null || page.WorkflowState is not (WorkflowState.Draft or WorkflowState.Remanded))
            return await Status(id, http, db, tenant, new FormState(), null, "自動修正できるのは下書きか差し戻しのものです。", 409, ct);
        if (checker.AutoFix(working.BodyMarkdown) == working.BodyMarkdown)
            return await Status(id, http, db, tenant, new FormState(), "自動で修正できる箇所はありませんでした。", null, 200, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await type.Workflow(http.RequestServices).SaveRevisionAsync(page, Stamp(type.CopyOf(working, checker.AutoFix), http, "表記の自動修正"), page.PublishAtUtc, page.CloseAtUtc, ct);
        Audit(http).Record(NpoMunicipalNetwork.Audit.AuditAction.Update, type.Target(page), $"「{page.Title}」の表記を自動修正");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}{type.AdminPath(id)}");
    }

    private static async Task<IResult> Restore(int id, int number, HttpContext http, IFormCollection _, NetworkDbContext db, TenantContext tenant, IServiceProvider services, CancellationToken ct)
    {
        var type = TypeOf(http);
        var (page, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (page is null)
            return refusal!;
        var old = await db.ContentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ContentType == type.Type && r.ContentId == id && r.Number == number, ct);
        if (old is null)
            return ThemeResults.NotFound();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Restoring makes a new draft from the old version; it goes public only through the usual route.
            await type.Workflow(http.RequestServices).SaveRevisionAsync(page, Stamp(type.CopyOf(old), http, $"第{number}版から復元"), page.PublishAtUtc, page.CloseAtUtc, ct);
            Audit(http).Record(NpoMunicipalNetwork.Audit.AuditAction.Update, type.Target(page), $"「{page.Title}」を第{number}版から復元");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (WorkflowException ex)
        {
            return await Status(id, http, db, tenant, new FormState(), null, ex.Message, 409, ct);
        }
        return Results.Redirect($"{http.Request.PathBase}{type.AdminPath(id)}");
    }

    private static ContentRevision Stamp(ContentRevision revision, HttpContext http, string note)
    {
        var actor = Actor(http);
        revision.CreatedByUserId = actor.UserId;
        revision.CreatedByName = actor.Name;
        revision.Note = note;
        return revision;
    }
}
