
namespace NpoMunicipalNetwork.Boards;

/// <summary>Unread markers: how far each signed-in user has read each topic.</summary>
public static class BoardReading
{
    /// <summary>
    /// Moves the marker forward (never back, so reading an old page keeps newer posts read). A bulk UPDATE,
    /// not SaveChanges: reading is not a content change and must not evict the public page cache.
    /// </summary>
    /// <param name="current">The marker as the page read it (null: no row yet). Re-reading a topic is the common
    /// case and then writes nothing, so it never waits for SQLite's write lock.</param>
    public static async Task MarkReadAsync(NetworkDbContext db, int userId, int topicId, int lastShownPostId, int? current, CancellationToken ct)
    {
        if (current >= lastShownPostId)
            return;
        if (current is not null)
        {
            await db.TopicReads.Where(r => r.UserId == userId && r.TopicId == topicId && r.LastReadPostId < lastShownPostId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReadPostId, lastShownPostId), ct);
            return;
        }
        db.TopicReads.Add(new TopicRead { UserId = userId, TopicId = topicId, LastReadPostId = lastShownPostId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tabs opened the topic at once: the other request made the row, which is all that matters.
            db.ChangeTracker.Clear();
        }
    }
}
