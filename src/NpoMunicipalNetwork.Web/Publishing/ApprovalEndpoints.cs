
namespace NpoMunicipalNetwork.Publishing;

public sealed record InboxRow(int RequestId, string Title, string RequestedBy, string When, int Level, int Levels, string Url, string Kind = "");

public sealed record InboxModel(IReadOnlyList<InboxRow> ToApprove, IReadOnlyList<InboxRow> Remanded, IReadOnlyList<InboxRow> Mine);

public sealed record ApprovalViewModel(int RequestId, string Title, string RequestedBy, string Comment, int Level, int Levels, string Route,
    bool CanAct, IReadOnlyList<FieldDiff> Changes, IReadOnlyList<DecisionRow> Decisions, FormState Form, string? FormError, IReadOnlyList<Checks.CheckFinding> Findings);

/// <summary>
/// The approver's side: an inbox (依頼されたもの・差し戻されたもの) and the decision page, where an
/// approver sees what changed against the live copy and approves or remands with a comment.
/// </summary>
public static class ApprovalEndpoints
{
    public static RouteGroupBuilder MapApprovals(this RouteGroupBuilder admin)
    {
        var g = admin.MapGroup("/approvals");
        g.MapGet("/", Inbox);
        g.MapGet("/{id:int}", (int id, HttpContext http, NetworkDbContext db, ApprovalEngine engine, CancellationToken ct) => View(id, http, db, engine, new FormState(), null, 200, ct));
        g.MapPost("/{id:int}", Decide);
        return admin;
    }

    private static async Task<InboxModel> BuildInboxAsync(HttpContext http, NetworkDbContext db, ApprovalEngine engine, CancellationToken ct)
    {
        var me = http.User.UserId() ?? 0;
        var basePath = http.Request.PathBase.Value;
        var open = await db.ApprovalRequests.AsNoTracking().Include(r => r.Decisions).Where(r => r.Status == ApprovalStatus.Open).ToListAsync(ct);
        var routes = await db.ApprovalRoutes.AsNoTracking().Include(r => r.Levels).ToDictionaryAsync(r => r.Id, ct);
        var types = http.RequestServices.GetRequiredService<WorkflowContentTypes>();
        var remandedRequests = await db.ApprovalRequests.AsNoTracking()
            .Where(r => r.RequestedByUserId == me && r.Status == ApprovalStatus.Remanded)
            .OrderByDescending(r => r.ClosedUtc).Take(100).ToListAsync(ct);
        // Titles and states of the items the requests are about, one query per content type.
        var states = new Dictionary<(string, int), (string Title, WorkflowState State)>();
        foreach (var group in open.Concat(remandedRequests).GroupBy(r => r.ContentType))
            foreach (var (id, state) in await types.Get(group.Key).StatesAsync(db, group.Select(r => r.ContentId).Distinct().ToList(), ct))
                states[(group.Key, id)] = state;
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        InboxRow Row(ApprovalRequest r, string url) => new(r.Id,
            states.TryGetValue((r.ContentType, r.ContentId), out var s) ? s.Title : "（削除されたもの）",
            names.GetValueOrDefault(r.RequestedByUserId, ""),
            JapanTime.FormatDateTime(r.CreatedUtc), r.CurrentLevel, routes.TryGetValue(r.RouteId, out var rt) ? rt.Levels.Count : 0, url, types.Get(r.ContentType).Noun);
        string ItemUrl(ApprovalRequest r) => $"{basePath}{types.Get(r.ContentType).AdminPath(r.ContentId)}";

        var toApprove = new List<InboxRow>();
        foreach (var r in open)
        {
            if (!routes.TryGetValue(r.RouteId, out var route))
                continue;
            var alreadyApproved = r.Decisions.Any(d => d.UserId == me && d.Approved && d.Level == r.CurrentLevel && d.Round == r.Round);
            if (!alreadyApproved && await engine.ActingLevelAsync(route, r, me, ct) is not null)
                toApprove.Add(Row(r, $"{basePath}/admin/approvals/{r.Id}"));
        }
        // Only requests whose item still waits for the author's correction.
        var remanded = remandedRequests
            .Where(r => states.TryGetValue((r.ContentType, r.ContentId), out var s) && s.State == WorkflowState.Remanded)
            .DistinctBy(r => (r.ContentType, r.ContentId)).Take(20);
        var mine = open.Where(r => r.RequestedByUserId == me).ToList();
        return new InboxModel(toApprove, remanded.Select(r => Row(r, ItemUrl(r))).ToList(), mine.Select(r => Row(r, ItemUrl(r))).ToList());
    }

    /// <summary>How many requests wait for the signed-in person now (for the dashboard).</summary>
    public static async Task<int> WaitingForAsync(HttpContext http, NetworkDbContext db, ApprovalEngine engine, CancellationToken ct) =>
        (await BuildInboxAsync(http, db, engine, ct)).ToApprove.Count;

    private static async Task<IResult> Inbox(HttpContext http, NetworkDbContext db, ApprovalEngine engine, CancellationToken ct) =>
        ThemeResults.Admin("admin/approvals/index", await BuildInboxAsync(http, db, engine, ct),
            new PageMeta("承認", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("承認")]));

    private static async Task<IResult> View(int id, HttpContext http, NetworkDbContext db, ApprovalEngine engine, FormState form, string? error, int status, CancellationToken ct)
    {
        var request = await db.ApprovalRequests.AsNoTracking().Include(r => r.Decisions).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
            return ThemeResults.NotFound();
        var route = await db.ApprovalRoutes.AsNoTracking().Include(r => r.Levels).FirstAsync(r => r.Id == request.RouteId, ct);
        var type = http.RequestServices.GetRequiredService<WorkflowContentTypes>().Get(request.ContentType);
        var page = await type.FindAsync(db, request.ContentId, ct);
        if (page is null)
            return ThemeResults.NotFound();
        var working = await db.ContentRevisions.AsNoTracking().FirstAsync(r => r.Id == request.RevisionId, ct);
        var live = page.LiveRevisionId is { } l ? await db.ContentRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == l, ct) : null;
        var empty = new ContentRevision { ContentType = working.ContentType, Title = "", Slug = "" };
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var me = http.User.UserId() ?? 0;
        var canAct = request.Status == ApprovalStatus.Open && await engine.ActingLevelAsync(route, request, me, ct) is not null;
        var requester = await db.Users.Where(u => u.Id == request.RequestedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var model = new ApprovalViewModel(id, working.Title, requester, request.Comment, request.CurrentLevel, route.Levels.Count, route.Name, canAct,
            RevisionDiff.Compare(live ?? empty, working, d => d is { } x ? departments.GetValueOrDefault(x, "") : "（なし）", type.Details),
            request.Decisions.OrderBy(d => d.CreatedUtc).Select(d => new DecisionRow(d.Level, d.UserName, d.Approved ? "承認" : "差し戻し", d.Comment, JapanTime.FormatDateTime(d.CreatedUtc))).ToList(),
            form, error, (await http.RequestServices.GetRequiredService<Checks.ContentCheckerProvider>().GetAsync(db, ct)).Check(working.BodyMarkdown));
        return ThemeResults.Admin("admin/approvals/view", model,
            new PageMeta($"承認: {working.Title}", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("承認", "/admin/approvals"), new Breadcrumb(working.Title)]), status);
    }

    private static async Task<IResult> Decide(int id, HttpContext http, IFormCollection input, NetworkDbContext db, ApprovalEngine engine, WorkflowContentTypes types,
        WorkflowNotifier notify, CancellationToken ct)
    {
        var request = await db.ApprovalRequests.Include(r => r.Decisions).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var decision = form.Text("decision");
        var comment = form.Required("comment", "コメント", 2000);
        if (decision is not ("approve" or "remand"))
            form.Error("decision", "承認するか差し戻すかを選んでください。");
        if (!form.IsValid)
            return await View(id, http, db, engine, form, null, 400, ct);

        var route = await db.ApprovalRoutes.Include(r => r.Levels).FirstAsync(r => r.Id == request.RouteId, ct);
        var type = types.Get(request.ContentType);
        var workflow = type.Workflow(http.RequestServices);
        var page = await type.FindAsync(db, request.ContentId, ct);
        if (page is null)
            return ThemeResults.NotFound();
        var levelBefore = request.CurrentLevel;
        try
        {
            var audit = http.RequestServices.GetRequiredService<Audit.AuditLog>();
            var target = type.Target(page);
            if (decision == "approve")
            {
                var complete = await workflow.ApproveAsync(page, request, route, WorkflowEndpoints.Actor(http), comment!, ct);
                audit.Record(Audit.AuditAction.Approve, target, $"「{page.Title}」を承認（第{request.Decisions.Last().Level}段階）: {comment}");
                if (complete)
                    audit.Record(Audit.AuditAction.Publish, target, type.PublishSummary(page));
            }
            else
            {
                await workflow.RemandAsync(page, request, route, WorkflowEndpoints.Actor(http), comment!, ct);
                audit.Record(Audit.AuditAction.Remand, target, $"「{page.Title}」を差し戻し: {comment}");
            }
            await db.SaveChangesAsync(ct);
        }
        catch (WorkflowException ex)
        {
            return await View(id, http, db, engine, form, ex.Message, 403, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await View(id, http, db, engine, form, "同時に別の人が処理しました。画面を開き直してください。", 409, ct);
        }

        var pageLink = Accounts.AccountLinks.Absolute(http.Request, type.AdminPath(page.Id));
        var requestLink = Accounts.AccountLinks.Absolute(http.Request, $"/admin/approvals/{request.Id}");
        if (request.Status == ApprovalStatus.Approved)
            await notify.ToAuthorAsync(request, page.Title, page.WorkflowState == WorkflowState.Scheduled ? "承認され、公開日時を待っています" : "承認され、公開されました", comment, pageLink, ct);
        else if (request.Status == ApprovalStatus.Remanded)
            await notify.ToAuthorAsync(request, page.Title, "差し戻されました", comment, pageLink, ct);
        else if (request.CurrentLevel != levelBefore)
            await notify.WaitingAsync(request, page.Title, requestLink, ct); // the next (or, after a remand, the previous) level's turn
        return Results.Redirect($"{http.Request.PathBase}/admin/approvals");
    }
}
