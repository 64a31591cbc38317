using Lucene.Net.Index;
using Lucene.Net.Search;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Tenants;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>A page (or all) of the matching case ids in the query's order, the number of matches and the facet counts.</summary>
public sealed record CaseSearchResult(int Total, IReadOnlyList<int> Ids, CaseFacetCounts Facets);

/// <summary>A page of hits with their sort keys (for cursors), the number of matches and the facet counts.</summary>
public sealed record CaseHitPage(int Total, IReadOnlyList<CaseHit> Hits, CaseFacetCounts Facets);

/// <summary>
/// Runs a <see cref="CaseQuery"/> on the index: the text query picks candidates (all cases without
/// text), then one pass over them applies the filters and counts every facet at once, and the
/// best <c>take</c> are kept in order. Sites that are not active are left out here as well as in the
/// index, so disabling a site hides its cases at once, whatever the index has caught up with.
/// </summary>
public sealed class CaseSearch(SearchIndex index, TenantCatalog catalog)
{
    public const int FirstDecade = CaseRules.FirstFiscalYear / 10 * 10;

    /// <param name="skip">Results to skip (paging).</param>
    /// <param name="take">Results to return after <paramref name="skip"/>.</param>
    public async Task<CaseSearchResult> RunAsync(CaseQuery q, CaseVocabulary vocabulary, int skip, int take, CancellationToken ct)
    {
        var (hits, facets, order) = await CollectAsync(q, vocabulary, ct);
        return new CaseSearchResult(hits.Count, Top(hits, order, skip, take).Select(h => h.Id).ToList(), facets);
    }

    /// <summary>
    /// Keyset paging (the API's cursors): the <paramref name="take"/> best hits that come after
    /// <paramref name="after"/> in the query's order, with the total and the facet counts of the whole query.
    /// </summary>
    public async Task<CaseHitPage> RunAfterAsync(CaseQuery q, CaseVocabulary vocabulary, CaseHit? after, int take, CancellationToken ct)
    {
        var (hits, facets, order) = await CollectAsync(q, vocabulary, ct);
        var rest = after is { } last ? hits.Where(h => order.Compare(last, h) < 0).ToList() : hits;
        return new CaseHitPage(hits.Count, Top(rest, order, 0, take), facets);
    }

    private async Task<(List<CaseHit> Hits, CaseFacetCounts Facets, IComparer<CaseHit> Order)> CollectAsync(CaseQuery q, CaseVocabulary vocabulary, CancellationToken ct)
    {
        var tenants = (await catalog.AllAsync(ct))
            .Where(t => t.Status == TenantStatus.Active && !t.IsHub && (q.TenantId is null || t.Id == q.TenantId))
            .Select(t => t.Id).ToList();
        var filter = new CaseFilter(q, vocabulary, tenants);
        var lastDecade = Math.Max(FirstDecade, DateTime.UtcNow.Year / 10 * 10);
        var decades = Enumerable.Range(0, (lastDecade - FirstDecade) / 10 + 1).Select(i => FirstDecade + 10 * i).ToList();
        var facets = new CaseFacetCounts(
            vocabulary.Fields.Select(f => f.Id).DefaultIfEmpty(0).Max(),
            vocabulary.Methods.Select(m => m.Id).DefaultIfEmpty(0).Max(), decades);

        Query? query = new ConstantScoreQuery(new TermQuery(new Term(SearchIndex.TypeField, CaseWorkflow.ContentType)));
        var byScore = false;
        if (q.Text is { } text)
        {
            query = TextQuery.Build(text, CaseDocument.Text, CaseDocument.Boosts);
            byScore = true;
        }
        var order = q.Sort switch
        {
            CaseSort.Newest => CaseOrder.Newest,
            CaseSort.FiscalYear => CaseOrder.FiscalYear,
            _ => byScore ? CaseOrder.Relevance : CaseOrder.Newest,
        };
        if (query is null)
            return ([], facets, order);
        return index.Search(searcher =>
        {
            var collector = new CaseCollector(filter, facets, byScore);
            searcher.Search(query, collector);
            return (collector.Hits, facets, order);
        });
    }

    private static IReadOnlyList<CaseHit> Top(List<CaseHit> hits, IComparer<CaseHit> better, int skip, int take)
    {
        if (skip >= hits.Count || take <= 0)
            return [];
        var keep = (int)Math.Min((long)skip + take, hits.Count);
        List<CaseHit> best;
        if (keep * 4 >= hits.Count)
        {
            hits.Sort(better);
            best = hits;
        }
        else
        {
            // The worse of the kept hits sits on top of the heap and is replaced by anything better.
            var worseFirst = Comparer<CaseHit>.Create((a, b) => better.Compare(b, a));
            var heap = new PriorityQueue<CaseHit, CaseHit>(keep + 1, worseFirst);
            foreach (var hit in hits)
            {
                if (heap.Count < keep)
                    heap.Enqueue(hit, hit);
                else if (better.Compare(hit, heap.Peek()) < 0)
                    heap.EnqueueDequeue(hit, hit);
            }
            best = heap.UnorderedItems.Select(i => i.Element).ToList();
            best.Sort(better);
        }
        return best.Skip(skip).Take(take).ToList();
    }

    private sealed class CaseCollector(CaseFilter filter, CaseFacetCounts facets, bool byScore) : ICollector
    {
        private Scorer? _scorer;
        private CaseSegment _segment = null!;

        public List<CaseHit> Hits { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context) => _segment = CaseSegment.For(context.AtomicReader);

        public void Collect(int doc)
        {
            var s = _segment;
            if (!filter.Visible(s, doc))
                return;
            var failed = filter.Failures(s, doc);
            if (failed == 0)
            {
                Hits.Add(new CaseHit(s.Id[doc], byScore ? _scorer!.GetScore() : 0f, s.Published[doc], s.Start[doc]));
                for (var dim = 0; dim < CaseFilter.DimCount; dim++)
                    facets.Count(s, doc, dim);
            }
            else if ((failed & (failed - 1)) == 0)
            {
                // Failing exactly one facet: it still counts towards that facet's other values.
                facets.Count(s, doc, System.Numerics.BitOperations.TrailingZeroCount(failed));
            }
        }
    }
}

public readonly record struct CaseHit(int Id, float Score, long Published, short Start);

/// <summary>Result orders; each compares "better first" and ends on the id, so equal keys have a stable order.</summary>
public static class CaseOrder
{
    public static readonly IComparer<CaseHit> Newest = Comparer<CaseHit>.Create((a, b) =>
        b.Published != a.Published ? b.Published.CompareTo(a.Published) : b.Id.CompareTo(a.Id));

    public static readonly IComparer<CaseHit> Relevance = Comparer<CaseHit>.Create((a, b) =>
        b.Score != a.Score ? b.Score.CompareTo(a.Score) : Newest.Compare(a, b));

    public static readonly IComparer<CaseHit> FiscalYear = Comparer<CaseHit>.Create((a, b) =>
        b.Start != a.Start ? b.Start.CompareTo(a.Start) : Newest.Compare(a, b));
}
