using Microsoft.Extensions.Options;
using NpoMunicipalNetwork.Boards;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>
/// サイト内検索: <c>/search</c> on the hub finds every site's public content, the forums and the board
/// posts the viewer may read; <c>/{site}/search</c> finds only that member site's own content.
/// </summary>
public static class SiteSearchEndpoints
{
    public const string Title = "サイト内検索";
    public const int PageSize = 20;

    public static IEndpointRouteBuilder MapSiteSearch(this IEndpointRouteBuilder app)
    {
        // Never output-cached, like the case search: a response computed just before the index caught up
        // with a change could be stored after the index evicted the cache and stay stale; and a signed-in
        // viewer's results include the board posts only they may read, which must never be shared.
        // One route for every site: the tenant prefix lives in PathBase.
        app.MapGet("/search", Search).CacheOutput(policy => policy.NoCache());
        return app;
    }

    private static async Task<IResult> Search(HttpContext http, NetworkDbContext db, TenantContext tenant, TenantCatalog catalog, SiteSearch search,
        IOptions<BoardOptions> boardOptions, CancellationToken ct)
    {
        var q = SiteSearchQuery.Parse(http.Request.Query, out var problems);
        if (problems.Count > 0)
            return ThemeResults.BadRequest(problems);
        var site = tenant.Tenant;
        var sites = await catalog.ByIdAsync(ct);
        var viewer = site.IsHub ? await BoardViewer.OfAsync(http, db, ct) : BoardViewer.Anonymous;
        if (viewer.IsSignedIn)
            http.Response.Headers.CacheControl = "private, no-store";

        SiteScope scope;
        if (site.IsHub)
        {
            var categories = await BoardAccess.ReadableCategories(db, viewer).Select(c => c.Id).ToListAsync(ct);
            scope = new SiteScope(sites.Values.Where(t => t.Status == TenantStatus.Active).Select(t => t.Id).ToHashSet(), true, categories.ToHashSet());
        }
        else
            scope = new SiteScope(new HashSet<int> { site.Id }, false, new HashSet<int>());

        var result = search.Run(q.Text, q.Kind, scope, (q.Page - 1) * PageSize, PageSize);
        var pageCount = Math.Max(1, (result.Total + PageSize - 1) / PageSize);
        if (q.Page > pageCount)
            return ThemeResults.NotFound($"{q.Page}ページ目はありません。");

        var hits = await BoardHitsReadableAsync(db, viewer, result.Hits, boardOptions.Value, ct);
        var terms = TextQuery.Terms(q.Text);
        var pathBase = http.Request.PathBase.Value ?? "";
        var listPath = pathBase + "/search";
        var hub = sites.Values.First(t => t.IsHub);
        var results = hits.Select(h =>
        {
            var owner = h.TenantId != 0 && sites.TryGetValue(h.TenantId, out var s) ? s : hub;
            var url = !site.IsHub ? pathBase + h.Path : owner.IsHub ? h.Path : $"/{owner.Name}{h.Path}";
            return new SiteResult(h.Kind.Code(), h.Kind.Label(), Snippets.Mark(h.Title, terms),
                Snippets.Fragment(h.Text, terms) ?? Lead(h.Text), url, owner.DisplayName,
                h.DateUtc is { } d ? JapanTime.ToJst(d) : null, h.Context);
        }).ToList();

        var kinds = site.IsHub ? SiteKinds.All : SiteKinds.All.Where(k => !k.IsNetworkLevel()).ToList();
        var total = kinds.Sum(k => result.Counts[k]);
        var types = new List<SiteTypeOption> { new("", "すべて", total, q.Url(listPath, null, 1), q.Kind is null) };
        types.AddRange(kinds.Select(k => new SiteTypeOption(k.Code(), k.Label(), result.Counts[k], q.Url(listPath, k, 1), q.Kind == k)));

        var first = result.Total == 0 ? 0 : (q.Page - 1) * PageSize + 1;
        var model = new SiteSearchModel(
            listPath, q.Text, q.Text.Length > 0, site.IsHub, site.DisplayName, types, result.Total, q.Kind?.Label(), results,
            new Pager(q.Page, pageCount, result.Total, q.Page > 1 ? q.Url(listPath, q.Kind, q.Page - 1) : null,
                q.Page < pageCount ? q.Url(listPath, q.Kind, q.Page + 1) : null),
            first, first == 0 ? 0 : first + results.Count - 1,
            q.Kind is not null ? q.Url(listPath, null, 1) : null,
            site.IsHub && q.Text.Length > 0 ? $"/cases?q={Uri.EscapeDataString(q.Text)}" : null);

        var title = q.Text.Length > 0 ? $"「{q.Text}」の検索結果 - {Title}" : Title;
        if (q.Page > 1)
            title += $" {q.Page}ページ目";
        return ThemeResults.View("search/index", model, new PageMeta(title, [new Breadcrumb("ホーム", "/"), new Breadcrumb(Title)]));
    }

    /// <summary>
    /// Checks the page's board hits once more against <see cref="BoardAccess.ReadablePosts"/> (a topic moved
    /// a moment ago may not be reindexed yet) and points each at the page of its topic that shows it.
    /// </summary>
    private static async Task<IReadOnlyList<SiteHit>> BoardHitsReadableAsync(NetworkDbContext db, BoardViewer viewer, IReadOnlyList<SiteHit> hits,
        BoardOptions options, CancellationToken ct)
    {
        var ids = hits.Where(h => h.Kind == SiteKind.Board).Select(h => h.Id).ToList();
        if (ids.Count == 0)
            return hits;
        var readable = await BoardAccess.ReadablePosts(db, viewer).AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.TopicId, Before = db.Set<Post>().Count(o => o.TopicId == p.TopicId && o.Id < p.Id) })
            .ToDictionaryAsync(p => p.Id, ct);
        return hits.Where(h => h.Kind != SiteKind.Board || readable.ContainsKey(h.Id)).Select(h =>
        {
            if (h.Kind != SiteKind.Board)
                return h;
            var p = readable[h.Id];
            var page = p.Before / Math.Max(1, options.PostsPerPage) + 1;
            return h with { Path = page > 1 ? $"/boards/t/{p.TopicId}?page={page}#post-{h.Id}" : $"/boards/t/{p.TopicId}#post-{h.Id}" };
        }).ToList();
    }

    /// <summary>The beginning of a text that matched only in its title.</summary>
    private static IReadOnlyList<TextSegment> Lead(string text)
    {
        const int length = 120;
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= length ? [new TextSegment(flat, false)] : [new TextSegment(flat[..length], false), new TextSegment("…", false)];
    }
}
