
namespace NpoMunicipalNetwork.Forums;

public sealed record SessionAdminRow(int Id, string When, string Kind, string Title, string? Room, string Speakers, string EditUrl, string DeleteUrl);

public sealed record SessionsAdminModel(string ForumTitle, IReadOnlyList<SessionAdminRow> Sessions, string NewUrl, string BackUrl);

/// <summary>
/// An organiser's programme editor: sessions (全体会・分科会・交流会) with date, time, room, chair, capacity and
/// speakers. Speakers are typed one per line as 「氏名｜所属｜役割」; a person already known by name and
/// affiliation is reused, so their speaker page gathers every forum they spoke at.
/// </summary>
public static class ForumSessionAdminEndpoints
{
    public static RouteGroupBuilder MapForumSessionAdmin(this RouteGroupBuilder forums)
    {
        forums.MapGet("/{id:int}/sessions", List);
        forums.MapGet("/{id:int}/sessions/new", async (int id, HttpContext http, NetworkDbContext db, CancellationToken ct) =>
            await ForumAccess.FindAsync(http, db, id, ct) is { } f ? await FormAsync(http, db, f, new FormState(), null, ct) : ThemeResults.NotFound());
        forums.MapPost("/{id:int}/sessions", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct) =>
            Save(id, null, http, input, db, audit, ct));
        forums.MapGet("/{id:int}/sessions/{sessionId:int}/edit", Edit);
        forums.MapPost("/{id:int}/sessions/{sessionId:int}", (int id, int sessionId, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct) =>
            Save(id, sessionId, http, input, db, audit, ct));
        forums.MapPost("/{id:int}/sessions/{sessionId:int}/delete", Delete);
        return forums;
    }

    private static IReadOnlyList<Breadcrumb> Trail(HttpContext http, Forum f, string last) =>
        ForumAdminEndpoints.Section.Trail(new(f.Title, ForumAccess.AdminUrl(http, f.Id, "/edit")), new("プログラム", ForumAccess.AdminUrl(http, f.Id, "/sessions")), new(last));

    private static async Task<IResult> List(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var sessions = await db.ForumSessions.AsNoTracking().Include(s => s.Speakers).ThenInclude(x => x.Speaker).Where(s => s.ForumId == id)
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime).ToListAsync(ct);
        var rows = sessions.Select(s => new SessionAdminRow(s.Id, $"{JapaneseEra.FormatDate(s.Date)} {s.StartTime:HH:mm}〜{s.EndTime:HH:mm}", s.Kind.Japanese(), s.Title, s.Room,
            string.Join("、", s.Speakers.OrderBy(x => x.Order).Select(x => x.Speaker!.Name)),
            ForumAccess.AdminUrl(http, id, $"/sessions/{s.Id}/edit"), ForumAccess.AdminUrl(http, id, $"/sessions/{s.Id}/delete"))).ToList();
        return ThemeResults.Admin("admin/forums/sessions", new SessionsAdminModel(f.Title, rows, ForumAccess.AdminUrl(http, id, "/sessions/new"), ForumAccess.AdminUrl(http, id, "/edit")),
            new PageMeta($"プログラム（{f.Title}）", ForumAdminEndpoints.Section.Trail(new(f.Title, ForumAccess.AdminUrl(http, f.Id, "/edit")), new("プログラム"))));
    }

    /// <summary>The newest published cases, so an organiser can pick by number without leaving the form.</summary>
    private static async Task<List<CaseChoice>> CaseChoicesAsync(NetworkDbContext db, CancellationToken ct) =>
        await Cases.PublishedCases.All(db).OrderByDescending(c => c.PublishedUtc).Take(30)
            .Select(c => new CaseChoice(c.Id, c.Title, db.Tenants.Where(t => t.Id == c.TenantId).Select(t => t.DisplayName).First())).ToListAsync(ct);

    public sealed record CaseChoice(int Id, string Title, string Site);

    private static async Task<IResult> FormAsync(HttpContext http, NetworkDbContext db, Forum f, FormState form, int? sessionId, CancellationToken ct, int status = 200) =>
        Form(http, f, form, sessionId, await CaseChoicesAsync(db, ct), status);

    private static IResult Form(HttpContext http, Forum f, FormState form, int? sessionId, IReadOnlyList<CaseChoice> cases, int status = 200)
    {
        var kind = form.Text("kind");
        var options = new Dictionary<string, IReadOnlyList<Option>>
        {
            ["kind"] = Enum.GetValues<SessionKind>().Select(k => new Option(k.ToString(), k.Japanese(), k.ToString() == kind)).ToList(),
        };
        var title = sessionId is null ? "セッションの追加" : "セッションの編集";
        return ThemeResults.Admin("admin/forums/session-edit",
            new EditFormModel(form, ForumAccess.AdminUrl(http, f.Id, "/sessions" + (sessionId is null ? "" : $"/{sessionId}")), sessionId is null, options,
                Extra: new { cases, back_url = ForumAccess.AdminUrl(http, f.Id, "/sessions"), delete_url = sessionId is null ? null : ForumAccess.AdminUrl(http, f.Id, $"/sessions/{sessionId}/delete") }),
            new PageMeta($"{title}（{f.Title}）", Trail(http, f, title)), status);
    }

    private static async Task<IResult> Edit(int id, int sessionId, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        var s = f is null ? null : await db.ForumSessions.AsNoTracking().Include(x => x.Speakers).ThenInclude(x => x.Speaker)
            .FirstOrDefaultAsync(x => x.Id == sessionId && x.ForumId == id, ct);
        if (f is null || s is null)
            return ThemeResults.NotFound();
        var form = new FormState();
        form.Values["kind"] = s.Kind.ToString();
        form.Values["title"] = s.Title;
        form.Values["date"] = s.Date.ToString("yyyy-MM-dd");
        form.Values["start"] = s.StartTime.ToString("HH:mm");
        form.Values["end"] = s.EndTime.ToString("HH:mm");
        form.Values["room"] = s.Room;
        form.Values["chair"] = s.Chair;
        form.Values["capacity"] = s.Capacity?.ToString();
        form.Values["description"] = s.Description;
        form.Values["speakers"] = string.Join("\n", s.Speakers.OrderBy(x => x.Order).Select(x => $"{x.Speaker!.Name}｜{x.Speaker.Affiliation}｜{x.Role}".TrimEnd('｜')));
        form.Values["cases"] = string.Join(" ", await db.ForumSessionCases.Where(x => x.SessionId == sessionId).OrderBy(x => x.Order).Select(x => x.CaseId).ToListAsync(ct));
        return await FormAsync(http, db, f, form, sessionId, ct);
    }

    private sealed record SpeakerLine(string Name, string? Affiliation, string? Role);

    private static TimeOnly? Time(FormState form, string field, string label)
    {
        var text = form.Text(field);
        if (string.IsNullOrEmpty(text))
        {
            form.Error(field, $"{label}を入力してください。");
            return null;
        }
        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            return t;
        form.Error(field, $"{label}は 13:30 の形式で入力してください。");
        return null;
    }

    private static List<SpeakerLine> Speakers(FormState form)
    {
        var result = new List<SpeakerLine>();
        var lines = (form.Text("speakers") ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(['｜', '|']).Select(p => p.Trim()).ToArray();
            string? Part(int n) => parts.Length > n && parts[n].Length > 0 ? parts[n] : null;
            if (parts.Length > 3 || Part(0) is null)
            {
                form.Error("speakers", $"登壇者の{i + 1}行目は「氏名｜所属｜役割」の形で入力してください。");
                return result;
            }
            if (Part(0)!.Length > 100 || Part(1)?.Length > 200 || Part(2)?.Length > 100)
            {
                form.Error("speakers", $"登壇者の{i + 1}行目が長すぎます（氏名100文字・所属200文字・役割100文字まで）。");
                return result;
            }
            result.Add(new SpeakerLine(Part(0)!, Part(1), Part(2)));
        }
        if (result.Count > 50)
            form.Error("speakers", "登壇者は1つのセッションに50人まで入力できます。");
        return result;
    }

    /// <summary>Case numbers (政策事例の番号) separated by spaces or commas; each must be a published case.</summary>
    private static async Task<List<int>> CasesAsync(FormState form, NetworkDbContext db, CancellationToken ct)
    {
        var ids = new List<int>();
        foreach (var part in (form.Text("cases") ?? "").Split([' ', '　', ',', '、', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part.TrimStart('#', '＃'), out var id) || id <= 0)
            {
                form.Error("cases", $"紹介する事例: 「{part}」は事例の番号（半角数字）ではありません。");
                return [];
            }
            if (!ids.Contains(id))
                ids.Add(id);
        }
        if (ids.Count > 20)
            form.Error("cases", "紹介する事例は1つのセッションに20件までです。");
        var published = await Cases.PublishedCases.All(db).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        if (ids.FirstOrDefault(i => !published.Contains(i)) is var missing and > 0)
            form.Error("cases", $"紹介する事例: 番号 {missing} の公開中の事例はありません。");
        return ids;
    }

    private static async Task<IResult> Save(int id, int? sessionId, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        if (f is null)
            return ThemeResults.NotFound();
        var session = sessionId is null ? new ForumSession { ForumId = id, Title = "" }
            : await db.ForumSessions.Include(x => x.Speakers).FirstOrDefaultAsync(x => x.Id == sessionId && x.ForumId == id, ct);
        if (session is null)
            return ThemeResults.NotFound();

        var form = FormState.From(input);
        if (!Enum.TryParse<SessionKind>(form.Text("kind"), out var kind) || !Enum.IsDefined(kind) || int.TryParse(form.Text("kind"), out _))
            form.Error("kind", "種類（全体会・分科会・交流会）を選んでください。");
        var title = form.Required("title", "セッション名", 200);
        var date = form.Date("date", "日付", required: true);
        var start = Time(form, "start", "開始時刻");
        var end = Time(form, "end", "終了時刻");
        if (start is not null && end is not null && end <= start)
            form.Error("end", "終了時刻は開始時刻より後にしてください。");
        var room = form.Optional("room", "会場（部屋）", 100);
        var chair = form.Optional("chair", "司会・進行", 200);
        var capacity = form.OptionalInt("capacity", "定員", 1, 100_000);
        var description = form.Optional("description", "内容", 4000);
        var speakers = Speakers(form);
        var caseIds = await CasesAsync(form, db, ct);
        if (!form.IsValid)
            return await FormAsync(http, db, f, form, sessionId, ct, 400);

        (session.Kind, session.Title, session.Date, session.StartTime, session.EndTime) = (kind, title!, date!.Value, start!.Value, end!.Value);
        (session.Room, session.Chair, session.Capacity, session.Description) = (room, chair, capacity, description);
        session.Speakers.Clear();
        var order = 0;
        foreach (var line in speakers)
        {
            var speaker = await db.Speakers.FirstOrDefaultAsync(x => x.Name == line.Name && x.Affiliation == line.Affiliation, ct)
                ?? db.Speakers.Local.FirstOrDefault(x => x.Name == line.Name && x.Affiliation == line.Affiliation)
                ?? db.Speakers.Add(new Speaker { Name = line.Name, Affiliation = line.Affiliation }).Entity;
            if (session.Speakers.All(x => x.Speaker != speaker))
                session.Speakers.Add(new ForumSessionSpeaker { Speaker = speaker, Role = line.Role, Order = order++ });
        }
        if (sessionId is null)
            db.ForumSessions.Add(session);
        else
            db.ForumSessionCases.RemoveRange(await db.ForumSessionCases.Where(x => x.SessionId == sessionId).ToListAsync(ct));
        // The join needs the session's id; the rows are added after the first save, inside the same transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.ForumSessionCases.AddRange(caseIds.Select((caseId, i) => new ForumSessionCase { SessionId = session.Id, CaseId = caseId, Order = i }));
        audit.Record(AuditAction.Update, AuditTarget.Forum(f), $"フォーラム「{f.Title}」のセッション「{session.Title}」を{(sessionId is null ? "追加" : "変更")}しました。");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, id, "/sessions"));
    }

    private static async Task<IResult> Delete(int id, int sessionId, HttpContext http, IFormCollection _, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var f = await ForumAccess.FindAsync(http, db, id, ct);
        var s = f is null ? null : await db.ForumSessions.FirstOrDefaultAsync(x => x.Id == sessionId && x.ForumId == id, ct);
        if (f is null || s is null)
            return ThemeResults.NotFound();
        if (await db.RegistrationSessions.AnyAsync(x => x.SessionId == sessionId, ct))
            return ThemeResults.BadRequest([$"セッション「{s.Title}」には参加申込があるため削除できません。"]);
        db.ForumSessions.Remove(s);
        audit.Record(AuditAction.Update, AuditTarget.Forum(f), $"フォーラム「{f.Title}」のセッション「{s.Title}」を削除しました。");
        await db.SaveChangesAsync(ct);
        return Results.Redirect(ForumAccess.AdminUrl(http, id, "/sessions"));
    }
}
