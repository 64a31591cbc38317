using NpoMunicipalNetwork.Api.Keys;

namespace NpoMunicipalNetwork.Api.Writes;

/// <summary>What a write answers: the item's id, its version (also the ETag), where it stands in the workflow, and why.</summary>
public sealed record ApiWriteResult(int Id, int Version, string State, string StateLabel, string? PublicUrl, int? ApprovalRequestId, string Message);

/// <summary>
/// The steps every keyed write shares: the ETag check, the approval route, and one transaction that saves the revision,
/// publishes it (a site without approval) or submits it for approval (a site with a route), and writes the audit log,
/// exactly as the admin area does, with the key named as the actor.
/// </summary>
public static class ApiPublication
{
    public static Actor ActorOf(ApiCaller caller) => new(caller.CreatedByUserId, caller.ActorName);

    public static AuditActor AuditActorOf(ApiCaller caller) => new(null, caller.ActorName);

    /// <summary>
    /// A PUT must say which version it changes (If-Match: the ETag a write returned, <c>"7"</c>, or the one of a GET
    /// of the item, <c>"7.…"</c>); else 428, and 412 if it is not the current one.
    /// </summary>
    public static IResult? CheckIfMatch(HttpRequest request, IWorkflowItem item, string noun)
    {
        var tags = request.Headers.IfMatch.SelectMany(v => (v ?? "").Split(',')).Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        if (tags.Count == 0)
            return ApiProblem.Status(StatusCodes.Status428PreconditionRequired, "If-Match が必要です",
                $"上書きを防ぐため、更新のもとにした{noun}の版を If-Match ヘッダー（取得・作成・更新の応答の ETag）で送ってください。");
        var current = ETag(item.Version);
        return tags.Any(t => t == "*" || t == current || Api.ApiJson.NamesVersion(t, item.Version)) ? null : ApiProblem.PreconditionFailed(noun);
    }

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>The version a public read of <paramref name="item"/> shows, when that is its current state (no draft or approval pending).</summary>
    public static int? CurrentVersion(IWorkflowItem item) => item.WorkingRevisionId == item.LiveRevisionId ? item.Version : null;

    public static (DateTime? PublishAt, DateTime? CloseAt) ReadSchedule(string? publishAt, string? closeAt, FormState errors)
    {
        var open = ApiDates.Parse(publishAt, "publishAt", "公開日時", errors);
        var close = ApiDates.Parse(closeAt, "closeAt", "公開終了日時", errors);
        if (open is not null && close is not null && close <= open)
            errors.Error("closeAt", "公開終了日時（closeAt）は公開日時より後にしてください。");
        return (open, close);
    }

    /// <summary>The route a "publish" uses where the site requires approval: the one named, or the site's only route.</summary>
    public static async Task<ApprovalRoute?> RouteAsync(ContentWriteRequest request, bool requiresApproval, NetworkDbContext db, FormState errors, CancellationToken ct)
    {
        if (!request.Publish || !requiresApproval)
            return null;
        var routes = await db.ApprovalRoutes.Include(r => r.Levels).OrderBy(r => r.Id).ToListAsync(ct);
        if (request.ApprovalRouteId is { } id)
        {
            var named = routes.FirstOrDefault(r => r.Id == id);
            if (named is null)
                errors.Error("approvalRouteId", $"承認経路（approvalRouteId）{id} はこのサイトにありません。");
            return named;
        }
        if (routes.Count == 1)
            return routes[0];
        errors.Error("approvalRouteId", routes.Count == 0
            ? "このサイトでは公開に承認が必要ですが、承認経路がありません。管理画面で承認経路を作成してから、もう一度送ってください。"
            : $"このサイトには承認経路が複数あります。承認経路（approvalRouteId）に番号を指定してください（{string.Join("、", routes.Select(r => $"{r.Id}: {r.Name}"))}）。");
        return null;
    }

    public static IResult Invalid(FormState errors, IReadOnlyDictionary<string, string>? rename = null) =>
        ApiProblem.Validation(errors.Summary.ToDictionary(e => rename?.GetValueOrDefault(e.Field) ?? e.Field, e => e.Message));

    /// <summary>
    /// Saves (through <paramref name="save"/>) and, if asked, publishes or submits, all in one transaction; then mails the approvers.
    /// Returns the response: 201 for a new item, 200 for an update, 409 / 412 when the workflow or a concurrent save refuses.
    /// </summary>
    public static async Task<IResult> SaveAsync(HttpContext http, WorkflowContentType type, IWorkflowItem? existing, ContentWriteRequest request,
        ApprovalRoute? route, Func<Task<(IWorkflowItem Item, ContentRevision Revision)>> save, CancellationToken ct)
    {
        var caller = ApiCaller.Of(http)!;
        var db = http.RequestServices.GetRequiredService<NetworkDbContext>();
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        var workflow = type.Workflow(http.RequestServices);
        var actor = AuditActorOf(caller);
        ApprovalRequest? approval = null;
        IWorkflowItem item;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                (item, var revision) = await save();
                var verb = existing is null ? "作成" : "更新";
                audit.Record(existing is null ? AuditAction.Create : AuditAction.Update, type.Target(item),
                    $"{type.Noun}「{item.Title}」をAPIで{verb}（第{revision.Number}版）", actor);
                if (request.Publish && route is null)
                {
                    await workflow.PublishDirectlyAsync(item, ct);
                    audit.Record(AuditAction.Publish, type.Target(item), type.PublishSummary(item) + "（API）", actor);
                }
                else if (request.Publish)
                {
                    var comment = string.IsNullOrWhiteSpace(request.ApprovalComment) ? $"{caller.ActorName} からの公開依頼" : request.ApprovalComment.Trim();
                    approval = await workflow.RequestAsync(item, route!, ActorOf(caller), comment, ct);
                    audit.Record(AuditAction.Request, type.Target(item), $"「{item.Title}」の承認を依頼（経路「{route!.Name}」、API）", actor);
                }
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (WorkflowException ex)
            {
                return ApiProblem.Conflict(ex.Message);
            }
            catch (DbUpdateConcurrencyException)
            {
                return ApiProblem.PreconditionFailed(type.Noun);
            }
        }
        if (approval is not null)
            await http.RequestServices.GetRequiredService<WorkflowNotifier>().WaitingAsync(approval, item.Title,
                $"{http.Request.Scheme}://{http.Request.Host}/{caller.Tenant.Name}/admin/approvals/{approval.Id}", ct);

        var result = Describe(http, type, item, caller, approval);
        http.Response.Headers.ETag = ETag(item.Version);
        return existing is null
            ? Results.Created($"/api/v1/{type.AdminSegment}/{item.Id}", result)
            : Results.Ok(result);
    }

    private static ApiWriteResult Describe(HttpContext http, WorkflowContentType type, IWorkflowItem item, ApiCaller caller, ApprovalRequest? approval)
    {
        var (state, message) = item.WorkflowState switch
        {
            WorkflowState.Waiting => ("waitingForApproval", "承認を依頼しました。承認されると公開されます。"),
            WorkflowState.Scheduled => ("scheduled", "公開日時に公開されます。"),
            WorkflowState.Draft when item.LiveRevisionId is not null => ("draft", "下書き（差し替え）として保存しました。公開中の内容はまだ変わっていません。"),
            WorkflowState.Draft => ("draft", "下書きとして保存しました。"),
            _ when item.IsPublished => ("published", "公開しました。"),
            _ => ("closed", "保存しました。公開終了日時を過ぎているため公開されていません。"),
        };
        var url = item.IsPublished ? $"{http.Request.Scheme}://{http.Request.Host}/{caller.Tenant.Name}{type.LivePath(item)}" : null;
        return new ApiWriteResult(item.Id, item.Version, state,
            WorkflowStateNames.Label(item.WorkflowState, item.IsPublished, item.ClosedUtc != null, item.LiveRevisionId != null), url, approval?.Id, message);
    }
}
