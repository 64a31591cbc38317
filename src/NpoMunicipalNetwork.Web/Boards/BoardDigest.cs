using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// The daily digest (まとめて1日1通): every <c>Boards:DigestCheckMinutes</c> it finds digest watches whose
/// last digest is a day old, claims each with a conditional UPDATE of its time (so with several instances on one
/// database exactly one sends it), and mails the visible posts since then, if any, with an unsubscribe link.
/// </summary>
public sealed class BoardDigest(IServiceScopeFactory scopes, TimeProvider clock, IOptions<BoardOptions> options, IConfiguration config,
    WatchTokens tokens, MailSender mail, ILogger<BoardDigest> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(TimeSpan.FromMinutes(options.Value.DigestCheckMinutes), clock, RunOnceAsync, logger,
            "Board digest run failed; retrying on the next tick.", stoppingToken);

    /// <summary>One pass; returns how many digests this instance sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dayAgo = now.AddDays(-1);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var due = await db.Watches.AsNoTracking().Where(w => w.Mode == WatchMode.Digest && w.DigestSentUtc <= dayAgo).ToListAsync(ct);
        var sent = 0;
        var baseUrl = BoardNotifier.BaseUrl(null, config);
        foreach (var w in due)
        {
            var claimed = await db.Watches.Where(x => x.Id == w.Id && x.DigestSentUtc == w.DigestSentUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestSentUtc, now), ct);
            if (claimed == 0)
                continue; // another instance took it
            var topics = db.Topics.Where(t => w.TopicId != null ? t.Id == w.TopicId : t.CategoryId == w.CategoryId);
            var posts = await db.Posts.AsNoTracking()
                .Where(p => p.State == PostState.Visible && p.CreatedUtc > w.DigestSentUtc && p.CreatedUtc <= now && p.AuthorId != w.UserId)
                .Join(topics, p => p.TopicId, t => t.Id, (p, t) => new { p.Id, p.AuthorName, p.CreatedUtc, t.Title, TopicId = t.Id, t.CategoryId })
                .OrderBy(p => p.Id).Take(200).ToListAsync(ct);
            if (posts.Count == 0)
                continue;
            var category = await db.BoardCategories.AsNoTracking().FirstAsync(c => c.Id == posts[0].CategoryId, ct);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == w.UserId).Select(u => new { u.Email, u.DisplayName }).FirstAsync(ct);
            if (string.IsNullOrEmpty(user.Email) || !await BoardNotifier.MayReadAsync(db, w.UserId, category, ct))
                continue;
            var unsubscribe = $"{baseUrl}/boards/unsubscribe?token={tokens.For(w.Id)}";
            var body = new StringBuilder($"{user.DisplayName} 様\n\n掲示板「{category.Name}」の新しい投稿（{posts.Count}件）のまとめです。\n\n");
            foreach (var p in posts)
                body.Append($"・{p.Title} — {p.AuthorName} さん（{Infrastructure.JapanTime.ToJst(p.CreatedUtc):M月d日 H:mm}）\n  {baseUrl}{BoardEndpoints.TopicUrl(p.TopicId)}#post-{p.Id}\n");
            body.Append($"\nこのまとめメールを止めるには、次のリンクを開いてください（ログインは不要です）。\n{unsubscribe}\n");
            await mail.SendAsync(user.Email, user.DisplayName, $"[掲示板] {category.Name} の新しい投稿のまとめ", body.ToString(), ct, BoardNotifier.Headers(unsubscribe));
            sent++;
        }
        return sent;
    }
}

