using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
    /// <summary>Contexts whose last transaction saved change-log lines; the commit interceptor wakes the indexer and forgets them.</summary>
    private static readonly ConditionalWeakTable<DbContext, object> Written = [];

    /// <summary>What one SaveChanges is about to change; ids of added rows are read after the insert.</summary>
    public sealed class Pending(List<ISearchable> entities) : ISaveChangesFollowUp
    {
        public IReadOnlyList<SearchChange> Lines(DateTime now) => entities
            .Select(e => (e.SearchContentType, e.SearchContentId))
            .Where(k => k.SearchContentId > 0)
            .Distinct()
            .Select(k => new SearchChange { ContentType = k.SearchContentType, ContentId = k.SearchContentId, ChangedUtc = now })
            .ToList();

        public void Write(NetworkDbContext db) => db.SearchChanges.AddRange(Lines(DateTime.UtcNow));

        public void Saved(NetworkDbContext db) => Written.AddOrUpdate(db, Written);
    }

    public static Pending? Collect(ChangeTracker tracker)
    {
        var entities = tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Searchable(e.Entity) is not null)
            .Where(e => e.State != EntityState.Modified || e.Entity is not ISearchedProperties watched
                || watched.SearchedProperties.Any(name => e.Property(name).IsModified))
            .Select(e => Searchable(e.Entity)!)
            .ToList();
        return entities.Count == 0 ? null : new Pending(entities);
    }

    /// <summary>
    /// The entity as the change log sees it: an <see cref="ISearchable"/>, or a site (a core entity that cannot
    /// implement a feature's interface), whose changes the sources answer in <see cref="ISearchSource.AffectedByAsync"/>.
    /// </summary>
    private static ISearchable? Searchable(object entity) => entity switch
    {
        ISearchable searchable => searchable,
        Tenant tenant => new TenantChange(tenant),
        _ => null,
    };

    /// <summary>A site's change; its id is read when the lines are written, after an insert gave it one.</summary>
    private sealed class TenantChange(Tenant tenant) : ISearchable
    {
        public string SearchContentType => Tenant.SearchType;

        public int SearchContentId => tenant.Id;
    }

    /// <summary>Adds a change-log line to every SaveChanges that changes searchable rows (see <see cref="NetworkDbContext"/>).</summary>
    public sealed class Participant : ISaveChangesParticipant
    {
        public ISaveChangesFollowUp? Collect(ChangeTracker changes) => SearchChangeLog.Collect(changes);
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
            if (context is not null && Written.Remove(context))
                signal.Set();
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
