
namespace NpoMunicipalNetwork.Publishing;

/// <summary>The handlers behind <see cref="ContentAdminEndpoints"/>, for one content type.</summary>
internal static class ContentAdmin<TItem, TContent>
    where TItem : ContentItem, new() where TContent : class, IContentDraft
{
    public static async Task<IResult> ListAsync(ContentType<TItem, TContent> type, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        var listPath = $"/admin/{type.AdminSegment}";
        var list = new ListQuery(http.Request, listPath, ["title", "updated", .. type.Sorts.Select(s => s.Key)], "updated");
        var q = db.Set<TItem>().AsNoTracking();
        var text = list.Filter("q");
        if (text is not null)
            q = type.MatchText(q, text);
        var state = list.Filter("state");
        q = state switch
        {
            "published" => q.Where(i => i.IsPublished),
            "draft" => q.Where(i => !i.IsPublished),
            "waiting" => q.Where(i => i.WorkflowState == WorkflowState.Waiting),
            "scheduled" => q.Where(i => i.WorkflowState == WorkflowState.Scheduled),
            "remanded" => q.Where(i => i.WorkflowState == WorkflowState.Remanded),
            _ => q,
        };
        var unit = int.TryParse(list.Filter("department"), out var dep) ? dep : (int?)null;
        if (unit is not null)
            q = q.Where(i => i.OwnerDepartmentId == unit);
        var sort = type.Sorts.FirstOrDefault(s => s.Key == list.Sort);
        var ordered = (list.Sort, list.Descending) switch
        {
            ("title", false) => q.OrderBy(i => i.Title), ("title", true) => q.OrderByDescending(i => i.Title),
            (_, false) when sort is not null => q.OrderBy(sort.By), (_, true) when sort is not null => q.OrderByDescending(sort.By),
            (_, false) => q.OrderBy(i => i.UpdatedUtc), _ => q.OrderByDescending(i => i.UpdatedUtc),
        };
        var total = await q.CountAsync(ct);
        var items = await list.Apply(ordered.ThenBy(i => i.Id)).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var names = departments.ToDictionary(d => d.Id, d => d.Name);
        var basePath = http.Request.PathBase.Value;
        var headers = new List<ContentListHeader> { new(type.TitleLabel, list.SortLink("title", type.TitleLabel)) };
        headers.AddRange(type.Columns.Select(c => new ContentListHeader(c.Label, c.SortKey is { } k ? list.SortLink(k, c.Label) : null)));
        headers.AddRange([new("担当", null), new("状態", null), new("更新日時", list.SortLink("updated", "更新日時")), new("操作", null)]);
        var rows = items.Select(i => new ContentListRow(i.Id, i.Title, type.Columns.Select(c => c.Cell(i)).ToList(),
            i.OwnerDepartmentId is { } d ? names.GetValueOrDefault(d) : null,
            WorkflowStateNames.Label(i.WorkflowState, i.IsPublished, i.ClosedUtc != null, i.LiveRevisionId != null),
            JapanTime.FormatDateTime(i.UpdatedUtc), $"{basePath}{type.AdminPath(i.Id)}/edit", $"{basePath}{type.AdminPath(i.Id)}",
            i.IsPublished ? basePath + type.LivePath(i) : null, scope.CanEdit(i.OwnerDepartmentId))).ToList();
        Option State(string value, string label) => new(value, label, state == value);
        var model = new ContentListModel(type.ListLabel, type.ListIntro, type.Noun, $"{basePath}{listPath}", $"{basePath}{listPath}/new", $"{type.Noun}を作成する",
            headers, rows, list.Pager(total),
            [State("published", "公開中"), State("draft", "非公開（下書き・公開終了）"), State("waiting", "承認待ち"), State("scheduled", "公開待ち"), State("remanded", "差し戻し")],
            departments.Select(d => new Option(d.Id.ToString(), d.Name, d.Id == unit)).ToList(),
            text, scope.All || scope.DepartmentIds.Count > 0,
            http.Request.Query["deleted"] == "1" ? $"{type.Noun}を削除しました。" : null);
        return ThemeResults.Admin("admin/content/index", model, new PageMeta(type.ListLabel, [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb(type.ListLabel)]));
    }

    public static async Task<IResult> NewAsync(ContentType<TItem, TContent> type, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        if (!scope.All && scope.DepartmentIds.Count == 0)
            return ThemeResults.Forbidden();
        var form = new FormState();
        var edit = new ContentEdit<TItem, TContent>(http, db, scope, form, null, null);
        type.Fill(form, type.NewContent(edit));
        form.Values["owner"] = scope.All ? null : scope.DepartmentIds.First().ToString();
        type.PrepareNew(form, http.Request);
        return await FormAsync(type, edit, [], ct);
    }

    public static async Task<IResult> EditAsync(ContentType<TItem, TContent> type, int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, scope, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (item is null)
            return refusal!;
        var content = await type.WorkingContentAsync(db, item, ct);
        var form = new FormState();
        type.Fill(form, content);
        form.Values["owner"] = content.OwnerDepartmentId?.ToString();
        form.Values["publishAt"] = JapanTime.ToLocalInput(item.PublishAtUtc);
        form.Values["closeAt"] = JapanTime.ToLocalInput(item.CloseAtUtc);

        // An open form holds a soft lock; someone else's live lock is shown instead of taken.
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        string? warning = null;
        if (item.LockedByUserId is { } holder && holder != http.User.UserId() && item.LockedUntilUtc > now)
            warning = await LockWarningAsync(type, db, holder, item.LockedUntilUtc.Value, ct);
        else
        {
            // Straight to the row: a lock is not a change of content, so it must not reach the search change log,
            // the page cache or webhooks as one would.
            var (me, until) = (http.User.UserId(), now + ContentAdminEndpoints.LockDuration);
            await db.Set<TItem>().Where(i => i.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LockedByUserId, me).SetProperty(i => i.LockedUntilUtc, until), ct);
        }
        form.Values["version"] = item.Version.ToString();
        if (item.WorkflowState is WorkflowState.Waiting or WorkflowState.Scheduled)
            warning ??= $"この{type.Noun}は承認待ちまたは公開待ちのため編集できません。編集するには、状態の画面で依頼を取り下げてください。";
        var slot = type.Attachments;
        var edit = new ContentEdit<TItem, TContent>(http, db, scope, form, item, content);
        return await FormAsync(type, edit, slot is null ? [] : slot.Get(content), ct, warning: warning);
    }

    public static async Task<IResult> SaveAsync(ContentType<TItem, TContent> type, int? id, HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct)
    {
        var scope = await EditorScope.ForAsync(http.User, db, ct);
        TItem? item = null;
        TContent? current = null;
        if (id is { } existing)
        {
            (item, scope, var refusal) = await LoadEditableAsync(type, existing, http, db, ct);
            if (item is null)
                return refusal!;
            current = await type.WorkingContentAsync(db, item, ct);
        }
        else if (!scope.All && scope.DepartmentIds.Count == 0)
            return ThemeResults.Forbidden();

        var form = FormState.From(input);
        var edit = new ContentEdit<TItem, TContent>(http, db, scope, form, item, current);
        var shown = current is not null && type.Attachments is { } slot ? slot.Get(current) : [];
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (item?.LockedByUserId is { } holder && holder != http.User.UserId() && item.LockedUntilUtc > now)
            return await FormAsync(type, edit, shown, ct, 409, error: await LockWarningAsync(type, db, holder, item.LockedUntilUtc!.Value, ct));
        if (item is not null && form.Text("version") != item.Version.ToString())
            return await FormAsync(type, edit, shown, ct, 409,
                error: $"この{type.Noun}は、編集を始めた後に別の人が保存しています。上書きを防ぐため保存していません。開き直して変更を確認してください。");

        var outcome = await http.RequestServices.GetRequiredService<ContentSaver>()
            .SaveFromFormAsync(type, edit, input.Files, WorkflowEndpoints.Actor(http), ct);
        if (outcome.Item is null)
            return await FormAsync(type, edit, outcome.Attachments, ct, outcome.Status, error: outcome.Error);
        return Results.Redirect($"{http.Request.PathBase}{type.AdminPath(outcome.Item.Id)}");
    }

    public static async Task<IResult> ConfirmDeleteAsync(ContentType<TItem, TContent> type, int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (item is null)
            return refusal!;
        var basePath = http.Request.PathBase.Value;
        return ThemeResults.Admin("admin/confirm", new ConfirmModel($"{type.Noun}「{item.Title}」を削除します",
                $"削除した{type.Noun}と版の履歴は元に戻せません。{type.DeleteConsequence}", $"{basePath}{type.AdminPath(id)}/delete",
                $"{basePath}{type.AdminPath(id)}/edit", "削除する", await type.DeleteWarningsAsync(db, id, ct)),
            new PageMeta($"{type.Noun}の削除", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb(type.ListLabel, $"/admin/{type.AdminSegment}"), new Breadcrumb("削除")]));
    }

    public static async Task<IResult> DeleteAsync(ContentType<TItem, TContent> type, int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (item is null)
            return refusal!;
        // The item, its revisions and its approval requests go together; rows that refer to it cascade in the database.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ContentRevisions.RemoveRange(await db.ContentRevisions.Where(r => r.ContentType == type.Type && r.ContentId == id).ToListAsync(ct));
        db.ApprovalRequests.RemoveRange(await db.ApprovalRequests.Where(r => r.ContentType == type.Type && r.ContentId == id).ToListAsync(ct));
        await type.OnDeletingAsync(db, item, ct);
        db.Set<TItem>().Remove(item);
        http.RequestServices.GetRequiredService<AuditLog>().Record(AuditAction.Delete, type.Target(item), $"{type.Noun}「{item.Title}」を削除");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/{type.AdminSegment}?deleted=1");
    }

    /// <summary>Staff download of an attachment of this site's item, draft or live.</summary>
    public static async Task<IResult> FileAsync(ContentType<TItem, TContent> type, int id, int fileId, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, _, refusal) = await LoadEditableAsync(type, id, http, db, ct);
        if (item is null)
            return refusal!;
        var slot = type.Attachments!;
        var working = slot.Get(await type.WorkingContentAsync(db, item, ct));
        var live = slot.Get(type.FromLive(item));
        if (!working.Concat(live).Any(a => a.StoredFileId == fileId))
            return ThemeResults.NotFound();
        return await Files.FileResults.DownloadAsync(db, fileId, ct);
    }

    /// <summary>The item of this site (others' are hidden by the tenant filter: 404) if the editor's units own it (else 403).</summary>
    private static async Task<(TItem? Item, EditorScope Scope, IResult? Refusal)> LoadEditableAsync(ContentType<TItem, TContent> type, int id,
        HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var (item, scope, refusal) = await WorkflowEndpoints.LoadEditableAsync(type, id, http, db, ct);
        return ((TItem?)item, scope, refusal);
    }

    private static async Task<string> LockWarningAsync(ContentType<TItem, TContent> type, NetworkDbContext db, int holder, DateTime until, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == holder).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "別の利用者";
        return $"{name}さんがこの{type.Noun}を編集中です（{JapanTime.ToJst(until):H時mm分}まで）。その間は保存できません。";
    }

    private static async Task<IResult> FormAsync(ContentType<TItem, TContent> type, ContentEdit<TItem, TContent> edit, IReadOnlyList<ContentAttachment> attachments,
        CancellationToken ct, int status = 200, string? warning = null, string? error = null)
    {
        var (http, db, form, id) = (edit.Http, edit.Db, edit.Form, edit.Item?.Id);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var owner = edit.Owner;
        var owners = departments.Where(d => edit.Scope.CanEdit(d.Id)).Select(d => new Option(d.Id.ToString(), $"{d.Name}（{d.Level.Japanese()}）", d.Id == owner)).ToList();
        if (edit.Scope.All)
            owners.Insert(0, new Option("", "（所属なし）", owner is null));
        var options = new Dictionary<string, IReadOnlyList<Option>> { ["owner"] = owners };
        await type.AddOptionsAsync(edit, options, ct);

        var basePath = http.Request.PathBase.Value;
        var slot = type.Attachments;
        var rows = new List<ContentAttachmentRow>();
        if (slot is not null && attachments.Count > 0)
        {
            var ids = attachments.Select(a => a.StoredFileId).ToList();
            var files = await db.StoredFiles.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
            var removed = form.Many("removeFile").ToHashSet();
            rows.AddRange(attachments.Where(a => files.ContainsKey(a.StoredFileId)).Select(a => new ContentAttachmentRow(a.StoredFileId, a.Title,
                files[a.StoredFileId].FileName, Files.FileRules.Megabytes(files[a.StoredFileId].Length),
                id is null ? "" : $"{basePath}{type.AdminPath(id.Value)}/files/{a.StoredFileId}", removed.Contains(a.StoredFileId.ToString()))));
        }
        var listUrl = $"{basePath}/admin/{type.AdminSegment}";
        var extra = new ContentFormExtra(type.Noun, listUrl, http.RequestServices.GetRequiredService<TenantContext>().Tenant.RequiresApproval,
            id is null ? null : $"{basePath}{type.AdminPath(id.Value)}", id is null ? null : $"{basePath}{type.AdminPath(id.Value)}/delete",
            rows, slot?.RulesText, slot?.Label);
        var title = id is null ? $"{type.Noun}の作成" : $"{type.Noun}の編集";
        return ThemeResults.Admin(type.EditTemplate, new EditFormModel(form, id is null ? listUrl : $"{basePath}{type.AdminPath(id.Value)}", id is null, options,
                Warning: warning, FormError: error, Extra: extra),
            new PageMeta(title, [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb(type.ListLabel, $"/admin/{type.AdminSegment}"), new Breadcrumb(title)]), status);
    }
}
