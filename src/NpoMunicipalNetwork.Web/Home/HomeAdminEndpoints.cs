using NpoMunicipalNetwork.Pages;

namespace NpoMunicipalNetwork.Home;

public sealed record LinkRow(int Index, string? Title, string? Url, string? TitleError, string? UrlError);

/// <param name="OverviewState">公開中 / 下書き / null (not written yet).</param>
public sealed record HomeAdminModel(FormState Form, IReadOnlyList<LinkRow> Links, string Action, string? OverviewState, string OverviewUrl, bool Saved, int MaxLinks);

/// <summary>
/// <c>/{site}/admin/home</c> (ホームの設定): where the home's 「NPO施策の概要」 is edited (a link to the
/// reserved page, which follows the page workflow), and the 関連リンク list, saved as a whole.
/// </summary>
public static class HomeAdminEndpoints
{
    /// <summary>Empty rows offered for new links below the existing ones.</summary>
    private const int BlankRows = 3;

    private static readonly AdminSection Section = new("ホームの設定", "/home", Permissions.EditOwnContent);
    private static readonly PageMeta Meta = Section.ListMeta();

    public static RouteGroupBuilder MapHomeAdmin(this RouteGroupBuilder admin)
    {
        var home = Section.MapGroup(admin).MemberSiteOnly();
        home.MapGet("/", Show);
        home.MapPost("/links", SaveLinks);
        return admin;
    }

    private static async Task<IResult> Show(HttpContext http, NetworkDbContext db, CancellationToken ct)
    {
        var form = new FormState();
        var links = await db.HomeLinks.AsNoTracking().OrderBy(l => l.Order).ThenBy(l => l.Id).ToListAsync(ct);
        for (var i = 0; i < links.Count; i++)
        {
            form.Values[$"title-{i}"] = links[i].Title;
            form.Values[$"url-{i}"] = links[i].Url;
        }
        form.Values["rows"] = (links.Count + BlankRows).ToString();
        return await Render(http, db, form, 200, http.Request.Query.ContainsKey("saved"), ct);
    }

    private static async Task<IResult> Render(HttpContext http, NetworkDbContext db, FormState form, int status, bool saved, CancellationToken ct)
    {
        var rowCount = Math.Clamp(int.TryParse(form.Text("rows"), out var r) ? r : BlankRows, 1, HomeLink.MaxCount + BlankRows);
        var rows = Enumerable.Range(0, rowCount).Select(i => new LinkRow(i, form.Text($"title-{i}"), form.Text($"url-{i}"),
            form.Errors.GetValueOrDefault($"title-{i}") as string, form.Errors.GetValueOrDefault($"url-{i}") as string)).ToList();
        var overview = await db.Pages.AsNoTracking().Where(p => p.Slug == HomeOverview.Slug).Select(p => new { p.Id, p.IsPublished }).FirstOrDefaultAsync(ct);
        var basePath = http.Request.PathBase.Value;
        return ThemeResults.Admin("admin/home/index", new HomeAdminModel(form, rows, $"{basePath}/admin/home/links",
            overview is null ? null : overview.IsPublished ? "公開中" : "非公開（下書き・承認待ちなど）",
            overview is null ? $"{basePath}/admin/pages/new?slug={HomeOverview.Slug}" : $"{basePath}/admin/pages/{overview.Id}/edit",
            saved, HomeLink.MaxCount), Meta, status);
    }

    /// <summary>An absolute http or https address; anything else (javascript:, relative, mailto:) is refused.</summary>
    public static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);

    private static async Task<IResult> SaveLinks(HttpContext http, IFormCollection input, NetworkDbContext db, AuditLog audit, CancellationToken ct)
    {
        var form = FormState.From(input);
        var rowCount = int.TryParse(form.Text("rows"), out var r) ? Math.Clamp(r, 0, HomeLink.MaxCount + BlankRows) : 0;
        var links = new List<(string Title, string Url)>();
        for (var i = 0; i < rowCount; i++)
        {
            var n = i + 1;
            var title = form.Optional($"title-{i}", $"{n}行目のリンクの名前", HomeLink.TitleLength)?.Trim();
            var url = form.Optional($"url-{i}", $"{n}行目のリンクのURL", HomeLink.UrlLength)?.Trim();
            if (string.IsNullOrEmpty(title) && string.IsNullOrEmpty(url))
                continue; // an empty row is a removed or unused link
            if (string.IsNullOrEmpty(title))
                form.Error($"title-{i}", $"{n}行目のリンクの名前を入力してください。");
            if (string.IsNullOrEmpty(url))
                form.Error($"url-{i}", $"{n}行目のリンクのURLを入力してください。");
            else if (!IsWebAddress(url))
                form.Error($"url-{i}", $"{n}行目のリンクのURLは http:// または https:// で始まるアドレスにしてください。");
            if (!string.IsNullOrEmpty(title) && !string.IsNullOrEmpty(url))
                links.Add((title, url));
        }
        if (links.Count > HomeLink.MaxCount)
            form.Error("title-0", $"関連リンクは{HomeLink.MaxCount}件までにしてください（{links.Count}件あります）。");
        if (!form.IsValid)
            return await Render(http, db, form, 400, false, ct);

        // The list is replaced as a whole, with its audit entry, in one SaveChanges.
        db.HomeLinks.RemoveRange(await db.HomeLinks.ToListAsync(ct));
        db.HomeLinks.AddRange(links.Select((l, i) => new HomeLink { Title = l.Title, Url = l.Url, Order = i }));
        audit.Record(AuditAction.Update, new AuditTarget(AuditTargetTypes.HomeLinks, null, "ホームの関連リンク"),
            links.Count == 0 ? "ホームの関連リンクをすべて削除" : $"ホームの関連リンクを保存（{links.Count}件: {string.Join("、", links.Select(l => l.Title))}）");
        await db.SaveChangesAsync(ct);
        return Results.Redirect($"{http.Request.PathBase}/admin/home?saved=1");
    }
}
