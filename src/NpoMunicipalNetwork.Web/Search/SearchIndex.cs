using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using Directory = Lucene.Net.Store.Directory;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// This instance's Lucene index: one index for every content type, in a folder of its own
/// (<c>Search:IndexPath</c>) or in RAM. It remembers in its own commits how far it has read the
/// change log (the cursor), so a restart resumes where it stopped and instances share nothing.
/// Writes (applying changes, rebuilding) take turns; searches read the last refreshed view and never wait.
/// </summary>
public sealed class SearchIndex(IOptions<SearchOptions> options, IHostEnvironment env, IEnumerable<ISearchSource> sources,
    WorkflowContentTypes contentTypes, IServiceScopeFactory scopes, ILogger<SearchIndex> logger, IServiceProvider services) : IDisposable
{
    public const string KeyField = "_key";
    public const string TypeField = "_type";
    private const string CursorKey = "cursor";
    private const string AppliedKey = "appliedUtc";
    private const string FormatKey = "format";

    /// <summary>Bump when documents change shape (fields, analysis): an index of another format is rebuilt on start.</summary>
    public const string CurrentFormat = "site-2";
    private const int BatchSize = 500;

    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly System.Threading.Lock _openLock = new();
    private Directory? _directory;
    private IndexWriter? _writer;
    private SearcherManager? _searchers;

    /// <summary>The features' own sources and one per content type that is in the site search.</summary>
    public IReadOnlyList<ISearchSource> Sources { get; } = [.. sources, .. Site.ContentSiteSource.For(contentTypes)];

    /// <summary>Last change-log id applied (0: none).</summary>
    public long Cursor { get; private set; }

    /// <summary>The document format the index was built with (null: unknown or new).</summary>
    public string? Format { get; private set; }

    /// <summary>When the index last caught up with the change log or was rebuilt; null for a new index.</summary>
    public DateTime? AppliedUtc { get; private set; }

    /// <summary>Documents written / to write while a rebuild runs; null otherwise.</summary>
    public (int Done, int Total)? RebuildProgress { get; private set; }

    public DateTime? LastRebuildUtc { get; private set; }

    public TimeSpan? LastRebuildDuration { get; private set; }

    public string Location => IsInMemory ? SearchOptions.InMemory : FolderPath;

    private bool IsInMemory => options.Value.IndexPath == SearchOptions.InMemory;

    private string FolderPath => Path.IsPathRooted(options.Value.IndexPath) ? options.Value.IndexPath : Path.Combine(env.ContentRootPath, options.Value.IndexPath);

    /// <summary>Opens the folder (creating an empty index when there is none); throws <see cref="LockObtainFailedException"/> when another process writes it.</summary>
    public void EnsureOpen()
    {
        if (_searchers is not null)
            return;
        lock (_openLock)
        {
            if (_searchers is not null)
                return;
            Directory directory;
            if (IsInMemory)
                directory = new RAMDirectory();
            else
            {
                System.IO.Directory.CreateDirectory(FolderPath);
                directory = FSDirectory.Open(FolderPath);
            }
            var writer = new IndexWriter(directory, new IndexWriterConfig(JapaneseAnalyzer.Version, JapaneseAnalyzer.ForIndex())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = 64,
            });
            var data = writer.CommitData;
            if (data.TryGetValue(CursorKey, out var cursor))
                Cursor = long.Parse(cursor, CultureInfo.InvariantCulture);
            Format = data.TryGetValue(FormatKey, out var format) ? format : null;
            if (data.TryGetValue(AppliedKey, out var applied))
                AppliedUtc = DateTime.Parse(applied, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            _directory = directory;
            _writer = writer;
            _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current view of the index.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        EnsureOpen();
        var searcher = _searchers!.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public int DocumentCount => Search(s => s.IndexReader.NumDocs);

    /// <summary>Brings the given change-log lines into the index and moves the cursor to <paramref name="cursor"/>.</summary>
    public async Task ApplyAsync(IReadOnlyList<SearchChange> changes, long cursor, CancellationToken ct)
    {
        EnsureOpen();
        await _writeTurn.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            var byType = changes.GroupBy(c => c.ContentType).ToDictionary(g => g.Key, g => (IReadOnlyCollection<int>)g.Select(c => c.ContentId).ToHashSet());
            foreach (var source in Sources)
            {
                var ids = new HashSet<int>(byType.GetValueOrDefault(source.ContentType) ?? []);
                foreach (var (type, typeIds) in byType.Where(t => t.Key != source.ContentType))
                    ids.UnionWith(await source.AffectedByAsync(db, type, typeIds, ct));
                foreach (var batch in ids.Order().Chunk(BatchSize))
                    Write(source, batch, await source.LoadAsync(db, batch, ct), replace: true);
            }
            await CommitAsync(Math.Max(cursor, Cursor));
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    /// <summary>
    /// The save that wrote the change already evicted this instance's page cache, but a search page
    /// requested before the index caught up may have been cached since; evict again now that it has.
    /// </summary>
    private Task EvictPageCacheAsync() =>
        services.GetService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>() is { } store
            ? Infrastructure.PublicPageCache.EvictAsync(store)
            : Task.CompletedTask;

    /// <summary>
    /// Replaces the whole index with what the sources hold now. The change-log position is read
    /// first, so changes made while the rebuild runs are applied again afterwards (applying is idempotent).
    /// Searches keep seeing the previous index until the rebuild commits.
    /// </summary>
    public async Task RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        EnsureOpen();
        await _writeTurn.WaitAsync(ct);
        var started = DateTime.UtcNow;
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
            var cursor = await db.SearchChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
            var total = 0;
            foreach (var source in Sources)
                total += await source.CountAsync(db, ct);
            var done = 0;
            RebuildProgress = (0, total);
            progress?.Report((0, total));
            _writer!.DeleteAll();
            // Loading the next batch from the database overlaps with analysing the current one.
            var batches = System.Threading.Channels.Channel.CreateBounded<(ISearchSource, int[], IReadOnlyDictionary<int, Document>)>(2);
            var writing = Task.Run(async () =>
            {
                try
                {
                    await foreach (var (source, ids, documents) in batches.Reader.ReadAllAsync(ct))
                    {
                        Write(source, ids, documents, replace: false);
                        done += ids.Length;
                        RebuildProgress = (Math.Min(done, total), Math.Max(total, done));
                        progress?.Report(RebuildProgress.Value);
                    }
                }
                catch (Exception ex)
                {
                    batches.Writer.TryComplete(ex); // stops the loader instead of leaving it waiting
                    throw;
                }
            }, ct);
            try
            {
                foreach (var source in Sources)
                {
                    foreach (var batch in (await source.AllIdsAsync(db, ct)).Chunk(BatchSize))
                    {
                        var documents = await source.LoadAsync(db, batch, ct);
                        db.ChangeTracker.Clear();
                        await batches.Writer.WriteAsync((source, batch, documents), ct);
                    }
                }
            }
            finally
            {
                batches.Writer.TryComplete();
            }
            await writing;
            Format = CurrentFormat;
            await CommitAsync(cursor);
            LastRebuildUtc = DateTime.UtcNow;
            LastRebuildDuration = LastRebuildUtc - started;
            logger.LogInformation("Search index rebuilt: {Count} documents in {Seconds:0.0} s.", done, LastRebuildDuration.Value.TotalSeconds);
        }
        catch
        {
            _writer!.Rollback(); // back to the last commit; the writer must be reopened
            DisposeIndex();
            throw;
        }
        finally
        {
            RebuildProgress = null;
            _writeTurn.Release();
        }
    }

    private void Write(ISearchSource source, IEnumerable<int> ids, IReadOnlyDictionary<int, Document> documents, bool replace)
    {
        foreach (var id in ids)
        {
            var key = new Term(KeyField, Key(source.ContentType, id));
            if (documents.TryGetValue(id, out var doc))
            {
                doc.Add(new StringField(KeyField, key.Text, Field.Store.NO));
                doc.Add(new StringField(TypeField, source.ContentType, Field.Store.NO));
                if (replace)
                    _writer!.UpdateDocument(key, doc);
                else
                    _writer!.AddDocument(doc);
            }
            else if (replace)
                _writer!.DeleteDocuments(key);
        }
    }

    /// <summary>Commits with the cursor, shows the new state to searches, evicts cached pages, and only then reports the cursor as reached.</summary>
    private async Task CommitAsync(long cursor)
    {
        var now = DateTime.UtcNow;
        _writer!.SetCommitData(new Dictionary<string, string>
        {
            [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture),
            [AppliedKey] = now.ToString("O", CultureInfo.InvariantCulture),
            [FormatKey] = Format ?? CurrentFormat,
        });
        _writer.Commit();
        _searchers!.MaybeRefreshBlocking();
        await EvictPageCacheAsync();
        Cursor = cursor;
        AppliedUtc = now;
    }

    public static string Key(string contentType, int id) => contentType + ":" + id.ToString(CultureInfo.InvariantCulture);

    private void DisposeIndex()
    {
        lock (_openLock)
        {
            _searchers?.Dispose();
            _searchers = null;
            try
            {
                _writer?.Dispose();
            }
            catch (ObjectDisposedException)
            {
            }
            _writer = null;
            if (!IsInMemory)
                _directory?.Dispose();
            _directory = null;
        }
    }

    public void Dispose() => DisposeIndex();
}
