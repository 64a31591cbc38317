using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Files;
using NpoMunicipalNetwork.Forms;
using NpoMunicipalNetwork.Infrastructure;
using NpoMunicipalNetwork.Publishing;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.Reports;

/// <summary>How a save ended: the saved report, or why not (with the PDFs to show again).</summary>
public sealed record ReportSaveOutcome(Report? Report, IReadOnlyList<ReportAttachment> Files, int Status = 200, string? Error = null);

/// <summary>
/// One editor action on a report, all or nothing: the form is checked in full first; only then are the
/// upload and the revision written (and published where the site allows it), in one transaction.
/// Only PDFs already on this report or uploaded in this request can be attached, so another site's
/// files can never be referred to.
/// </summary>
public sealed class ReportSaver(NetworkDbContext db, ReportWorkflow workflow, FileStore files, TenantContext tenant, Audit.AuditLog audit, TimeProvider clock)
{
    public async Task<ReportSaveOutcome> SaveFromFormAsync(Report? item, ReportContent current, FormState form, IFormFileCollection uploads,
        EditorScope scope, Actor actor, CancellationToken ct)
    {
        var removed = form.Many("removeFile").ToHashSet();
        var kept = current.Files.Where(f => !removed.Contains(f.StoredFileId.ToString()))
            .Select(f => f with { Title = form.Text($"fileTitle-{f.StoredFileId}") is { Length: > 0 } t ? t : f.Title }).ToList();
        var content = ReportForm.Read(form, kept, await CaseVocabulary.LoadAsync(db, ct), JapaneseEra.FiscalYearOf(clock.Today()));
        if (content.OwnerDepartmentId is null && !scope.All)
            form.Error("owner", "担当課を選んでください。");
        else if (content.OwnerDepartmentId is { } owner && (!scope.CanEdit(owner) || !await db.Departments.AnyAsync(d => d.Id == owner, ct)))
            form.Error("owner", "選んだ所属には報告書を割り当てられません。自分の所属から選んでください。");
        var known = await PublishedCases.All(db).Where(c => content.RelatedCaseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        foreach (var missing in content.RelatedCaseIds.Except(known))
            form.Error("relatedCases", $"事例番号 {missing} の公開中の事例はありません。事例データベースで番号を確かめてください。");
        var publishAt = JapanTime.ParseLocal(form, "publishAt", "公開日時");
        var closeAt = JapanTime.ParseLocal(form, "closeAt", "公開終了日時");
        if (closeAt is not null && publishAt is not null && closeAt <= publishAt)
            form.Error("closeAt", "公開終了日時は公開日時より後にしてください。");

        var upload = uploads.GetFile("newFile");
        var uploadTitle = form.Text("newFileTitle");
        if (upload is null && !string.IsNullOrEmpty(uploadTitle))
            form.Error("newFile", "PDFの表示名だけが入力されています。ファイルを選んでください。");
        if (upload is not null && kept.Count >= ReportForm.MaxFiles)
            form.Error("newFile", $"PDFは{ReportForm.MaxFiles}件までです。");
        if (!form.IsValid)
            return new ReportSaveOutcome(null, kept, 400, upload is null ? null : "入力に誤りがあるため保存していません。PDFは、誤りを直したあと、もう一度選んでください。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (upload is not null)
        {
            var stored = await files.AcceptAsync(upload, ReportForm.PdfOnly, "newFile", "PDF", form, actor.UserId, ct);
            if (stored is null)
                return new ReportSaveOutcome(null, kept, 400);
            await db.SaveChangesAsync(ct); // the file's id goes into the revision
            content = content with { Files = [.. kept, new ReportAttachment(stored.Id, string.IsNullOrEmpty(uploadTitle) ? Path.GetFileNameWithoutExtension(stored.FileName) : uploadTitle)] };
        }
        try
        {
            var isNew = item is null;
            item ??= new Report();
            var revision = await workflow.SaveAsync(item, content, publishAt, closeAt, actor, isNew ? "作成" : "保存", ct);
            audit.Record(isNew ? Audit.AuditAction.Create : Audit.AuditAction.Update, Audit.AuditTarget.Report(item),
                $"報告書「{content.Title}」を{(isNew ? "作成" : "保存")}（第{revision.Number}版）");
            if (form.Text("action") == "publish" && !tenant.Tenant.RequiresApproval)
            {
                await workflow.PublishDirectlyAsync(item, ct);
                audit.Record(Audit.AuditAction.Publish, Audit.AuditTarget.Report(item), new ReportContentWorkflowType().PublishSummary(item));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ReportSaveOutcome(item, content.Files);
        }
        catch (WorkflowException ex)
        {
            return new ReportSaveOutcome(null, kept, 409, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReportSaveOutcome(null, kept, 409, "同時に別の人が保存しました。開き直してください。");
        }
    }
}
