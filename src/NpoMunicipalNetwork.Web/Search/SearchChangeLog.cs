using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NpoMunicipalNetwork.Data;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// Writes <see cref="SearchChange"/> lines for the <see cref="ISearchable"/> entities a SaveChanges
/// touches, in the same transaction: <see cref="NetworkDbContext"/> saves the content first (so new
/// rows have their ids), then the lines, then commits. A rolled-back change therefore leaves no
/// line, and a committed one always has one.
/// Bulk statements (ExecuteUpdate/ExecuteDelete) bypass change tracking: code that changes a
/// searchable row that way must call <see cref="Add"/> itself before its SaveChanges.
/// </summary>
public static class SearchChangeLog
{
    /// <summary>What one SaveChanges is about to change; ids of added rows are read after the insert.</summary>
    public sealed class Pending(List<ISearchable> entities)
    {
        public IReadOnlyList<SearchChange> Lines(DateTime now) => entities
            .Select(e => (e.SearchContentType, e.SearchContentId))
            .Where(k => k.SearchContentId > 0)
            .Distinct()
            .Select(k => new SearchChange { ContentType = k.SearchContentType, ContentId = k.SearchContentId, ChangedUtc = now })
            .ToList();
    }

    public static Pending? Collect(ChangeTracker tracker)
    {
        var entities = tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is ISearchable)
            .Where(e => e.State != EntityState.Modified || e.Entity is not ISearchedProperties watched
                || watched.SearchedProperties.Any(name => e.Property(name).IsModified))
            .Select(e => (ISearchable)e.Entity)
            .ToList();
        return entities.Count == 0 ? null : new Pending(entities);
    }

    /// <summary>Records a change made outside change tracking (a bulk UPDATE); saved with the next SaveChanges.</summary>
    public static void Add(NetworkDbContext db, string contentType, int contentId) =>
        db.SearchChanges.Add(new SearchChange { ContentType = contentType, ContentId = contentId, ChangedUtc = DateTime.UtcNow });

    /// <summary>
    /// Wakes this instance's indexer as soon as a transaction that wrote change lines commits, so a
    /// publish shows in search well within a second; other instances find the lines by polling.
    /// </summary>
    public sealed class SignalOnCommit(SearchSignal signal) : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            Wake(eventData.Context);
            return Task.CompletedTask;
        }

        private void Wake(DbContext? context)
        {
            if (context is NetworkDbContext { SearchChangesWritten: true } db)
            {
                db.SearchChangesWritten = false;
                signal.Set();
            }
        }
    }
}

/// <summary>An in-process "look at the change log now" flag; setting it twice before it is read wakes the indexer once.</summary>
public sealed class SearchSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => _channel.Writer.TryWrite(true);

    /// <summary>Waits until set or until <paramref name="timeout"/> passes.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await _channel.Reader.WaitToReadAsync(cts.Token);
            _channel.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }
}
