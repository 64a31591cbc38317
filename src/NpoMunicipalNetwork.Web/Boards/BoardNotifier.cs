using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// Mails watchers (immediate mode) about a new post, after it has been saved. Each recipient is checked
/// against the category's visibility again (a person removed from a private group stops getting its mail),
/// and every mail carries its own one-click unsubscribe link, also as List-Unsubscribe headers (RFC 8058).
/// </summary>
public sealed class BoardNotifier(NetworkDbContext db, MailSender mail, WatchTokens tokens, IConfiguration config, ILogger<BoardNotifier> logger)
{
    public async Task NewPostAsync(HttpContext http, BoardCategory category, Topic topic, Post post, CancellationToken ct)
    {
        var watchers = await db.Watches.AsNoTracking()
            .Where(w => w.Mode == WatchMode.Immediate && w.UserId != post.AuthorId && (w.TopicId == topic.Id || w.CategoryId == category.Id))
            .Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new { w.Id, w.UserId, w.TopicId, u.Email, u.DisplayName })
            .ToListAsync(ct);
        var baseUrl = BaseUrl(http, config);
        // A topic watch and a category watch of the same person give one mail, unsubscribing from the narrower one.
        foreach (var w in watchers.OrderBy(w => w.TopicId is null).DistinctBy(w => w.UserId))
        {
            if (string.IsNullOrEmpty(w.Email) || !await MayReadAsync(db, w.UserId, category, ct))
                continue;
            var unsubscribe = $"{baseUrl}/boards/unsubscribe?token={tokens.For(w.Id)}";
            var body = $"""
                {w.DisplayName} 様

                掲示板「{category.Name}」のトピック「{topic.Title}」に {post.AuthorName} さんが投稿しました。

                {baseUrl}{BoardEndpoints.TopicUrl(topic.Id)}#post-{post.Id}

                ----
                {Excerpt(post.Markdown)}
                ----

                このお知らせを止めるには、次のリンクを開いてください（ログインは不要です）。
                {unsubscribe}
                """;
            try
            {
                await mail.SendAsync(w.Email, w.DisplayName, $"[掲示板] {topic.Title}", body, ct, Headers(unsubscribe));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The post is saved; a mail server hiccup must not turn it into an error page.
                logger.LogWarning(ex, "Board notification to user {UserId} failed", w.UserId);
            }
        }
    }

    public static IReadOnlyDictionary<string, string> Headers(string unsubscribeUrl) => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{unsubscribeUrl}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };

    public static string BaseUrl(HttpContext? http, IConfiguration config)
    {
        var configured = (config["Network:PublicBaseUrl"] ?? "").TrimEnd('/');
        return configured.Length > 0 || http is null ? configured : $"{http.Request.Scheme}://{http.Request.Host}";
    }

    public static string Excerpt(string markdown) => markdown.Length <= 400 ? markdown : markdown[..400] + "…";

    /// <summary>Whether the user may read the category now, worked out from the database (no request of theirs is at hand).</summary>
    public static async Task<bool> MayReadAsync(NetworkDbContext db, int userId, BoardCategory category, CancellationToken ct)
    {
        if (category.Visibility == BoardVisibility.Public)
            return true;
        var moderator = await db.UserRoles.AnyAsync(r => r.UserId == userId && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Accounts.Roles.NetworkAdministrator), ct);
        if (moderator)
            return true;
        if (category.Visibility == BoardVisibility.PrivateGroup)
            return await db.BoardGroupMembers.AnyAsync(m => m.CategoryId == category.Id && m.UserId == userId, ct);
        return await db.Users.AnyAsync(u => u.Id == userId && db.UserRoles.Any(r => r.UserId == u.Id)
            && db.Tenants.Any(t => t.Id == u.TenantId && t.Status == Tenants.TenantStatus.Active), ct);
    }
}
