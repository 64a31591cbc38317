namespace NpoMunicipalNetwork.Publishing;

public sealed record PreviewModel(string Noun, string Title, int Number, string State, string? Details, string BodyHtml, string BackUrl, string EditUrl, IReadOnlyList<Checks.CheckFinding> Findings);

/// <summary>
/// <c>/admin/{segment}/{id}/preview</c>: a revision as readers would read it — the working copy by default, or any
/// version (<c>?revision=N</c>) — before it is public: the title, the type's own fields, and the text rendered and
/// sanitised exactly as publishing renders it, with the checker's findings beside it. Only editors who may edit the
/// item see it; it is never cached and never indexed.
/// </summary>
public static class ContentPreview
{
    public static async Task<IResult> ShowAsync(int id, int? revision, HttpContext http, NetworkDbContext db, RichText richText,
        Checks.ContentCheckerProvider checkers, CancellationToken ct)
    {
        var type = WorkflowEndpoints.TypeOf(http);
        var (item, _, refusal) = await WorkflowEndpoints.LoadEditableAsync(type, id, http, db, ct);
        if (item is null)
            return refusal!;
        var revisions = db.ContentRevisions.AsNoTracking().Where(r => r.ContentType == type.Type && r.ContentId == id);
        var shown = revision is { } number
            ? await revisions.FirstOrDefaultAsync(r => r.Number == number, ct)
            : await revisions.FirstOrDefaultAsync(r => r.Id == (item.WorkingRevisionId ?? item.LiveRevisionId), ct);
        if (shown is null)
            return ThemeResults.NotFound();
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var state = shown.Id == item.LiveRevisionId ? "公開中の版"
            : shown.Id == item.WorkingRevisionId ? "作業中の版（まだ公開されていません）"
            : "過去の版（公開されていません）";
        var adminPath = $"{http.Request.PathBase}{type.AdminPath(id)}";
        var checker = await checkers.GetAsync(db, ct);
        var model = new PreviewModel(type.Noun, shown.Title, shown.Number, state, type.Details?.Invoke(shown) is { Length: > 0 } d ? d : null,
            richText.ToSafeHtml(shown.BodyMarkdown), adminPath, adminPath + "/edit",
            WorkflowEndpoints.Findings(checker, shown.BodyMarkdown));
        return ThemeResults.Admin("admin/workflow/preview", model, new PageMeta($"プレビュー: {shown.Title}（第{shown.Number}版）",
            [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb(type.ListLabel, $"/admin/{type.AdminSegment}"), new Breadcrumb("プレビュー")]));
    }
}
