using System.Buffers;
using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Search;

/// <summary>Every document a text query matches, in index order, with its score.</summary>
public sealed record TextMatches(int[] Docs, float[] Scores);

/// <summary>
/// Hands each match of a text query (in index order, with its leaf and score) to <c>onMatch</c> as the
/// postings are read, so a search needs no list of every match. With <c>record</c>, it also keeps the
/// matches for <see cref="TextMatchCache"/>, in pooled buffers until <see cref="ToMatches"/> copies them
/// out: a common word matches most of the index, and growing fresh arrays per query put hundreds of
/// kilobytes a request on the large object heap, whose collections stalled the requests behind them.
/// </summary>
public sealed class TextMatchCollector(Action<AtomicReaderContext, int, float> onMatch, bool record) : ICollector, IDisposable
{
    private Scorer _scorer = null!;
    private AtomicReaderContext _leaf = null!;
    private int[] _docs = record ? ArrayPool<int>.Shared.Rent(1024) : [];
    private float[] _scores = record ? ArrayPool<float>.Shared.Rent(1024) : [];
    private int _count;

    // In order, so documents come out ascending and can be walked segment by segment.
    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _leaf = context;

    public void Collect(int doc)
    {
        var score = _scorer.GetScore();
        onMatch(_leaf, doc, score);
        if (!record)
            return;
        if (_count == _docs.Length)
        {
            _docs = Grow(_docs, _count);
            _scores = Grow(_scores, _count);
        }
        _docs[_count] = _leaf.DocBase + doc;
        _scores[_count] = score;
        _count++;
    }

    /// <summary>The recorded matches as arrays of their own (for the cache); only with <c>record</c>.</summary>
    public TextMatches ToMatches() => new(_docs.AsSpan(0, _count).ToArray(), _scores.AsSpan(0, _count).ToArray());

    public void Dispose()
    {
        if (!record)
            return;
        ArrayPool<int>.Shared.Return(_docs);
        ArrayPool<float>.Shared.Return(_scores);
        _docs = [];
        _scores = [];
    }

    private static T[] Grow<T>(T[] buffer, int count)
    {
        var bigger = ArrayPool<T>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(buffer);
        return bigger;
    }
}

/// <summary>
/// The matches of recent text queries on the current view of the index. A faceted search repeats its
/// text on every refinement and every page; reading and position-checking the postings (子育て is a
/// phrase of two bigrams) is most of a query's cost, and filtering the cached matches is not.
/// Entries belong to one index reader: when the index moves on (any publish, edit or delete), the cache
/// starts empty, so it can never return a match the current index would not.
/// </summary>
public sealed class TextMatchCache(IOptions<SearchOptions> options)
{
    private sealed record Generation(IndexReader Reader, ConcurrentDictionary<string, TextMatches> Entries, ConcurrentQueue<string> Order);

    private volatile Generation? _current;

    /// <summary>False when <c>Search:TextMatchCacheEntries</c> is 0: every search reads the postings.</summary>
    public bool Enabled => options.Value.TextMatchCacheEntries > 0;

    /// <summary>The matches of <paramref name="key"/> on <paramref name="searcher"/>'s reader, if kept.</summary>
    public TextMatches? Find(IndexSearcher searcher, string key)
    {
        var generation = _current;
        return Enabled && generation is not null && ReferenceEquals(generation.Reader, searcher.IndexReader)
            && generation.Entries.TryGetValue(key, out var cached) ? cached : null;
    }

    /// <summary>Keeps <paramref name="matches"/>, dropping the oldest entries beyond the configured number.</summary>
    public void Keep(IndexSearcher searcher, string key, TextMatches matches)
    {
        var capacity = options.Value.TextMatchCacheEntries;
        if (capacity <= 0)
            return;
        var generation = _current;
        if (generation is null || !ReferenceEquals(generation.Reader, searcher.IndexReader))
        {
            generation = new Generation(searcher.IndexReader, new(StringComparer.Ordinal), new());
            _current = generation;
        }
        if (generation.Entries.TryAdd(key, matches))
        {
            generation.Order.Enqueue(key);
            while (generation.Order.Count > capacity && generation.Order.TryDequeue(out var oldest))
                generation.Entries.TryRemove(oldest, out _);
        }
    }
}
