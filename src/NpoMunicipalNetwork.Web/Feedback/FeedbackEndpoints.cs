using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Pages;
using NpoMunicipalNetwork.News;
using System.Threading.RateLimiting;

namespace NpoMunicipalNetwork.Feedback;

public sealed record FeedbackThanksModel(bool Saved, IReadOnlyList<string> Problems, string ReturnUrl);

public sealed record FeedbackRow(string Type, string Title, string? Url, int Yes, int No, IReadOnlyList<string> Comments);

public sealed record FeedbackAdminModel(IReadOnlyList<FeedbackRow> Rows);

/// <summary>
/// 「このページの内容は役に立ちましたか？」: the public answers on the site that owns the content (a hub copy
/// of a case posts to the member's site); editors read the tallies at <c>/admin/feedback</c>.
/// </summary>
public static class FeedbackEndpoints
{
    public const string RateLimit = "feedback";

    /// <summary>The content types that carry the question, with how to find a published item of the current site.</summary>
    private static readonly Dictionary<string, (string Label, Func<NetworkDbContext, int, Task<Published?>> Find)> Types = new()
    {
        ["Page"] = ("ページ", async (db, id) => await db.Pages.Where(p => p.Id == id && p.IsPublished).Select(p => new Published(p.Title, "/pages/" + p.Slug)).FirstOrDefaultAsync()),
        ["PolicyCase"] = ("政策事例", async (db, id) => await db.PolicyCases.Where(c => c.Id == id && c.IsPublished).Select(c => new Published(c.Title, "/cases/" + c.Id)).FirstOrDefaultAsync()),
        ["News"] = ("お知らせ", async (db, id) => await db.NewsItems.Where(n => n.Id == id && n.IsPublished).Select(n => new Published(n.Title, "/news/" + n.Id)).FirstOrDefaultAsync()),
    };

    private sealed record Published(string Title, string Path);

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        // Public pages are output-cached and shared, so this anonymous form carries no per-visitor token;
        // it changes nothing but a tally, is rate-limited per address and refuses a filled honeypot.
        app.MapPost("/feedback", Submit).DisableAntiforgery().RequireRateLimiting(RateLimit);
        return app;
    }

    public static RouteGroupBuilder MapFeedbackAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/feedback", Tallies).RequirePermission(Permissions.EditOwnContent);
        return admin;
    }

    private static async Task<IResult> Submit(HttpContext http, IFormCollection input, NetworkDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var form = FormState.From(input);
        var type = form.Text("contentType") ?? "";
        var back = LocalReturn.Or(form.Text("return"), $"{http.Request.PathBase}/");
        var problems = new List<string>();
        if (!string.IsNullOrEmpty(form.Text("website")))
            problems.Add("送信できませんでした。"); // the honeypot: people never fill it
        var helpful = form.Text("helpful") switch { "yes" => true, "no" => (bool?)false, _ => null };
        if (helpful is null)
            problems.Add("「役に立った」か「役に立たなかった」を選んでください。");
        var comment = form.Text("comment");
        if (comment is { Length: > PageFeedback.CommentLength })
            problems.Add($"ご意見は{PageFeedback.CommentLength}文字以内でお書きください（現在{comment.Length}文字）。");
        if (!Types.TryGetValue(type, out var kind) || !int.TryParse(form.Text("contentId"), out var id) || await kind.Find(db, id) is null)
            problems.Add("評価するページが見つかりません。");
        else if (problems.Count == 0)
        {
            db.Add(new PageFeedback { ContentType = type, ContentId = id, Helpful = helpful!.Value, Comment = string.IsNullOrEmpty(comment) ? null : comment, CreatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        return ThemeResults.View("feedback/thanks", new FeedbackThanksModel(problems.Count == 0, problems, back),
            new PageMeta(problems.Count == 0 ? "ご協力ありがとうございました" : "送信できませんでした", [new Breadcrumb("ホーム", "/")]), problems.Count == 0 ? 200 : 400);
    }

    private static async Task<IResult> Tallies(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var all = await db.Set<PageFeedback>().AsNoTracking().OrderByDescending(f => f.CreatedUtc).ToListAsync(ct);
        var rows = new List<FeedbackRow>();
        foreach (var group in all.GroupBy(f => (f.ContentType, f.ContentId)))
        {
            var kind = Types.GetValueOrDefault(group.Key.ContentType);
            var item = kind.Find is null ? null : await kind.Find(db, group.Key.ContentId);
            rows.Add(new FeedbackRow(kind.Label ?? group.Key.ContentType, item?.Title ?? "（非公開または削除済み）", item is null ? null : $"{http.Request.PathBase}{item.Path}",
                group.Count(f => f.Helpful), group.Count(f => !f.Helpful), group.Where(f => f.Comment is not null).Take(5).Select(f => f.Comment!).ToList()));
        }
        return ThemeResults.Admin("admin/feedback/index", new FeedbackAdminModel(rows.OrderByDescending(r => r.Yes + r.No).ToList()),
            new PageMeta("ページの評価", [new Breadcrumb("ダッシュボード", "/admin"), new Breadcrumb("ページの評価")]));
    }
}
