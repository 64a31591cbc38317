using Lucene.Net.Documents;
using NpoMunicipalNetwork.Search.Site;
using NpoMunicipalNetwork.Search;

namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// Board posts in the site search, one document per visible post (hidden, held and deleted posts are
/// never indexed). Every post carries its category as its audience; the search keeps only the
/// categories <see cref="BoardAccess.ReadableCategories"/> gives the viewer, so a category's visibility
/// or a private group's membership changes who finds a post at once, without reindexing.
/// A topic's new title or move, and a category's rename, reindex the posts under them.
/// </summary>
public sealed class BoardPostSiteSource : ISearchSource
{
    public string ContentType => SiteContentTypes.BoardPost;

    private static IQueryable<Post> Findable(NetworkDbContext db) => db.Posts.AsNoTracking().Where(p => p.State == PostState.Visible);

    public Task<int> CountAsync(NetworkDbContext db, CancellationToken ct) => Findable(db).CountAsync(ct);

    public async Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct) =>
        await Findable(db).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await Findable(db).Where(p => ids.Contains(p.Id))
            .Join(db.Topics, p => p.TopicId, t => t.Id, (p, t) => new { p, t })
            .Join(db.BoardCategories, x => x.t.CategoryId, c => c.Id, (x, c) => new
            {
                x.p.Id, x.p.TopicId, x.p.Markdown, x.p.AuthorName, x.p.CreatedUtc, Topic = x.t.Title, CategoryId = c.Id, Category = c.Name,
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => SiteDocument.Create(new SiteEntry(
            SiteKind.Board, r.Id, 0, r.Topic, PlainText.FromMarkdown(r.Markdown), $"/boards/t/{r.TopicId}#post-{r.Id}", r.CreatedUtc,
            Audience: r.CategoryId, Context: r.Category)));
    }

    public async Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct) => contentType switch
    {
        SiteContentTypes.BoardTopic => await db.Posts.Where(p => ids.Contains(p.TopicId)).Select(p => p.Id).ToListAsync(ct),
        SiteContentTypes.BoardCategory => await db.Posts.Where(p => db.Set<Topic>().Any(t => t.Id == p.TopicId && ids.Contains(t.CategoryId))).Select(p => p.Id).ToListAsync(ct),
        _ => [],
    };
}
