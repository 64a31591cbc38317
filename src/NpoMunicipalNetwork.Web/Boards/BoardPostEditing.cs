using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Boards;

/// <summary>Editing a post (with its history), flagging it, and marking the answer of a topic.</summary>
public static class BoardPostEditing
{
    public static RouteGroupBuilder MapPostEditing(this RouteGroupBuilder boards)
    {
        boards.MapGet("/p/{id:int}/edit", EditForm);
        boards.MapPost("/p/{id:int}/edit", Edit).AddEndpointFilter(BoardRateLimiter.Filter);
        boards.MapGet("/p/{id:int}/history", History);
        boards.MapGet("/p/{id:int}/flag", FlagForm);
        boards.MapPost("/p/{id:int}/flag", Flag);
        boards.MapPost("/t/{id:int}/answer", Answer);
        return boards;
    }

    private sealed record Found(Post Post, Topic Topic, BoardCategory Category);

    private static async Task<Found?> FindAsync(NetworkDbContext db, BoardViewer viewer, int postId, CancellationToken ct)
    {
        var post = await db.Posts.FirstOrDefaultAsync(p => p.Id == postId, ct);
        if (post is null || await BoardAccess.FindTopicAsync(db, viewer, post.TopicId, ct) is not { } found)
            return null;
        return new Found(post, found.Topic, found.Category);
    }

    /// <summary>The author edits their visible post while they may still post there; a moderator edits any post not deleted.</summary>
    private static bool MayEdit(BoardViewer viewer, Found f) =>
        viewer.IsModerator ? f.Post.State != PostState.Deleted
            : f.Post.AuthorId == viewer.UserId && f.Post.State == PostState.Visible && viewer.CanPost(f.Category);

    private static async Task<IResult> EditPage(HttpContext http, NetworkDbContext db, BoardViewer viewer, Found f, FormState form, int status,
        BoardOptions o, TimeProvider clock, CancellationToken ct)
    {
        var postForm = new PostForm(form, $"/boards/p/{f.Post.Id}/edit", BoardEndpoints.Csrf(http), o.MaxPostLength,
            await BoardPosting.IsTrustedAsync(db, viewer, o, clock, ct));
        var topicUrl = BoardEndpoints.TopicUrl(f.Topic.Id);
        return ThemeResults.View("boards/edit", new EditModel(f.Topic.Title, topicUrl, postForm),
            new PageMeta("投稿の編集", [new Breadcrumb("ホーム", "/"), new Breadcrumb("掲示板", "/boards"), new Breadcrumb(f.Topic.Title, topicUrl), new Breadcrumb("投稿の編集")]), status);
    }

    /// <summary>The post to edit, or why not: 404 when unreadable, to the login page when anonymous, 403 when not theirs.</summary>
    private static async Task<(BoardViewer Viewer, Found? Post, IResult? Refusal)> EditableAsync(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        if (await FindAsync(db, viewer, id, ct) is not { } f)
            return (viewer, null, ThemeResults.NotFound());
        if (!viewer.IsSignedIn)
            return (viewer, null, Results.Redirect(BoardEndpoints.LoginUrl($"/boards/p/{id}/edit")));
        return MayEdit(viewer, f) ? (viewer, f, null) : (viewer, null, ThemeResults.Forbidden());
    }

    private static async Task<IResult> EditForm(int id, HttpContext http, NetworkDbContext db, IOptions<BoardOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var (viewer, f, refusal) = await EditableAsync(id, http, db, ct);
        if (f is null)
            return refusal!;
        var form = new FormState();
        form.Values["body"] = f.Post.Markdown;
        return await EditPage(http, db, viewer, f, form, 200, options.Value, clock, ct);
    }

    private static async Task<IResult> Edit(int id, HttpContext http, IFormCollection input, NetworkDbContext db, BoardText text,
        IOptions<BoardOptions> options, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        if (BoardPosting.IsBot(input))
            return BoardPostingEndpoints.Refused();
        var (viewer, f, refusal) = await EditableAsync(id, http, db, ct);
        if (f is null)
            return refusal!;
        var form = FormState.From(input);
        if (!viewer.IsModerator && await BoardPosting.SuspensionAsync(db, viewer, clock, ct) is { } suspended)
        {
            form.Error("body", suspended);
            return await EditPage(http, db, viewer, f, form, StatusCodes.Status403Forbidden, options.Value, clock, ct);
        }
        var body = await BoardPosting.ReadBodyAsync(form, viewer, text, options.Value, db, clock, ct);
        if (body is null)
            return await EditPage(http, db, viewer, f, form, StatusCodes.Status400BadRequest, options.Value, clock, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        if (body.Value.Markdown != f.Post.Markdown)
        {
            db.PostRevisions.Add(new PostRevision
            {
                PostId = f.Post.Id, Markdown = f.Post.Markdown, Html = f.Post.Html, ReplacedUtc = now,
                EditorId = viewer.UserId!.Value, EditorName = viewer.Name ?? "",
            });
            f.Post.Markdown = body.Value.Markdown;
            f.Post.Html = body.Value.Html;
            f.Post.EditedUtc = now;
            if (f.Post.AuthorId != viewer.UserId)
                audit.Record(AuditAction.Moderate, BoardAudit.Post(f.Post), $"「{f.Topic.Title}」の{f.Post.AuthorName}さんの投稿を編集しました。");
            await db.SaveChangesAsync(ct);
        }
        return Results.Redirect($"{BoardEndpoints.TopicUrl(f.Topic.Id)}#post-{f.Post.Id}");
    }

    private static async Task<IResult> History(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        if (await FindAsync(db, viewer, id, ct) is not { } f || f.Post.State != PostState.Visible && !viewer.IsModerator)
            return ThemeResults.NotFound();
        var revisions = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == id).OrderByDescending(r => r.Id)
            .Select(r => new RevisionView(r.EditorName, r.ReplacedUtc, r.Html)).ToListAsync(ct);
        var topicUrl = BoardEndpoints.TopicUrl(f.Topic.Id);
        return ThemeResults.View("boards/history", new HistoryModel(f.Topic.Title, topicUrl, f.Post.AuthorName, f.Post.Html, f.Post.EditedUtc, revisions),
            new PageMeta("投稿の編集履歴", [new Breadcrumb("ホーム", "/"), new Breadcrumb("掲示板", "/boards"), new Breadcrumb(f.Topic.Title, topicUrl), new Breadcrumb("編集履歴")]));
    }

    private static async Task<IResult> FlagForm(int id, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        if (await FindAsync(db, viewer, id, ct) is not { } f || f.Post.State != PostState.Visible)
            return ThemeResults.NotFound();
        if (!viewer.IsSignedIn)
            return Results.Redirect(BoardEndpoints.LoginUrl($"/boards/p/{id}/flag"));
        var topicUrl = BoardEndpoints.TopicUrl(f.Topic.Id);
        return ThemeResults.View("boards/flag", new FlagModel(f.Topic.Title, $"{topicUrl}#post-{id}", f.Post.AuthorName, f.Post.Html, $"/boards/p/{id}/flag", BoardEndpoints.Csrf(http)),
            new PageMeta("投稿の通報", [new Breadcrumb("ホーム", "/"), new Breadcrumb("掲示板", "/boards"), new Breadcrumb(f.Topic.Title, topicUrl), new Breadcrumb("通報")]));
    }

    private static async Task<IResult> Flag(int id, HttpContext http, IFormCollection input, NetworkDbContext db, IOptions<BoardOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        if (await FindAsync(db, viewer, id, ct) is not { } f || f.Post.State != PostState.Visible)
            return ThemeResults.NotFound();
        if (!viewer.IsSignedIn)
            return Results.Redirect(BoardEndpoints.LoginUrl(BoardEndpoints.TopicUrl(f.Topic.Id)));
        if (!Enum.TryParse<FlagReason>(input["reason"], ignoreCase: true, out var reason) || !Enum.IsDefined(reason))
            return ThemeResults.BadRequest(["通報の理由（スパム・不適切な内容・話題と関係がない）を選んでください。"]);
        if (f.Post.AuthorId == viewer.UserId)
            return ThemeResults.BadRequest(["自分の投稿は通報できません。"]);
        if (await db.PostFlags.AnyAsync(x => x.PostId == id && x.UserId == viewer.UserId, ct))
            return Results.Redirect($"{BoardEndpoints.TopicUrl(f.Topic.Id)}?done=flagged#post-{id}");

        db.PostFlags.Add(new PostFlag { PostId = id, UserId = viewer.UserId!.Value, Reason = reason, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        f.Post.FlagCount++;
        var limit = options.Value.HideAfterFlags;
        if (limit > 0 && f.Post.FlagCount >= limit)
        {
            f.Post.State = PostState.PendingReview;
            f.Post.StateReason = $"通報が{f.Post.FlagCount}件に達したため";
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person flagged twice at once; the unique index kept one.
        }
        return Results.Redirect($"{BoardEndpoints.TopicUrl(f.Topic.Id)}?done=flagged#post-{id}");
    }

    private static async Task<IResult> Answer(int id, HttpContext http, IFormCollection input, NetworkDbContext db, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        if (await BoardAccess.FindTopicAsync(db, viewer, id, ct) is not { } found)
            return ThemeResults.NotFound();
        if (!viewer.IsSignedIn)
            return Results.Redirect(BoardEndpoints.LoginUrl(BoardEndpoints.TopicUrl(id)));
        if (found.Topic.AuthorId != viewer.UserId && !viewer.IsModerator)
            return ThemeResults.Forbidden();
        if (!int.TryParse(input["post"], out var postId) || !await db.Posts.AnyAsync(p => p.Id == postId && p.TopicId == id && p.State == PostState.Visible, ct))
            return ThemeResults.BadRequest(["解決した投稿を選んでください。"]);
        found.Topic.AnsweredPostId = found.Topic.AnsweredPostId == postId ? null : postId;
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{BoardEndpoints.TopicUrl(id)}?done=answer#post-{postId}");
    }
}
