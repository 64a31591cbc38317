using Lucene.Net.Index;
using Lucene.Net.Search;
using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>
/// A page (or all) of the matching case ids in the query's order, the number of matches and the facet
/// counts; with <c>withCards</c>, also what the index stored for each case of the page.
/// </summary>
public sealed record CaseSearchResult(int Total, IReadOnlyList<int> Ids, CaseFacetCounts Facets, IReadOnlyList<IndexedCase> Cases);

/// <summary>A page of hits with their sort keys (for cursors), the number of matches and the facet counts.</summary>
public sealed record CaseHitPage(int Total, IReadOnlyList<CaseHit> Hits, CaseFacetCounts Facets);

/// <summary>
/// Runs a <see cref="CaseQuery"/> on the index: the text query picks candidates (all cases without
/// text; its matches are reused while the index does not change, see <see cref="TextMatchCache"/>),
/// then one pass over them applies the filters and counts every facet at once, and the
/// best <c>take</c> are kept in order. Sites that are not active are left out here as well as in the
/// index, so disabling a site hides its cases at once, whatever the index has caught up with.
/// </summary>
public sealed class CaseSearch(SearchIndex index, TenantCatalog catalog, TextMatchCache textMatches)
{
    public const int FirstDecade = CaseRules.FirstFiscalYear / 10 * 10;

    /// <param name="skip">Results to skip (paging).</param>
    /// <param name="take">Results to return after <paramref name="skip"/>.</param>
    /// <param name="withCards">Read each returned case's stored card texts from the index (a results page; not an export).</param>
    public async Task<CaseSearchResult> RunAsync(CaseQuery q, CaseVocabulary vocabulary, int skip, int take, CancellationToken ct, bool withCards = false)
    {
        var (total, page, facets, cards) = await RunCoreAsync(q, vocabulary, skip, take, null, withCards, ct);
        return new CaseSearchResult(total, page.Select(h => h.Id).ToList(), facets, cards);
    }

    /// <summary>
    /// Keyset paging (the API's cursors): the <paramref name="take"/> best hits that come after
    /// <paramref name="after"/> in the query's order, with the total and the facet counts of the whole query.
    /// </summary>
    public async Task<CaseHitPage> RunAfterAsync(CaseQuery q, CaseVocabulary vocabulary, CaseHit? after, int take, CancellationToken ct)
    {
        var (total, page, facets, _) = await RunCoreAsync(q, vocabulary, 0, take, after, false, ct);
        return new CaseHitPage(total, page, facets);
    }

    private async Task<(int Total, List<CaseHit> Page, CaseFacetCounts Facets, IReadOnlyList<IndexedCase> Cards)> RunCoreAsync(
        CaseQuery q, CaseVocabulary vocabulary, int skip, int take, CaseHit? after, bool withCards, CancellationToken ct)
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

        Query? textQuery = null;
        if (q.Text is { } text && (textQuery = TextQuery.Build(text, CaseDocument.Text, CaseDocument.Boosts)) is null)
            return (0, [], facets, []); // only punctuation: nothing can match
        var textKey = textQuery?.ToString();

        var order = q.Sort switch
        {
            CaseSort.Newest => CaseOrder.Newest,
            CaseSort.FiscalYear => CaseOrder.FiscalYear,
            _ => textQuery is not null ? CaseOrder.Relevance : CaseOrder.Newest,
        };
        return index.Search(searcher =>
        {
            var pass = new CasePass(filter, facets, order, (int)Math.Min((long)skip + Math.Max(take, 0), int.MaxValue), after);
            var leaves = searcher.IndexReader.Leaves;
            if (textQuery is null)
            {
                foreach (var leaf in leaves)
                {
                    var live = leaf.AtomicReader.LiveDocs;
                    var segment = CaseSegment.For(leaf.AtomicReader);
                    for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                        if (live is null || live.Get(doc))
                            pass.Consider(segment, doc, leaf.DocBase, 0f);
                }
            }
            else if (textMatches.Find(searcher, textKey!) is { } matches)
            {
                var leafIndex = -1;
                AtomicReaderContext? leaf = null;
                CaseSegment? segment = null;
                for (var i = 0; i < matches.Docs.Length; i++)
                {
                    var doc = matches.Docs[i];
                    while (leaf is null || doc >= leaf.DocBase + leaf.AtomicReader.MaxDoc)
                    {
                        leaf = leaves[++leafIndex];
                        segment = CaseSegment.For(leaf.AtomicReader);
                    }
                    pass.Consider(segment!, doc - leaf.DocBase, leaf.DocBase, matches.Scores[i]);
                }
            }
            else
            {
                // First search for this text on this index view: filter and count as the postings are read.
                AtomicReaderContext? leaf = null;
                CaseSegment? segment = null;
                using var collector = new TextMatchCollector((context, doc, score) =>
                {
                    if (!ReferenceEquals(context, leaf))
                        (leaf, segment) = (context, CaseSegment.For(context.AtomicReader));
                    pass.Consider(segment!, doc, context.DocBase, score);
                }, record: textMatches.Enabled);
                searcher.Search(textQuery, collector);
                if (textMatches.Enabled)
                    textMatches.Keep(searcher, textKey!, collector.ToMatches());
            }
            var page = pass.Best().Skip(skip).Take(take).ToList();
            return (pass.Total, page, facets, withCards ? page.Select(h => IndexedCase.Read(searcher, h.Doc)).ToList() : (IReadOnlyList<IndexedCase>)[]);
        });
    }

    /// <summary>
    /// Applies the filters to each candidate, counts every facet in the same pass, and keeps only the
    /// best <c>keep</c> results (a heap whose top is the worst kept), so a page costs no list of every match.
    /// With <c>after</c> (a cursor), only results that come after it in the order are kept; the total
    /// and the facets still count every match.
    /// </summary>
    private sealed class CasePass(CaseFilter filter, CaseFacetCounts facets, IComparer<CaseHit> better, int keep, CaseHit? after)
    {
        private readonly PriorityQueue<CaseHit, CaseHit> _kept = new(Comparer<CaseHit>.Create((a, b) => better.Compare(b, a)));

        public int Total { get; private set; }

        public void Consider(CaseSegment s, int doc, int docBase, float score)
        {
            if (!filter.Visible(s, doc))
                return;
            var failed = filter.Failures(s, doc);
            if (failed == 0)
            {
                Total++;
                Keep(new CaseHit(s.Id[doc], score, s.Published[doc], s.Start[doc], docBase + doc));
                for (var dim = 0; dim < CaseFilter.DimCount; dim++)
                    facets.Count(s, doc, dim);
            }
            else if ((failed & (failed - 1)) == 0)
            {
                // Failing exactly one facet: it still counts towards that facet's other values.
                facets.Count(s, doc, System.Numerics.BitOperations.TrailingZeroCount(failed));
            }
        }

        private void Keep(CaseHit hit)
        {
            if (after is { } cursor && better.Compare(cursor, hit) >= 0)
                return;
            if (_kept.Count < keep)
                _kept.Enqueue(hit, hit);
            else if (keep > 0 && better.Compare(hit, _kept.Peek()) < 0)
                _kept.EnqueueDequeue(hit, hit);
        }

        /// <summary>The kept results, best first.</summary>
        public List<CaseHit> Best()
        {
            var best = _kept.UnorderedItems.Select(i => i.Element).ToList();
            best.Sort(better);
            return best;
        }
    }
}

public readonly record struct CaseHit(int Id, float Score, long Published, short Start, int Doc = -1);

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
