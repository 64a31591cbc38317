
namespace NpoMunicipalNetwork.Boards;

public sealed record QueueRow(int PostId, string TopicTitle, string TopicUrl, string AuthorName, int AuthorId, DateTime CreatedUtc, string State,
    int FlagCount, string Reasons, string Html, string HideUrl, string RestoreUrl, string DeleteUrl, bool IsVisible);

public sealed record SuspensionRow(int Id, string UserName, DateTime UntilUtc, string Reason, string LiftUrl);

public sealed record PostModerationModel(int PostId, string TopicTitle, string PostUrl, string AuthorName, int AuthorId, string State, bool IsVisible,
    bool IsDeleted, string? StateReason, int FlagCount, string Reasons, string? IpAddress, string Html, string Return);

public sealed record ModerationModel(IReadOnlyList<QueueRow> Queue, IReadOnlyList<SuspensionRow> Suspensions, FormState Form, string? Notice);

/// <summary>
/// The moderation queue (flagged and held posts) and every moderator action: hide, restore and delete a post
/// with a reason; lock, pin and move a topic; suspend a user from posting. Each action is one SaveChanges with its audit entry.
/// </summary>
public static class BoardModerationEndpoints
{
    private static readonly PageMeta Meta = new("掲示板のモデレーション", BoardCategoryAdminEndpoints.Section.Trail(new Breadcrumb("モデレーション")));

    public static RouteGroupBuilder MapBoardModeration(this RouteGroupBuilder boards)
    {
        boards.MapGet("/moderation", (NetworkDbContext db, TimeProvider clock, string? done, CancellationToken ct) =>
            Queue(db, clock, new FormState(), 200, done is null ? null : "操作を記録しました。", ct));
        boards.MapGet("/posts/{id:int}", PostPage);
        boards.MapPost("/posts/{id:int}/hide", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct) =>
            SetState(id, PostState.Hidden, http, input, db, audit, ct));
        boards.MapPost("/posts/{id:int}/delete", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct) =>
            SetState(id, PostState.Deleted, http, input, db, audit, ct));
        boards.MapPost("/posts/{id:int}/restore", (int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct) =>
            SetState(id, PostState.Visible, http, input, db, audit, ct));
        boards.MapPost("/topics/{id:int}/lock", Lock);
        boards.MapPost("/topics/{id:int}/pin", Pin);
        boards.MapPost("/topics/{id:int}/move", Move);
        boards.MapPost("/suspensions", Suspend);
        boards.MapPost("/suspensions/{id:int}/lift", Lift);
        return boards;
    }

    private static async Task<IResult> Queue(NetworkDbContext db, TimeProvider clock, FormState form, int status, string? notice, CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking().Where(p => p.State == PostState.PendingReview || (p.State == PostState.Visible && p.FlagCount > 0))
            .OrderByDescending(p => p.State == PostState.PendingReview).ThenByDescending(p => p.FlagCount).ThenBy(p => p.Id).Take(100)
            .Join(db.Topics, p => p.TopicId, t => t.Id, (p, t) => new { p, t.Title })
            .ToListAsync(ct);
        var ids = posts.Select(x => x.p.Id).ToList();
        var reasons = (await db.PostFlags.AsNoTracking().Where(f => ids.Contains(f.PostId)).Select(f => new { f.PostId, f.Reason }).ToListAsync(ct))
            .GroupBy(f => f.PostId).ToDictionary(g => g.Key, g => string.Join("・", g.GroupBy(f => f.Reason).Select(r => $"{PostFlag.Japanese(r.Key)} {r.Count()}件")));
        var now = clock.GetUtcNow().UtcDateTime;
        var suspensions = await db.PostingSuspensions.AsNoTracking().Where(s => s.UntilUtc > now).OrderBy(s => s.UntilUtc)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SuspensionRow(s.Id, u.DisplayName, s.UntilUtc, s.Reason, $"/admin/boards/suspensions/{s.Id}/lift"))
            .ToListAsync(ct);
        return ThemeResults.Admin("admin/boards/moderation", new ModerationModel(
            posts.Select(x => new QueueRow(x.p.Id, x.Title, $"{BoardEndpoints.TopicUrl(x.p.TopicId)}#post-{x.p.Id}", x.p.AuthorName, x.p.AuthorId, x.p.CreatedUtc,
                x.p.State == PostState.PendingReview ? "確認待ち（非表示）" : "表示中", x.p.FlagCount, reasons.GetValueOrDefault(x.p.Id, ""), x.p.Html,
                $"/admin/boards/posts/{x.p.Id}/hide", $"/admin/boards/posts/{x.p.Id}/restore", $"/admin/boards/posts/{x.p.Id}/delete", x.p.State == PostState.Visible)).ToList(),
            suspensions, form, notice), Meta, status);
    }

    /// <summary>One post with every action on it: what the topic page links to, one link per post.</summary>
    private static async Task<IResult> PostPage(int id, string? @return, NetworkDbContext db, CancellationToken ct)
    {
        var p = await db.Posts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
            return ThemeResults.NotFound();
        var title = await db.Topics.Where(t => t.Id == p.TopicId).Select(t => t.Title).FirstAsync(ct);
        var reasons = await db.PostFlags.AsNoTracking().Where(f => f.PostId == id).GroupBy(f => f.Reason).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var back = @return is { } r && r.StartsWith("/boards/", StringComparison.Ordinal) && !r.StartsWith("//") ? r : BoardEndpoints.TopicUrl(p.TopicId);
        var state = p.State switch
        {
            PostState.Visible => "表示中",
            PostState.PendingReview => "確認待ち（通報により非表示）",
            PostState.Hidden => "非表示",
            _ => "削除済み",
        };
        return ThemeResults.Admin("admin/boards/post", new PostModerationModel(id, title, $"{BoardEndpoints.TopicUrl(p.TopicId)}#post-{id}", p.AuthorName, p.AuthorId, state,
                p.State == PostState.Visible, p.State == PostState.Deleted, p.StateReason, p.FlagCount,
                string.Join("・", reasons.Select(x => $"{PostFlag.Japanese(x.Key)} {x.Count}件")), p.IpAddress, p.Html, back),
            new PageMeta("投稿のモデレーション", BoardCategoryAdminEndpoints.Section.Trail(
                new Breadcrumb("モデレーション", "/admin/boards/moderation"), new Breadcrumb($"{p.AuthorName}さんの投稿"))));
    }

    /// <summary>Back to where the moderator acted: the topic page or the queue (a path on this site only).</summary>
    private static IResult Back(HttpContext http, IFormCollection input)
    {
        var to = input["return"].ToString();
        return Results.Redirect(LocalReturn.IsLocal(to) && to.StartsWith("/boards/", StringComparison.Ordinal)
            ? to + (to.Contains('?') ? "&" : "?") + "done=moderated" : "/admin/boards/moderation?done=1");
    }

    private static async Task<IResult> SetState(int id, PostState state, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (post is null)
            return ThemeResults.NotFound();
        var reason = input["reason"].ToString().Trim();
        if (state != PostState.Visible && reason.Length == 0)
            return ThemeResults.BadRequest(["理由を入力してください（投稿者と読者に表示されます）。"]);
        if (reason.Length > 500)
            return ThemeResults.BadRequest([$"理由は500文字以内で入力してください（現在{reason.Length}文字）。"]);
        var title = await db.Topics.Where(t => t.Id == post.TopicId).Select(t => t.Title).FirstAsync(ct);
        string summary;
        switch (state)
        {
            case PostState.Visible:
                if (post.State == PostState.Deleted)
                    return ThemeResults.BadRequest(["削除した投稿は元に戻せません。"]);
                post.State = PostState.Visible;
                post.StateReason = null;
                post.FlagCount = 0; // reviewed: the flags so far are answered
                db.PostFlags.RemoveRange(db.PostFlags.Where(f => f.PostId == id));
                summary = $"「{title}」の{post.AuthorName}さんの投稿を確認し、表示しました。";
                break;
            case PostState.Hidden:
                post.State = PostState.Hidden;
                post.StateReason = reason;
                summary = $"「{title}」の{post.AuthorName}さんの投稿を非表示にしました（理由: {reason}）。";
                break;
            default:
                post.State = PostState.Deleted;
                post.StateReason = reason;
                post.Markdown = "";
                post.Html = "";
                db.PostRevisions.RemoveRange(db.PostRevisions.Where(r => r.PostId == id)); // deleted means the text is gone, history too
                await BoardAttachments.RemoveAsync(db, id, ct);
                summary = $"「{title}」の{post.AuthorName}さんの投稿を削除しました（理由: {reason}）。";
                break;
        }
        audit.Record(AuditAction.Moderate, BoardAudit.Post(post), summary, scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Back(http, input);
    }

    private static Task<IResult> Lock(int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct) =>
        SetTopicAsync(id, http, input, db, audit, ct, t => t.IsLocked = input["locked"] == "true",
            t => t.IsLocked ? $"トピック「{t.Title}」をロックしました。" : $"トピック「{t.Title}」のロックを解除しました。");

    private static Task<IResult> Pin(int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct) =>
        SetTopicAsync(id, http, input, db, audit, ct, t => t.IsPinned = input["pinned"] == "true",
            t => t.IsPinned ? $"トピック「{t.Title}」を先頭に固定しました。" : $"トピック「{t.Title}」の固定を外しました。");

    private static async Task<IResult> SetTopicAsync(int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct,
        Action<Topic> change, Func<Topic, string> summary)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null)
            return ThemeResults.NotFound();
        change(topic);
        audit.Record(AuditAction.Moderate, BoardAudit.Topic(topic), summary(topic), scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Back(http, input);
    }

    private static async Task<IResult> Move(int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null)
            return ThemeResults.NotFound();
        var target = int.TryParse(input["category"], out var cid) ? await db.BoardCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct) : null;
        if (target is null)
            return ThemeResults.BadRequest(["移動先のカテゴリを選んでください。"]);
        var from = await db.BoardCategories.Where(c => c.Id == topic.CategoryId).Select(c => c.Name).FirstAsync(ct);
        topic.CategoryId = target.Id;
        audit.Record(AuditAction.Moderate, BoardAudit.Topic(topic), $"トピック「{topic.Title}」を「{from}」から「{target.Name}」に移動しました。", scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Back(http, input);
    }

    private static async Task<IResult> Suspend(HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var form = FormState.From(input);
        var userId = form.OptionalInt("user", "利用者", 1);
        var days = form.OptionalInt("days", "停止する日数", 1, 3650);
        if (days is null && !form.Errors.ContainsKey("days"))
            form.Error("days", "停止する日数を入力してください。");
        var reason = form.Required("reason", "理由", 500);
        var user = userId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            form.Error("user", "停止する利用者が見つかりません。");
        if (!form.IsValid)
            return await Queue(db, clock, form, 400, null, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.PostingSuspensions.Add(new PostingSuspension { UserId = user!.Id, UntilUtc = now.AddDays(days!.Value), Reason = reason!, CreatedUtc = now, CreatedById = http.User.UserId() ?? 0 });
        audit.Record(AuditAction.Moderate, AuditTarget.User(user), $"{user.DisplayName}さんの掲示板への投稿を{days}日間停止しました（理由: {reason}）。", scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Back(http, input);
    }

    private static async Task<IResult> Lift(int id, HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var s = await db.PostingSuspensions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null)
            return ThemeResults.NotFound();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == s.UserId, ct);
        s.UntilUtc = clock.GetUtcNow().UtcDateTime;
        audit.Record(AuditAction.Moderate, AuditTarget.User(user), $"{user.DisplayName}さんの掲示板への投稿停止を解除しました。", scope: AuditScope.Network);
        await db.SaveChangesAsync(ct);
        return Back(http, input);
    }
}
