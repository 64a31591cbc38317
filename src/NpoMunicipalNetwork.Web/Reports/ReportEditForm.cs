using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Admin;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Forms;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Reports;

public sealed record ReportFileRow(int FileId, string Title, string FileName, string Size, string Url, bool Removed);

/// <summary>Renders the report edit form with the topics (policy fields), the editor's units and the current PDFs.</summary>
public static class ReportEditForm
{
    public static async Task<IResult> RenderAsync(HttpContext http, NetworkDbContext db, EditorScope scope, FormState form, int? id,
        IReadOnlyList<ReportAttachment> attachments, CancellationToken ct, int status = 200, string? warning = null, string? error = null)
    {
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var selected = form.Many("topics").ToHashSet();
        int? owner = int.TryParse(form.Text("owner"), out var o) ? o : null;
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var owners = departments.Where(d => scope.CanEdit(d.Id)).Select(d => new Option(d.Id.ToString(), $"{d.Name}（{d.Level.Japanese()}）", d.Id == owner)).ToList();
        if (scope.All)
            owners.Insert(0, new Option("", "（所属なし）", owner is null));
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["owner"] = owners,
            ["topics"] = vocabulary.Fields.Where(f => !f.IsRetired || selected.Contains(f.Code)).Select(f => new Option(f.Code, f.Name, selected.Contains(f.Code))).ToList(),
        };
        var basePath = http.Request.PathBase.Value;
        var fileIds = attachments.Select(a => a.StoredFileId).ToList();
        var files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var removed = form.Many("removeFile").ToHashSet();
        var rows = attachments.Where(a => files.ContainsKey(a.StoredFileId)).Select(a => new ReportFileRow(a.StoredFileId, a.Title, files[a.StoredFileId].FileName,
            Files.FileRules.Megabytes(files[a.StoredFileId].Length), id is null ? "" : $"{basePath}/admin/reports/{id}/files/{a.StoredFileId}", removed.Contains(a.StoredFileId.ToString()))).ToList();

        var title = id is null ? "報告書の作成" : "報告書の編集";
        return ThemeResults.Admin("admin/reports/edit", new EditFormModel(form, $"{basePath}/admin/reports" + (id is null ? "" : $"/{id}"), id is null, options, Warning: warning, FormError: error,
            Extra: new
            {
                files = rows,
                upload_rules = $"{ReportForm.PdfOnly.KindsText}のみ、1ファイル{ReportForm.PdfOnly.MaxText}まで",
                requires_approval = http.RequestServices.GetRequiredService<TenantContext>().Tenant.RequiresApproval,
                delete_url = id is null ? null : $"{basePath}/admin/reports/{id}/delete",
                status_url = id is null ? null : $"{basePath}/admin/reports/{id}",
            }),
            new PageMeta(title, [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("調査研究報告書", "/admin/reports"), new Breadcrumb(title)]), status);
    }
}
