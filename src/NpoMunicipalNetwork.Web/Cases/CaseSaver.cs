using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Files;
using NpoMunicipalNetwork.Forms;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.Cases;

/// <summary>How a save ended: the saved case, or why not (with the attachments to show again).</summary>
public sealed record CaseSaveOutcome(PolicyCase? Case, IReadOnlyList<CaseAttachment> Attachments, int Status = 200, string? Error = null);

/// <summary>
/// One editor action on a case, all or nothing: the form is read and checked in full first; only then
/// is the upload stored and the revision written (and published where the site allows it), in one transaction.
/// </summary>
public sealed class CaseSaver(NetworkDbContext db, CaseWorkflow workflow, FileStore files, TenantContext tenant, Audit.AuditLog audit, TimeProvider clock)
{
    public async Task<CaseSaveOutcome> SaveFromFormAsync(PolicyCase? item, CaseContent current, FormState form, IFormFileCollection uploads,
        EditorScope scope, Actor actor, CancellationToken ct)
    {
        var removed = form.Many("removeAttachment").ToHashSet();
        var kept = current.Attachments.Where(a => !removed.Contains(a.StoredFileId.ToString()))
            .Select(a => a with { Title = form.Text($"attachmentTitle-{a.StoredFileId}") is { Length: > 0 } t ? t : a.Title }).ToList();
        var content = CaseForm.Read(form, kept);
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        CaseRules.CopyTo(CaseRules.Validate(content, vocabulary, JapaneseEra.FiscalYearOf(clock.Today())), form);
        await CheckOwnerAsync(form, content.OwnerDepartmentId, scope, ct);
        await CheckAdaptedFromAsync(form, content.AdaptedFromCaseIds, item?.Id, ct);
        var publishAt = JapanTime.ParseLocal(form, "publishAt", "公開日時");
        var closeAt = JapanTime.ParseLocal(form, "closeAt", "公開終了日時");
        if (closeAt is not null && publishAt is not null && closeAt <= publishAt)
            form.Error("closeAt", "公開終了日時は公開日時より後にしてください。");

        var upload = uploads.GetFile("newFile");
        var uploadTitle = form.Text("newFileTitle");
        if (upload is null && !string.IsNullOrEmpty(uploadTitle))
            form.Error("newFile", "添付ファイルの表示名だけが入力されています。ファイルを選んでください。");
        if (upload is not null && kept.Count >= CaseRules.MaxAttachments)
            form.Error("newFile", $"添付ファイルは{CaseRules.MaxAttachments}件までです。");
        if (!form.IsValid)
            return new CaseSaveOutcome(null, kept, 400, upload is null ? null : "入力に誤りがあるため保存していません。添付ファイルは、誤りを直したあと、もう一度選んでください。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (upload is not null)
        {
            var stored = await files.AcceptAsync(upload, FileRules.PdfAndImages, "newFile", "添付ファイル", form, actor.UserId, ct);
            if (stored is null)
                return new CaseSaveOutcome(null, kept, 400);
            await db.SaveChangesAsync(ct); // the file's id goes into the revision
            content = content with { Attachments = [.. kept, new CaseAttachment(stored.Id, string.IsNullOrEmpty(uploadTitle) ? Path.GetFileNameWithoutExtension(stored.FileName) : uploadTitle)] };
        }
        try
        {
            var isNew = item is null;
            item ??= new PolicyCase();
            var revision = await workflow.SaveAsync(item, content, publishAt, closeAt, actor, isNew ? "作成" : "保存", ct);
            audit.Record(isNew ? Audit.AuditAction.Create : Audit.AuditAction.Update, Audit.AuditTarget.PolicyCase(item),
                $"事例「{content.Title}」を{(isNew ? "作成" : "保存")}（第{revision.Number}版）");
            if (form.Text("action") == "publish" && !tenant.Tenant.RequiresApproval)
            {
                await workflow.PublishDirectlyAsync(item, ct);
                audit.Record(Audit.AuditAction.Publish, Audit.AuditTarget.PolicyCase(item), new CaseContentWorkflowType().PublishSummary(item));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new CaseSaveOutcome(item, content.Attachments);
        }
        catch (WorkflowException ex)
        {
            return new CaseSaveOutcome(null, kept, 409, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CaseSaveOutcome(null, kept, 409, "同時に別の人が保存しました。開き直してください。");
        }
    }

    public async Task CheckOwnerAsync(FormState form, int? owner, EditorScope scope, CancellationToken ct)
    {
        if (owner is null && !scope.All)
            form.Error("owner", "担当課を選んでください。");
        else if (owner is not null && (!scope.CanEdit(owner) || !await db.Departments.AnyAsync(d => d.Id == owner, ct)))
            form.Error("owner", "選んだ所属には事例を割り当てられません。自分の所属から選んでください。");
    }

    /// <summary>A case may cite any member's published case, never itself.</summary>
    public async Task CheckAdaptedFromAsync(FormState form, IReadOnlyList<int> ids, int? self, CancellationToken ct)
    {
        if (self is { } me && ids.Contains(me))
            form.Error("adaptedFrom", "参考にした事例に、この事例自身は指定できません。");
        var known = await PublishedCases.All(db).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        foreach (var missing in ids.Except(known).Where(id => id != self))
            form.Error("adaptedFrom", $"事例番号 {missing} の公開中の事例はありません。事例データベースで番号を確かめてください。");
    }
}
