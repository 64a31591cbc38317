
namespace NpoMunicipalNetwork.Boards;

/// <summary>
/// The one place that says which categories, topics and posts a viewer may read, as queries. The site
/// search must filter board posts with <see cref="ReadablePosts"/> so a private group's posts never
/// reach anyone outside it.
/// </summary>
public static class BoardAccess
{
    public static IQueryable<BoardCategory> ReadableCategories(NetworkDbContext db, BoardViewer viewer)
    {
        var userId = viewer.UserId ?? 0;
        var member = viewer.IsMember;
        if (viewer.IsModerator)
            return db.BoardCategories;
        return db.BoardCategories.Where(c => c.Visibility == BoardVisibility.Public
            || (member && c.Visibility == BoardVisibility.MembersOnly)
            || (c.Visibility == BoardVisibility.PrivateGroup && db.Set<BoardGroupMember>().Any(m => m.CategoryId == c.Id && m.UserId == userId)));
    }

    public static IQueryable<Topic> ReadableTopics(NetworkDbContext db, BoardViewer viewer)
    {
        var categories = ReadableCategories(db, viewer).Select(c => c.Id);
        return db.Topics.Where(t => categories.Contains(t.CategoryId));
    }

    /// <summary>The posts <paramref name="viewer"/> may read in full: visible (not hidden, pending or deleted) posts of readable categories.</summary>
    public static IQueryable<Post> ReadablePosts(NetworkDbContext db, BoardViewer viewer)
    {
        var topics = ReadableTopics(db, viewer).Select(t => t.Id);
        return db.Posts.Where(p => p.State == PostState.Visible && topics.Contains(p.TopicId));
    }

    /// <summary>A topic with its category when the viewer may read it; null (a 404, never a 403) otherwise.</summary>
    public static async Task<(Topic Topic, BoardCategory Category)?> FindTopicAsync(NetworkDbContext db, BoardViewer viewer, int topicId, CancellationToken ct)
    {
        var found = await db.Topics.Where(t => t.Id == topicId)
            .Join(db.BoardCategories, t => t.CategoryId, c => c.Id, (t, c) => new { t, c })
            .FirstOrDefaultAsync(ct);
        return found is not null && viewer.CanRead(found.c) ? (found.t, found.c) : null;
    }
}
