using Microsoft.EntityFrameworkCore;
using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.Boards;

/// <summary>Unread markers: how far each signed-in user has read each topic.</summary>
public static class BoardReading
{
    /// <summary>
    /// Moves the marker forward (never back, so reading an old page keeps newer posts read). A bulk UPDATE,
    /// not SaveChanges: reading is not a content change and must not evict the public page cache.
    /// </summary>
    public static async Task MarkReadAsync(NetworkDbContext db, int userId, int topicId, int lastShownPostId, CancellationToken ct)
    {
        var moved = await db.TopicReads.Where(r => r.UserId == userId && r.TopicId == topicId && r.LastReadPostId < lastShownPostId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastReadPostId, lastShownPostId), ct);
        if (moved > 0 || await db.TopicReads.AnyAsync(r => r.UserId == userId && r.TopicId == topicId, ct))
            return;
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
