using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// Reading the boards at the hub: categories, a category's topics, a topic with its posts. What a viewer
/// cannot read is a 404, whatever the reason, so a private group's topics cannot even be confirmed to exist.
/// </summary>
public static class BoardEndpoints
{
    /// <summary>Slugs that are routes of their own under /boards.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string> { "t", "p", "unsubscribe", "new" };

    public static IEndpointRouteBuilder MapBoards(this IEndpointRouteBuilder app)
    {
        var boards = app.MapGroup("/boards").HubOnly();
        boards.MapGet("/", Index);
        boards.MapGet("/{slug}", Category);
        boards.MapGet("/t/{id:int}", Show);
        boards.MapBoardPosting();
        boards.MapBoardWatches();
        boards.MapBoardFiles();
        return app;
    }

    public static string LoginUrl(string returnUrl) => "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl);

    /// <summary>
    /// The category a posting or watching request is about, or why not: 404 when the viewer may not read it (so a
    /// hidden category is not even confirmed to exist), to the login page and back when they are not signed in.
    /// </summary>
    internal static async Task<(BoardViewer Viewer, BoardCategory? Category, IResult? Refusal)> CategoryForSignedInAsync(
        string slug, HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        var category = await db.BoardCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (category is null || !viewer.CanRead(category))
            return (viewer, null, ThemeResults.NotFound());
        if (!viewer.IsSignedIn)
            return (viewer, null, Results.Redirect(LoginUrl($"/boards/{slug}")));
        return (viewer, category, null);
    }

    public static string TopicUrl(int id, int page = 1) => page > 1 ? $"/boards/t/{id}?page={page}" : $"/boards/t/{id}";

    public static CsrfField Csrf(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return new CsrfField(tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private static async Task<IResult> Index(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        var categories = await BoardAccess.ReadableCategories(db, viewer).AsNoTracking()
            .OrderBy(c => c.Order).ThenBy(c => c.Id)
            .Select(c => new { c.Name, c.Slug, c.Description, c.Visibility, Topics = db.Set<Topic>().Count(t => t.CategoryId == c.Id) })
            .ToListAsync(ct);
        return ThemeResults.View("boards/index", new BoardIndexModel(
            categories.Select(c => new CategoryRow(c.Name, $"/boards/{c.Slug}", c.Description, BoardCategory.Japanese(c.Visibility), c.Topics)).ToList(),
            viewer.IsSignedIn, LoginUrl("/boards")),
            new PageMeta("掲示板", [new Breadcrumb("ホーム", "/"), new Breadcrumb("掲示板")], "会員自治体の職員が情報交換し、共通の課題を話し合う掲示板です。"));
    }

    private static async Task<IResult> Category(string slug, int? page, HttpContext http, NetworkDbContext db, IOptions<BoardOptions> options, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        var category = await db.BoardCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (category is null || !viewer.CanRead(category))
            return ThemeResults.NotFound();
        return await CategoryPage(http, db, viewer, category, page ?? 1, new FormState(), 200, options.Value, ct);
    }

    public static async Task<IResult> CategoryPage(HttpContext http, NetworkDbContext db, BoardViewer viewer, BoardCategory category, int page,
        FormState form, int status, BoardOptions o, CancellationToken ct, string? refusal = null)
    {
        var query = db.Topics.AsNoTracking().Where(t => t.CategoryId == category.Id);
        var total = await query.CountAsync(ct);
        var pages = Math.Max(1, (total + o.TopicsPerPage - 1) / o.TopicsPerPage);
        page = Math.Clamp(page, 1, pages);
        var userId = viewer.UserId ?? 0;
        var topics = await query.OrderByDescending(t => t.IsPinned).ThenByDescending(t => t.LastActivityUtc).ThenByDescending(t => t.Id)
            .Skip((page - 1) * o.TopicsPerPage).Take(o.TopicsPerPage)
            .Select(t => new
            {
                t.Id, t.Title, t.PostCount, t.LastActivityUtc, t.IsPinned, t.IsLocked, t.AnsweredPostId, t.LastPostId,
                Author = db.Users.Where(u => u.Id == t.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                Read = db.Set<TopicRead>().Where(r => r.UserId == userId && r.TopicId == t.Id).Select(r => (int?)r.LastReadPostId).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var url = $"/boards/{category.Slug}";
        var pager = new Pager(page, pages, total, page > 1 ? $"{url}?page={page - 1}" : null, page < pages ? $"{url}?page={page + 1}" : null);
        PostForm? postForm = null;
        WatchControl? watch = null;
        if (viewer.CanPost(category))
        {
            postForm = new PostForm(form, $"{url}/topics", Csrf(http), o.MaxPostLength, await BoardPosting.IsTrustedAsync(db, viewer, o, http.RequestServices.GetRequiredService<TimeProvider>(), ct), refusal, BoardAttachments.Hint(o));
            var mode = await db.Watches.Where(w => w.UserId == userId && w.CategoryId == category.Id).Select(w => (WatchMode?)w.Mode).FirstOrDefaultAsync(ct);
            watch = new WatchControl($"{url}/watch", ModeName(mode));
        }
        return ThemeResults.View("boards/category", new CategoryModel(category.Name, category.Description, BoardCategory.Japanese(category.Visibility),
            topics.Select(t => new TopicRow(t.Title, TopicUrl(t.Id), t.Author ?? "", t.PostCount, t.LastActivityUtc, t.IsPinned, t.IsLocked,
                t.AnsweredPostId is not null, viewer.IsSignedIn && (t.Read ?? 0) < t.LastPostId)).ToList(),
            pager, postForm, watch, LoginUrl(url), viewer.IsSignedIn),
            new PageMeta(category.Name, [new Breadcrumb("ホーム", "/"), new Breadcrumb("掲示板", "/boards"), new Breadcrumb(category.Name)], category.Description), status);
    }

    public static string ModeName(WatchMode? mode) => mode switch
    {
        WatchMode.Immediate => "immediate",
        WatchMode.Digest => "digest",
        _ => "",
    };

    private static async Task<IResult> Show(int id, int? page, string? done, HttpContext http, NetworkDbContext db, IOptions<BoardOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        if (await BoardAccess.FindTopicAsync(db, viewer, id, ct) is not { } found)
            return ThemeResults.NotFound();
        var notice = done switch
        {
            "flagged" => "通報を受け付けました。モデレーターが確認します。",
            "watch" => "通知の設定を変更しました。",
            "answer" => "解決済みの設定を変更しました。",
            "moderated" => "モデレーションの操作を記録しました。",
            _ => null,
        };
        return await TopicPage(http, db, viewer, found.Topic, found.Category, page ?? 1, new FormState(), 200, options.Value, ct, notice);
    }

    public static async Task<IResult> TopicPage(HttpContext http, NetworkDbContext db, BoardViewer viewer, Topic topic, BoardCategory category, int page,
        FormState form, int status, BoardOptions o, CancellationToken ct, string? notice = null, string? refusal = null)
    {
        var posts = db.Posts.AsNoTracking().Where(p => p.TopicId == topic.Id);
        var total = await posts.CountAsync(ct);
        var pages = Math.Max(1, (total + o.PostsPerPage - 1) / o.PostsPerPage);
        page = Math.Clamp(page, 1, pages);
        var rows = await posts.OrderBy(p => p.Id).Skip((page - 1) * o.PostsPerPage).Take(o.PostsPerPage).ToListAsync(ct);
        var userId = viewer.UserId ?? 0;
        var readUpTo = viewer.IsSignedIn
            ? await db.TopicReads.Where(r => r.UserId == userId && r.TopicId == topic.Id).Select(r => (int?)r.LastReadPostId).FirstOrDefaultAsync(ct)
            : null;
        var lastRead = viewer.IsSignedIn ? readUpTo ?? 0 : int.MaxValue;
        var flagged = viewer.IsSignedIn
            ? (await db.PostFlags.Where(f => f.UserId == userId && rows.Select(r => r.Id).Contains(f.PostId)).Select(f => f.PostId).ToListAsync(ct)).ToHashSet()
            : [];
        var attachments = await BoardAttachments.ForPostsAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var firstPostId = total > 0 ? await posts.MinAsync(p => p.Id, ct) : 0;
        var isAuthorOfTopic = viewer.UserId == topic.AuthorId;
        var canPost = viewer.CanPost(category) && (!topic.IsLocked || viewer.IsModerator);
        var returnUrl = TopicUrl(topic.Id, page);

        var views = rows.Select(p =>
        {
            var visible = p.State == PostState.Visible;
            var own = p.AuthorId == viewer.UserId;
            return new PostView(p.Id, $"post-{p.Id}", p.AuthorName, p.CreatedUtc, Infrastructure.JapanTime.FormatDateTime(p.CreatedUtc), p.EditedUtc,
                visible || viewer.IsModerator && p.State != PostState.Deleted ? p.Html : null,
                StateNote(p), visible || viewer.IsModerator && p.State != PostState.Deleted ? attachments[p.Id].ToList() : [],
                topic.AnsweredPostId == p.Id, p.Id > lastRead, viewer.IsModerator ? p.FlagCount : 0,
                visible && own && viewer.CanPost(category) || viewer.IsModerator && p.State != PostState.Deleted ? $"/boards/p/{p.Id}/edit" : null,
                p.EditedUtc is not null && (visible || viewer.IsModerator) ? $"/boards/p/{p.Id}/history" : null,
                visible && canPost ? $"{returnUrl}{(page > 1 ? "&" : "?")}quote={p.Id}#reply" : null,
                visible && viewer.IsSignedIn && !own && !flagged.Contains(p.Id) ? $"/boards/p/{p.Id}/flag" : null, // a page with the reasons
                visible && p.Id != firstPostId && (isAuthorOfTopic || viewer.IsModerator) && viewer.IsSignedIn ? $"/boards/t/{topic.Id}/answer" : null,
                // One link per post, not four forms: a 200-reply page stays light for moderators too.
                viewer.IsModerator ? $"/admin/boards/posts/{p.Id}?return={Uri.EscapeDataString(returnUrl)}" : null);
        }).ToList();

        if (viewer.IsSignedIn && rows.Count > 0)
            await BoardReading.MarkReadAsync(db, userId, topic.Id, rows[^1].Id, readUpTo, ct);

        PostForm? postForm = null;
        WatchControl? watch = null;
        CsrfField? csrf = null;
        if (viewer.IsSignedIn)
        {
            csrf = Csrf(http);
            if (canPost || refusal is not null)
            {
                if (!form.Values.ContainsKey("body") && int.TryParse(http.Request.Query["quote"], out var quoteId) && rows.FirstOrDefault(r => r.Id == quoteId) is { State: PostState.Visible } quoted)
                    form.Values["body"] = BoardText.Quote(quoted.AuthorName, quoted.Markdown);
                postForm = new PostForm(form, $"/boards/t/{topic.Id}/replies", csrf, o.MaxPostLength, await BoardPosting.IsTrustedAsync(db, viewer, o, http.RequestServices.GetRequiredService<TimeProvider>(), ct), refusal, BoardAttachments.Hint(o));
            }
            if (viewer.CanRead(category))
            {
                var mode = await db.Watches.Where(w => w.UserId == userId && w.TopicId == topic.Id).Select(w => (WatchMode?)w.Mode).FirstOrDefaultAsync(ct);
                watch = new WatchControl($"/boards/t/{topic.Id}/watch", ModeName(mode));
            }
        }
        TopicControls? controls = null;
        if (viewer.IsModerator)
        {
            var all = await db.BoardCategories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
            controls = new TopicControls($"/admin/boards/topics/{topic.Id}/lock", $"/admin/boards/topics/{topic.Id}/pin", $"/admin/boards/topics/{topic.Id}/move",
                topic.IsLocked, topic.IsPinned, all.Select(c => new Option(c.Id.ToString(), c.Name, c.Id == category.Id)).ToList());
        }

        var url = TopicUrl(topic.Id);
        var pager = new Pager(page, pages, total, page > 1 ? TopicUrl(topic.Id, page - 1) : null, page < pages ? TopicUrl(topic.Id, page + 1) : null);
        return ThemeResults.View("boards/topic", new TopicModel(topic.Id, topic.Title, category.Name, $"/boards/{category.Slug}", topic.IsLocked, topic.IsPinned,
                topic.AnsweredPostId is not null, views, pager, postForm, watch, controls, csrf, LoginUrl(url), viewer.IsSignedIn, returnUrl, notice),
            new PageMeta(topic.Title, [new Breadcrumb("ホーム", "/"), new Breadcrumb("掲示板", "/boards"), new Breadcrumb(category.Name, $"/boards/{category.Slug}"), new Breadcrumb(topic.Title)]),
            status);
    }

    private static string? StateNote(Post p) => p.State switch
    {
        PostState.PendingReview => "この投稿は通報を受けたため、モデレーターの確認が終わるまで表示を控えています。",
        PostState.Hidden => $"この投稿はモデレーターが非表示にしました（理由: {p.StateReason}）。",
        PostState.Deleted => $"この投稿はモデレーターが削除しました（理由: {p.StateReason}）。",
        _ => null,
    };
}
