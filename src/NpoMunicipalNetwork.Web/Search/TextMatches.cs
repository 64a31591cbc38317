using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;

namespace NpoMunicipalNetwork.Search;

/// <summary>Every document a text query matches, in index order, with its score.</summary>
public sealed record TextMatches(int[] Docs, float[] Scores)
{
    public static TextMatches Collect(IndexSearcher searcher, Query query)
    {
        var collector = new AllMatches();
        searcher.Search(query, collector);
        return new TextMatches(collector.Docs.ToArray(), collector.Scores.ToArray());
    }

    private sealed class AllMatches : ICollector
    {
        private Scorer _scorer = null!;
        private int _docBase;

        public List<int> Docs { get; } = [];

        public List<float> Scores { get; } = [];

        // In order, so the documents come out ascending and can be walked segment by segment.
        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            Docs.Add(_docBase + doc);
            Scores.Add(_scorer.GetScore());
        }
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

    public TextMatches GetOrCollect(IndexSearcher searcher, string key, Query query)
    {
        var capacity = options.Value.TextMatchCacheEntries;
        if (capacity <= 0)
            return TextMatches.Collect(searcher, query);
        var generation = _current;
        if (generation is null || !ReferenceEquals(generation.Reader, searcher.IndexReader))
        {
            generation = new Generation(searcher.IndexReader, new(StringComparer.Ordinal), new());
            _current = generation;
        }
        if (generation.Entries.TryGetValue(key, out var cached))
            return cached;
        var matches = TextMatches.Collect(searcher, query);
        if (generation.Entries.TryAdd(key, matches))
        {
            generation.Order.Enqueue(key);
            while (generation.Order.Count > capacity && generation.Order.TryDequeue(out var oldest))
                generation.Entries.TryRemove(oldest, out _);
        }
        return matches;
    }
}
