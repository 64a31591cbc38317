using NpoMunicipalNetwork.Files;

namespace NpoMunicipalNetwork.Publishing;

/// <summary>How a save ended: the saved item, or why not (with the attachments to show again).</summary>
public sealed record ContentSaveOutcome<TItem>(TItem? Item, IReadOnlyList<ContentAttachment> Attachments, int Status = 200, string? Error = null);

/// <summary>
/// One editor action on an item of any content type, all or nothing: the whole form is read and checked
/// first (the type's rules, then the owner, the schedule and the upload); only then are the upload stored,
/// the revision written and — where the site publishes without approval and the editor asked — the item
/// published, in one transaction. Only files already on the item or uploaded in this request can be
/// attached, so another site's files can never be referred to.
/// </summary>
public sealed class ContentSaver(NetworkDbContext db, FileStore files, TenantContext tenant, AuditLog audit)
{
    public async Task<ContentSaveOutcome<TItem>> SaveFromFormAsync<TItem, TContent>(ContentType<TItem, TContent> type, ContentEdit<TItem, TContent> edit,
        IFormFileCollection uploads, Actor actor, CancellationToken ct)
        where TItem : ContentItem, new() where TContent : class, IContentDraft
    {
        var form = edit.Form;
        var slot = type.Attachments;
        var kept = Kept(slot, edit.Current, form);
        var content = await type.ReadAsync(edit, kept, ct);
        await CheckOwnerAsync(form, content.OwnerDepartmentId, edit.Scope, type.Noun, ct);
        var publishAt = JapanTime.ParseLocal(form, "publishAt", "公開日時");
        var closeAt = JapanTime.ParseLocal(form, "closeAt", "公開終了日時");
        if (closeAt is not null && publishAt is not null && closeAt <= publishAt)
            form.Error("closeAt", "公開終了日時は公開日時より後にしてください。");

        var upload = slot is null ? null : uploads.GetFile(ContentAttachments<TContent>.NewFile);
        var uploadTitle = form.Text("newFileTitle");
        if (slot is not null && upload is null && !string.IsNullOrEmpty(uploadTitle))
            form.Error("newFile", $"{slot.Label}の表示名だけが入力されています。ファイルを選んでください。");
        if (slot is not null && upload is not null && kept.Count >= slot.Max)
            form.Error("newFile", $"{slot.Label}は{slot.Max}件までです。");
        if (!form.IsValid)
            return new(null, kept, 400, upload is null ? null : $"入力に誤りがあるため保存していません。{slot!.Label}は、誤りを直したあと、もう一度選んでください。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (slot is not null && upload is not null)
        {
            var stored = await files.AcceptAsync(upload, slot.Rules, "newFile", slot.Label, form, actor.UserId, ct);
            if (stored is null)
                return new(null, kept, 400);
            await db.SaveChangesAsync(ct); // the file's id goes into the revision
            var title = string.IsNullOrEmpty(uploadTitle) ? Path.GetFileNameWithoutExtension(stored.FileName) : uploadTitle;
            content = slot.With(content, [.. kept, new ContentAttachment(stored.Id, title)]);
        }
        try
        {
            var isNew = edit.Item is null;
            var item = edit.Item ?? new TItem();
            var revision = await type.SaveAsync(edit.Http.RequestServices, item, content, publishAt, closeAt, actor, isNew ? "作成" : "保存", ct);
            audit.Record(isNew ? AuditAction.Create : AuditAction.Update, type.Target(item),
                $"{type.Noun}「{content.Title}」を{(isNew ? "作成" : "保存")}（第{revision.Number}版）");
            if (form.Text("action") == "publish" && !tenant.Tenant.RequiresApproval)
            {
                await type.Workflow(edit.Http.RequestServices).PublishDirectlyAsync(item, ct);
                audit.Record(AuditAction.Publish, type.Target(item), type.PublishSummary(item));
            }
            // Saving ends the edit: the soft lock goes with it.
            item.LockedByUserId = null;
            item.LockedUntilUtc = null;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new(item, slot is null ? [] : slot.Get(content));
        }
        catch (WorkflowException ex)
        {
            return new(null, kept, 409, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(null, kept, 409, "同時に別の人が保存しました。開き直してください。");
        }
    }

    /// <summary>The unit must exist on this site and be one the editor (or, for the API, the site) may assign.</summary>
    public async Task CheckOwnerAsync(FormState form, int? owner, EditorScope scope, string noun, CancellationToken ct, string field = "owner")
    {
        if (owner is null && !scope.All)
            form.Error(field, "担当の所属を選んでください。");
        else if (owner is not null && (!scope.CanEdit(owner) || !await db.Departments.AnyAsync(d => d.Id == owner, ct)))
            form.Error(field, $"選んだ所属には{noun}を割り当てられません。自分の所属から選んでください。");
    }

    /// <summary>The current attachments minus those ticked for removal, with their display names as edited.</summary>
    private static IReadOnlyList<ContentAttachment> Kept<TContent>(ContentAttachments<TContent>? slot, TContent? current, FormState form) where TContent : class
    {
        if (slot is null || current is null)
            return [];
        var removed = form.Many("removeFile").ToHashSet();
        return slot.Get(current).Where(a => !removed.Contains(a.StoredFileId.ToString()))
            .Select(a => a with { Title = form.Text($"fileTitle-{a.StoredFileId}") is { Length: > 0 } t ? t : a.Title }).ToList();
    }
}
