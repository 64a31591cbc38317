using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Admin;
using NpoMunicipalNetwork.Data;
using NpoMunicipalNetwork.Departments;
using NpoMunicipalNetwork.Forms;
using NpoMunicipalNetwork.Tenants;
using NpoMunicipalNetwork.Themes;

namespace NpoMunicipalNetwork.Cases;

public sealed record CaseAttachmentRow(int FileId, string Title, string FileName, string Size, string Url, bool Removed);

/// <summary>Renders the case edit form with the vocabulary, the editor's units and the current attachments.</summary>
public static class CaseEditForm
{
    public static async Task<IResult> RenderAsync(HttpContext http, NetworkDbContext db, EditorScope scope, FormState form, int? id,
        IReadOnlyList<CaseAttachment> attachments, CancellationToken ct, int status = 200, string? warning = null, string? error = null)
    {
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var selectedFields = form.Many("fields").ToHashSet();
        var selectedMethods = form.Many("methods").ToHashSet();
        int? owner = int.TryParse(form.Text("owner"), out var o) ? o : null;
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);
        var owners = departments.Where(d => scope.CanEdit(d.Id)).Select(d => new Option(d.Id.ToString(), $"{d.Name}（{d.Level.Japanese()}）", d.Id == owner)).ToList();
        if (scope.All)
            owners.Insert(0, new Option("", "（所属なし）", owner is null));

        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["owner"] = owners,
            ["relationshipType"] = [new Option("", "選んでください", form.Text("relationshipType") is null or ""),
                .. RelationshipTypeNames.All.Select(t => new Option(t.Code(), $"{t.Japanese()}（{t.Gloss()}）", form.Text("relationshipType") == t.Code()))],
            // Retired terms stay selectable only where a case already has them.
            ["fields"] = vocabulary.Fields.Where(f => !f.IsRetired || selectedFields.Contains(f.Code)).Select(f => new Option(f.Code, f.Name, selectedFields.Contains(f.Code))).ToList(),
            ["methods"] = vocabulary.Methods.Where(m => !m.IsRetired || selectedMethods.Contains(m.Code))
                .Select(m => new Option(m.Code, $"{m.Name}（{string.Join("・", RelationshipTypeNames.All.Where(t => m.RelationshipTypes.Includes(t)).Select(t => t.Japanese()))}）", selectedMethods.Contains(m.Code))).ToList(),
        };
        var basePath = http.Request.PathBase.Value;
        var fileIds = attachments.Select(a => a.StoredFileId).ToList();
        var files = await db.StoredFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var removed = form.Many("removeAttachment").ToHashSet();
        var rows = attachments.Where(a => files.ContainsKey(a.StoredFileId)).Select(a => new CaseAttachmentRow(a.StoredFileId, a.Title, files[a.StoredFileId].FileName,
            Files.FileRules.Megabytes(files[a.StoredFileId].Length), id is null ? "" : $"{basePath}/admin/cases/{id}/files/{a.StoredFileId}", removed.Contains(a.StoredFileId.ToString()))).ToList();

        var action = $"{basePath}/admin/cases" + (id is null ? "" : $"/{id}");
        var title = id is null ? "事例の作成" : "事例の編集";
        var requiresApproval = http.RequestServices.GetRequiredService<TenantContext>().Tenant.RequiresApproval;
        return ThemeResults.Admin("admin/cases/edit", new EditFormModel(form, action, id is null, options, Warning: warning, FormError: error,
            Extra: new
            {
                attachments = rows,
                upload_rules = $"{Files.FileRules.PdfAndImages.KindsText}、1ファイル{Files.FileRules.PdfAndImages.MaxText}まで",
                requires_approval = requiresApproval,
                delete_url = id is null ? null : $"{basePath}/admin/cases/{id}/delete",
                status_url = id is null ? null : $"{basePath}/admin/cases/{id}",
            }),
            new PageMeta(title, [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("政策事例", "/admin/cases"), new Breadcrumb(title)]), status);
    }
}
