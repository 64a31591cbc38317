using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// Keeps this instance's index current. On start it rebuilds an index that is new, empty while the
/// database has content, or older than the change log's retention; then it applies the change log
/// after its cursor whenever this instance commits a change (<see cref="SearchSignal"/>) and at
/// least every <c>Search:PollMilliseconds</c> for changes made by other instances.
/// <para>
/// Ids are handed out before commit, so on PostgreSQL a line with a lower id can become visible after
/// a higher one was read. Ids skipped over are therefore remembered as gaps and looked for again for
/// <see cref="GapPatience"/> (after that they belong to rolled-back transactions).
/// </para>
/// </summary>
public sealed class SearchIndexer(SearchIndex index, SearchSignal signal, IServiceScopeFactory scopes, IOptions<SearchOptions> options,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    public static readonly TimeSpan GapPatience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private const int MaxLinesPerPass = 5_000;

    private readonly Dictionary<long, DateTime> _gaps = [];
    private DateTime _lastPrune = DateTime.MinValue;

    /// <summary>True once the start-up check (and rebuild, if one was needed) is done.</summary>
    public bool Ready { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!Ready)
                {
                    await RebuildIfStaleAsync(stoppingToken);
                    Ready = true;
                }
                while (await CatchUpAsync(stoppingToken) == MaxLinesPerPass)
                {
                }
                if (DateTime.UtcNow - _lastPrune > PruneEvery)
                    await PruneAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Search indexer pass failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
            await signal.WaitAsync(poll, stoppingToken);
        }
    }

    /// <summary>Rebuilds when this index cannot be brought up to date from the change log.</summary>
    public async Task RebuildIfStaleAsync(CancellationToken ct)
    {
        index.EnsureOpen();
        var retention = TimeSpan.FromDays(options.Value.RetentionDays);
        string? reason = null;
        if (index.AppliedUtc is null)
            reason = "new index";
        else if (index.Format != SearchIndex.CurrentFormat)
            reason = $"documents of format {index.Format ?? "(none)"}, now {SearchIndex.CurrentFormat}";
        else if (index.AppliedUtc < DateTime.UtcNow - retention)
            reason = "older than the change log's retention";
        else if (index.DocumentCount == 0)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            foreach (var source in index.Sources)
                if (await source.CountAsync(db, ct) > 0)
                {
                    reason = "empty index, content in the database";
                    break;
                }
        }
        if (reason is null)
            return;
        logger.LogInformation("Rebuilding the search index ({Reason}).", reason);
        await index.RebuildAsync(null, ct);
    }

    /// <summary>Applies the lines after the cursor (and any gap that has appeared); returns how many lines were read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct)
    {
        List<SearchChange> lines;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            var cursor = index.Cursor;
            var gaps = _gaps.Keys.ToList();
            lines = await db.SearchChanges.AsNoTracking()
                .Where(c => c.Id > cursor || gaps.Contains(c.Id))
                .OrderBy(c => c.Id).Take(MaxLinesPerPass).ToListAsync(ct);
        }
        var now = DateTime.UtcNow;
        foreach (var expired in _gaps.Where(g => now - g.Value > GapPatience).Select(g => g.Key).ToList())
            _gaps.Remove(expired);
        if (lines.Count == 0)
            return 0;
        var previous = index.Cursor;
        var newCursor = Math.Max(previous, lines[^1].Id);
        var seen = lines.Select(l => l.Id).ToHashSet();
        foreach (var id in seen)
            _gaps.Remove(id);
        // Skipped ids below the new cursor may still commit; the cap (5,000) keeps a huge gap cheap.
        for (var id = previous + 1; id < newCursor && _gaps.Count < MaxLinesPerPass; id++)
            if (!seen.Contains(id))
                _gaps.TryAdd(id, now);
        await index.ApplyAsync(lines, newCursor, ct);
        return lines.Count;
    }

    private async Task PruneAsync(CancellationToken ct)
    {
        _lastPrune = DateTime.UtcNow;
        var before = DateTime.UtcNow.AddDays(-options.Value.RetentionDays);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var pruned = await db.SearchChanges.Where(c => c.ChangedUtc < before).ExecuteDeleteAsync(ct);
        if (pruned > 0)
            logger.LogInformation("Pruned {Count} search change-log lines older than {Days} days.", pruned, options.Value.RetentionDays);
    }
}
