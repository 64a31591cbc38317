using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Boards;

/// <summary>New topics and replies. Who may post is decided per category by <see cref="BoardViewer.CanPost"/>.</summary>
public static class BoardPostingEndpoints
{
    public static RouteGroupBuilder MapBoardPosting(this RouteGroupBuilder boards)
    {
        boards.MapPost("/{slug}/topics", CreateTopic).AddEndpointFilter(BoardRateLimiter.Filter);
        boards.MapPost("/t/{id:int}/replies", Reply).AddEndpointFilter(BoardRateLimiter.Filter);
        boards.MapPostEditing();
        return boards;
    }

    public static IResult Message(string title, string message, int status) =>
        ThemeResults.View("boards/message", new ThemeResults.MessageModel(message, []), new PageMeta(title), status);

    public static IResult Refused() => Message("送信できませんでした", BoardPosting.HoneypotRefusal, StatusCodes.Status400BadRequest);

    private static async Task<IResult> CreateTopic(string slug, HttpContext http, IFormCollection input, NetworkDbContext db, BoardText text,
        IOptions<BoardOptions> options, TimeProvider clock, BoardNotifier notifier, Files.FileStore files, CancellationToken ct)
    {
        if (BoardPosting.IsBot(input))
            return Refused();
        var (viewer, category, refusal) = await BoardEndpoints.CategoryForSignedInAsync(slug, http, db, ct);
        if (category is null)
            return refusal!;
        var o = options.Value;
        var form = FormState.From(input);
        if (await BoardPosting.SuspensionAsync(db, viewer, clock, ct) is { } suspended)
            return await BoardEndpoints.CategoryPage(http, db, viewer, category, 1, form, StatusCodes.Status403Forbidden, o, ct, suspended);
        var title = form.Required("title", "題名", 200);
        var body = await BoardPosting.ReadBodyAsync(form, viewer, text, o, db, clock, ct);
        var attachments = form.IsValid ? await BoardAttachments.ReadAsync(input, form, viewer, await BoardPosting.IsTrustedAsync(db, viewer, o, clock, ct), o, files, db, ct) : null;
        if (!form.IsValid || body is null || attachments is null)
            return await BoardEndpoints.CategoryPage(http, db, viewer, category, 1, form, StatusCodes.Status400BadRequest, o, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var topic = new Topic { CategoryId = category.Id, Title = title!, AuthorId = viewer.UserId!.Value, CreatedUtc = now, LastActivityUtc = now, PostCount = 1 };
        db.Topics.Add(topic);
        await db.SaveChangesAsync(ct);
        var post = NewPost(http, viewer, topic.Id, body.Value, now);
        db.Posts.Add(post);
        // The author follows their own topic, as on most forums; one click in any mail stops it.
        db.Watches.Add(new Watch { UserId = viewer.UserId.Value, TopicId = topic.Id, Mode = WatchMode.Immediate, CreatedUtc = now, DigestSentUtc = now });
        await db.SaveChangesAsync(ct);
        BoardAttachments.Attach(db, post.Id, attachments);
        topic.LastPostId = post.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.NewPostAsync(http, category, topic, post, ct);
        return Results.Redirect(BoardEndpoints.TopicUrl(topic.Id));
    }

    private static async Task<IResult> Reply(int id, HttpContext http, IFormCollection input, NetworkDbContext db, BoardText text,
        IOptions<BoardOptions> options, TimeProvider clock, BoardNotifier notifier, Files.FileStore files, CancellationToken ct)
    {
        if (BoardPosting.IsBot(input))
            return Refused();
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        if (await BoardAccess.FindTopicAsync(db, viewer, id, ct) is not { } found)
            return ThemeResults.NotFound();
        var (topic, category) = found;
        if (!viewer.IsSignedIn)
            return Results.Redirect(BoardEndpoints.LoginUrl(BoardEndpoints.TopicUrl(id)));
        var o = options.Value;
        var form = FormState.From(input);
        var last = (int)Math.Ceiling(Math.Max(1, topic.PostCount) / (double)o.PostsPerPage);
        if (topic.IsLocked && !viewer.IsModerator)
            return await BoardEndpoints.TopicPage(http, db, viewer, topic, category, last, form, StatusCodes.Status403Forbidden, o, ct,
                refusal: "このトピックはロックされているため、返信できません。");
        if (await BoardPosting.SuspensionAsync(db, viewer, clock, ct) is { } suspended)
            return await BoardEndpoints.TopicPage(http, db, viewer, topic, category, last, form, StatusCodes.Status403Forbidden, o, ct, refusal: suspended);
        var body = await BoardPosting.ReadBodyAsync(form, viewer, text, o, db, clock, ct);
        var attachments = body is null ? null : await BoardAttachments.ReadAsync(input, form, viewer, await BoardPosting.IsTrustedAsync(db, viewer, o, clock, ct), o, files, db, ct);
        if (body is null || attachments is null)
            return await BoardEndpoints.TopicPage(http, db, viewer, topic, category, last, form, StatusCodes.Status400BadRequest, o, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var post = NewPost(http, viewer, topic.Id, body.Value, now);
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);
        BoardAttachments.Attach(db, post.Id, attachments);
        var tracked = await db.Topics.SingleAsync(t => t.Id == topic.Id, ct);
        tracked.PostCount++;
        tracked.LastPostId = post.Id;
        tracked.LastActivityUtc = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await notifier.NewPostAsync(http, category, tracked, post, ct);
        var page = (int)Math.Ceiling(tracked.PostCount / (double)o.PostsPerPage);
        return Results.Redirect($"{BoardEndpoints.TopicUrl(topic.Id, page)}#post-{post.Id}");
    }

    private static Post NewPost(HttpContext http, BoardViewer viewer, int topicId, (string Markdown, string Html) body, DateTime now) => new()
    {
        TopicId = topicId, AuthorId = viewer.UserId!.Value, AuthorName = viewer.Name ?? "", Markdown = body.Markdown, Html = body.Html,
        CreatedUtc = now, IpAddress = BoardPosting.Address(http),
    };
}
