
namespace NpoMunicipalNetwork.Boards;

/// <summary>What every post goes through before it is stored: honeypot, suspension, length, and links from untrusted accounts.</summary>
public static class BoardPosting
{
    /// <summary>The honeypot field: hidden by CSS, labelled for screen readers to leave empty; only a bot fills it.</summary>
    public const string Honeypot = "website";

    public const string HoneypotRefusal = "送信内容を受け付けられませんでした。";

    /// <summary>A filled honeypot: refused with a plain 400 and nothing stored, before any other work.</summary>
    public static bool IsBot(IFormCollection input) => !string.IsNullOrEmpty(input[Honeypot].ToString());

    /// <summary>Moderators always; others once their account is old enough and has enough visible posts.</summary>
    public static async Task<bool> IsTrustedAsync(NetworkDbContext db, BoardViewer viewer, BoardOptions o, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.IsModerator)
            return true;
        if (viewer.UserId is not { } id)
            return false;
        var created = await db.Users.Where(u => u.Id == id).Select(u => u.CreatedUtc).FirstOrDefaultAsync(ct);
        if (created > clock.GetUtcNow().UtcDateTime.AddDays(-o.TrustedAfterDays))
            return false;
        return o.TrustedAfterPosts <= 0 || await db.Posts.CountAsync(p => p.AuthorId == id && p.State == PostState.Visible, ct) >= o.TrustedAfterPosts;
    }

    /// <summary>The active suspension's message, or null when the user may post.</summary>
    public static async Task<string?> SuspensionAsync(NetworkDbContext db, BoardViewer viewer, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var s = await db.PostingSuspensions.AsNoTracking().Where(x => x.UserId == viewer.UserId && x.UntilUtc > now)
            .OrderByDescending(x => x.UntilUtc).FirstOrDefaultAsync(ct);
        return s is null ? null
            : $"投稿を停止されています（{Infrastructure.JapanTime.ToJst(s.UntilUtc):yyyy年M月d日 H:mm}まで。理由: {s.Reason}）。";
    }

    /// <summary>Reads and renders the body; records a Japanese message on the field when it fails.</summary>
    public static async Task<(string Markdown, string Html)?> ReadBodyAsync(FormState form, BoardViewer viewer, BoardText text, BoardOptions o,
        NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var markdown = form.Required("body", "本文", o.MaxPostLength);
        if (markdown is null)
            return null;
        var html = text.ToSafeHtml(markdown);
        if (string.IsNullOrWhiteSpace(html))
        {
            form.Error("body", "本文に表示できる内容がありません。文章を入力してください。");
            return null;
        }
        if (BoardText.HasLink(html) && !await IsTrustedAsync(db, viewer, o, clock, ct))
        {
            form.Error("body", $"本文にリンクが含まれています。登録から{o.TrustedAfterDays}日未満、または投稿が{o.TrustedAfterPosts}件未満のアカウントはリンクを投稿できません。URL を削除してください。");
            return null;
        }
        return (markdown, html);
    }

    public static string? Address(HttpContext http)
    {
        var ip = http.Connection.RemoteIpAddress;
        return ip is null ? null : (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
    }
}
