
namespace NpoMunicipalNetwork.Boards;

/// <summary>Watching a category or a topic (mail per reply or a daily digest), and the one-click unsubscribe that needs no login.</summary>
public static class BoardWatchEndpoints
{
    public static RouteGroupBuilder MapBoardWatches(this RouteGroupBuilder boards)
    {
        boards.MapPost("/{slug}/watch", WatchCategory);
        boards.MapPost("/t/{id:int}/watch", WatchTopic);
        boards.MapGet("/unsubscribe", UnsubscribePage);
        // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click" with no cookie and no
        // antiforgery token; the signed token in the URL is what authorises it.
        boards.MapPost("/unsubscribe", Unsubscribe).DisableAntiforgery();
        return boards;
    }

    private static WatchMode? ReadMode(IFormCollection input) => input["mode"].ToString() switch
    {
        "immediate" => WatchMode.Immediate,
        "digest" => WatchMode.Digest,
        _ => null,
    };

    private static async Task SetAsync(NetworkDbContext db, int userId, int? categoryId, int? topicId, WatchMode? mode, TimeProvider clock, CancellationToken ct)
    {
        var watch = await db.Watches.FirstOrDefaultAsync(w => w.UserId == userId && w.CategoryId == categoryId && w.TopicId == topicId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (mode is null)
        {
            if (watch is not null)
                db.Watches.Remove(watch);
        }
        else if (watch is null)
            db.Watches.Add(new Watch { UserId = userId, CategoryId = categoryId, TopicId = topicId, Mode = mode.Value, CreatedUtc = now, DigestSentUtc = now });
        else
            watch.Mode = mode.Value;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<IResult> WatchCategory(string slug, HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (viewer, category, refusal) = await BoardEndpoints.CategoryForSignedInAsync(slug, http, db, ct);
        if (category is null)
            return refusal!;
        await SetAsync(db, viewer.UserId!.Value, category.Id, null, ReadMode(input), clock, ct);
        return Results.Redirect($"/boards/{slug}");
    }

    private static async Task<IResult> WatchTopic(int id, HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var viewer = await BoardViewer.OfAsync(http, db, ct);
        if (await BoardAccess.FindTopicAsync(db, viewer, id, ct) is null)
            return ThemeResults.NotFound();
        if (!viewer.IsSignedIn)
            return Results.Redirect(BoardEndpoints.LoginUrl(BoardEndpoints.TopicUrl(id)));
        await SetAsync(db, viewer.UserId!.Value, null, id, ReadMode(input), clock, ct);
        return Results.Redirect($"{BoardEndpoints.TopicUrl(id)}?done=watch");
    }

    private static async Task<string?> SubjectAsync(NetworkDbContext db, Watch w, CancellationToken ct) => w.TopicId is { } t
        ? "トピック「" + await db.Topics.Where(x => x.Id == t).Select(x => x.Title).FirstAsync(ct) + "」"
        : "カテゴリ「" + await db.BoardCategories.Where(x => x.Id == w.CategoryId).Select(x => x.Name).FirstAsync(ct) + "」";

    private static readonly PageMeta Meta = new("掲示板のお知らせメールの停止");

    private static async Task<IResult> UnsubscribePage(string? token, NetworkDbContext db, WatchTokens tokens, CancellationToken ct)
    {
        var watch = tokens.Read(token) is { } id ? await db.Watches.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) : null;
        if (watch is null)
            return ThemeResults.View("boards/unsubscribe", new UnsubscribeModel(null, null, true), Meta);
        return ThemeResults.View("boards/unsubscribe",
            new UnsubscribeModel($"/boards/unsubscribe?token={Uri.EscapeDataString(token!)}", await SubjectAsync(db, watch, ct), false), Meta);
    }

    private static async Task<IResult> Unsubscribe(string? token, NetworkDbContext db, WatchTokens tokens, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } id)
            return ThemeResults.BadRequest(["お知らせメールのリンクが正しくありません。メールにあるリンクをそのまま開いてください。"]);
        var watch = await db.Watches.FirstOrDefaultAsync(w => w.Id == id, ct);
        string? subject = null;
        if (watch is not null)
        {
            subject = await SubjectAsync(db, watch, ct);
            db.Watches.Remove(watch);
            await db.SaveChangesAsync(ct);
        }
        return ThemeResults.View("boards/unsubscribe", new UnsubscribeModel(null, subject, true), Meta);
    }
}
