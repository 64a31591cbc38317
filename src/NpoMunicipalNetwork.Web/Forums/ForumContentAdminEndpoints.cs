using NpoMunicipalNetwork.Files;

namespace NpoMunicipalNetwork.Forums;

public sealed record MaterialAdminRow(int Id, string Title, string Url, string Scope, string? Session, string DeleteUrl);

public sealed record MaterialsAdminModel(string ForumTitle, IReadOnlyList<MaterialAdminRow> Materials, FormState Form, IReadOnlyList<Option> Sessions, string Action, string BackUrl);

public sealed record ReportAdminVersion(string Target, int Number, DateTime CreatedUtc, string? CreatedBy, string? Note);

public sealed record ReportAdminModel(string ForumTitle, IReadOnlyList<ReportAdminVersion> Versions, FormState Form, IReadOnlyList<Option> Targets, string Action, string BackUrl, string PublicUrl);

/// <summary>
/// An organiser's materials (links, public or member-only, per forum or per session) and report versions
/// (報告書 and session minutes): a save adds a version and never overwrites one, so the history stays.
/// </summary>
public static class ForumContentAdminEndpoints
{
    public static RouteGroupBuilder MapForumMaterialAdmin(this RouteGroupBuilder forums)
    {
        forums.MapGet("/{id:int}/materials", (int id, HttpContext http, NetworkDbContext db, CancellationToken ct) => MaterialsPage(id, http, db, new FormState(), 200, ct));
        forums.MapPost("/{id:int}/materials", AddMaterial);
        forums.MapPost("/{id:int}/materials/{materialId:int}/delete", DeleteMaterial);
        return forums;
    }

    public static RouteGroupBuilder MapForumReportAdmin(this RouteGroupBuilder forums)
    {
        forums.MapGet("/{id:int}/report", (int id, HttpContext http, NetworkDbContext db, CancellationToken ct) => ReportPage(id, http, db, null, 200, ct));
        forums.MapPost("/{id:int}/report", AddVersion);
        return forums;
    }

    private static IReadOnlyList<Breadcrumb> Trail(HttpContext http, Forum f, string last) =>
        ForumAdminEndpoints.Section.Trail(new(f.Title, ForumAccess.AdminUrl(http, f.Id, "/edit")), new(last));

    private static async Task<List<ForumSession>> SessionsAsync(NetworkDbContext db, int id, CancellationToken ct) =>
        await db.ForumSessions.AsNoTracking().Where(s => s.ForumId == id).OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync(ct);

    /// <summary>What a material or a record belongs to: the forum as a whole (value "") or one of its sessions.</summary>
    private static List<Option> SessionOptions(List<ForumSession> sessions, string? chosen, string wholeForum, string suffix = "") =>
        sessions.Select(s => new Option(s.Id.ToString(), $"{s.Kind.Japanese()}「{s.Title}」{suffix}", s.Id.ToString() == chosen))
            .Prepend(new Option("", wholeForum, string.IsNullOrEmpty(chosen))).ToList();

    private static async Task<IResult> MaterialsPage(int id, HttpContext http, NetworkDbContext db, FormState form, int status, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var sessions = await SessionsAsync(db, id, ct);
        var materials = await db.ForumMaterials.AsNoTracking().Where(m => m.ForumId == id).OrderBy(m => m.Order).ThenBy(m => m.Id).ToListAsync(ct);
        var fileNames = await db.StoredFiles.Where(x => materials.Select(m => m.FileId).Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FileName, ct);
        var rows = materials.Select(m => new MaterialAdminRow(m.Id, m.Title, m.FileId is { } fid ? $"ファイル: {fileNames.GetValueOrDefault(fid)}" : m.Url!, m.IsMemberOnly ? "会員限定" : "公開",
            sessions.FirstOrDefault(s => s.Id == m.SessionId)?.Title, ForumAccess.AdminUrl(http, id, $"/materials/{m.Id}/delete"))).ToList();
        var chosen = form.Text("session");
        var options = SessionOptions(sessions, chosen, "フォーラム全体");
        return ThemeResults.Admin("admin/forums/materials", new MaterialsAdminModel(f.Title, rows, form, options, ForumAccess.AdminUrl(http, id, "/materials"), ForumAccess.AdminUrl(http, id, "/edit")),
            new PageMeta($"資料（{f.Title}）", Trail(http, f, "資料")), status);
    }

    private static async Task<IResult> AddMaterial(int id, HttpContext http, IFormCollection input, NetworkDbContext db, FileStore files, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        var title = form.Required("title", "資料名", 200);
        // A material is either an uploaded file (PDF, slides, images: checked on their bytes) or a link, never both.
        var upload = input.Files.GetFile("file");
        var url = form.Optional("url", "資料のURL", 1000);
        if (upload is null && url is null)
            form.Error("file", "資料のファイルを選ぶか、資料のURLを入力してください。");
        else if (upload is not null && url is not null)
            form.Error("url", "ファイルとURLはどちらか一方だけを指定してください。");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
            form.Error("url", "資料のURLは https:// で始まるアドレスで入力してください。");
        int? sessionId = null;
        if (!string.IsNullOrEmpty(form.Text("session")))
        {
            if (int.TryParse(form.Text("session"), out var sid) && await db.ForumSessions.AnyAsync(s => s.Id == sid && s.ForumId == id, ct))
                sessionId = sid;
            else
                form.Error("session", "対象のセッションを一覧から選んでください。");
        }
        var scope = form.Text("scope");
        if (scope is not ("public" or "members"))
            form.Error("scope", "公開範囲（一般公開・会員限定）を選んでください。");
        var stored = form.IsValid && upload is not null ? await files.AcceptAsync(upload, FileRules.Materials, "file", "資料のファイル", form, http.User.UserId(), ct) : null;
        if (!form.IsValid)
            return await MaterialsPage(id, http, db, form, 400, ct);
        var order = await db.ForumMaterials.Where(m => m.ForumId == id).Select(m => (int?)m.Order).MaxAsync(ct) ?? 0;
        // One SaveChanges stores the file and the material that owns it, or neither.
        db.ForumMaterials.Add(new ForumMaterial
        {
            ForumId = id, SessionId = sessionId, Title = title!, Url = url, File = stored, IsMemberOnly = scope == "members", Order = order + 1,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record(AuditAction.Update, AuditTarget.Forum(f), $"フォーラム「{f.Title}」に資料「{title}」（{(scope == "members" ? "会員限定" : "一般公開")}）を追加しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, id, "/materials"));
    }

    private static async Task<IResult> DeleteMaterial(int id, int materialId, HttpContext http, IFormCollection _, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        var m = f is null ? null : await db.ForumMaterials.FirstOrDefaultAsync(x => x.Id == materialId && x.ForumId == id, ct);
        if (f is null || m is null)
            return ThemeResults.NotFound();
        db.ForumMaterials.Remove(m);
        audit.Record(AuditAction.Update, AuditTarget.Forum(f), $"フォーラム「{f.Title}」の資料「{m.Title}」を削除しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, id, "/materials"));
    }

    private static async Task<IResult> ReportPage(int id, HttpContext http, NetworkDbContext db, FormState? form, int status, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var sessions = await SessionsAsync(db, id, ct);
        var versions = await db.ForumReportVersions.AsNoTracking().Where(r => r.ForumId == id).OrderBy(r => r.SessionId).ThenByDescending(r => r.Number).ToListAsync(ct);
        string Target(int? sessionId) => sessionId is null ? "報告書" : $"記録: {sessions.FirstOrDefault(s => s.Id == sessionId)?.Title}";
        form ??= new FormState();
        var chosen = form.Text("target");
        if (form.IsValid && form.Text("body") is null)
        {
            // Start from the current text of the chosen document, so a new version is an edit, not a blank page.
            var sid = int.TryParse(chosen, out var n) ? n : (int?)null;
            form.Values["body"] = versions.Where(v => v.SessionId == sid).MaxBy(v => v.Number)?.Body;
        }
        var targets = SessionOptions(sessions, chosen, "報告書（フォーラム全体）", "の記録");
        var edition = f.Edition;
        return ThemeResults.Admin("admin/forums/report", new ReportAdminModel(f.Title,
                versions.Select(v => new ReportAdminVersion(Target(v.SessionId), v.Number, v.CreatedUtc, v.CreatedByName, v.Note)).ToList(), form, targets,
                ForumAccess.AdminUrl(http, id, "/report"), ForumAccess.AdminUrl(http, id, "/edit"), $"/forums/{edition}/report"),
            new PageMeta($"報告書・記録（{f.Title}）", Trail(http, f, "報告書・記録")), status);
    }

    private static async Task<IResult> AddVersion(int id, HttpContext http, IFormCollection input, NetworkDbContext db, RichText richText, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var form = FormState.From(input);
        int? sessionId = null;
        if (!string.IsNullOrEmpty(form.Text("target")))
        {
            if (int.TryParse(form.Text("target"), out var sid) && await db.ForumSessions.AnyAsync(s => s.Id == sid && s.ForumId == id, ct))
                sessionId = sid;
            else
                form.Error("target", "対象（報告書またはセッションの記録）を一覧から選んでください。");
        }
        var body = form.Required("body", "本文", 100_000);
        var note = form.Optional("note", "変更の内容", 200);
        if (!form.IsValid)
            return await ReportPage(id, http, db, form, 400, ct);
        var number = (await db.ForumReportVersions.Where(r => r.ForumId == id && r.SessionId == sessionId).Select(r => (int?)r.Number).MaxAsync(ct) ?? 0) + 1;
        db.ForumReportVersions.Add(new ForumReportVersion
        {
            ForumId = id, SessionId = sessionId, Number = number, Body = body!, BodyHtml = richText.ToSafeHtml(body!), Note = note,
            CreatedByUserId = http.User.UserId(), CreatedByName = http.User.FindFirst(NetworkClaims.DisplayName)?.Value, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record(AuditAction.Update, AuditTarget.Forum(f), $"フォーラム「{f.Title}」の{(sessionId is null ? "報告書" : "セッションの記録")}に第{number}版を掲載しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, id, "/report"));
    }
}
