using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>
/// Whose content a search may return: the sites (active ones only, decided per request so a disabled
/// site disappears at once whatever the index has caught up with), whether the network's own forums and
/// boards are in, and the board categories the viewer may read.
/// </summary>
public sealed record SiteScope(IReadOnlySet<int> Tenants, bool IncludeNetwork, IReadOnlySet<int> BoardCategories)
{
    public bool Allows(SiteKind kind, int tenant, int audience) => kind switch
    {
        SiteKind.Board => IncludeNetwork && BoardCategories.Contains(audience),
        _ when tenant == 0 => IncludeNetwork,
        _ => Tenants.Contains(tenant),
    };
}

public sealed record SiteHit(SiteKind Kind, int Id, int TenantId, string Title, string Text, string Path, DateTime? DateUtc, int Audience, string? Context);

/// <param name="Counts">Matches per kind within the scope, whatever kind was asked for (the type filter's counts).</param>
public sealed record SiteSearchResult(int Total, IReadOnlyDictionary<SiteKind, int> Counts, IReadOnlyList<SiteHit> Hits);

/// <summary>
/// Runs a site search on the shared index: the words pick candidates in <see cref="SiteDocument.Text"/>,
/// one pass keeps those in scope and counts them per kind, and the page asked for is read from the
/// stored fields, best score first (newest first among equals).
/// </summary>
public sealed class SiteSearch(SearchIndex index)
{
    public SiteSearchResult Run(string text, SiteKind? kind, SiteScope scope, int skip, int take)
    {
        var counts = SiteKinds.All.ToDictionary(k => k, _ => 0);
        if (TextQuery.Build(text, SiteDocument.Text, SiteDocument.Boosts) is not { } query)
            return new SiteSearchResult(0, counts, []);
        return index.Search(searcher =>
        {
            var collector = new Collector(scope, kind, counts);
            searcher.Search(query, collector);
            var hits = collector.Hits;
            hits.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : b.Date != a.Date ? b.Date.CompareTo(a.Date) : a.Doc.CompareTo(b.Doc));
            var page = hits.Skip(skip).Take(take).Select(h => Read(searcher, h)).ToList();
            return new SiteSearchResult(hits.Count, counts, page);
        });
    }

    private static SiteHit Read(IndexSearcher searcher, Hit h)
    {
        var doc = searcher.Doc(h.Doc);
        var title = doc.Get(SiteDocument.Title) ?? "";
        return new SiteHit(h.Kind, doc.GetField(SiteDocument.Id)?.GetInt32Value() ?? 0, h.Tenant, title,
            SiteDocument.Body(title, doc.Get(SiteDocument.Text) ?? ""), doc.Get(SiteDocument.Path) ?? "/",
            h.Date == 0 ? null : new DateTime(h.Date, DateTimeKind.Utc), h.Audience, doc.Get(SiteDocument.Context));
    }

    private readonly record struct Hit(int Doc, float Score, long Date, SiteKind Kind, int Tenant, int Audience);

    private sealed class Collector(SiteScope scope, SiteKind? wanted, Dictionary<SiteKind, int> counts) : ICollector
    {
        private Scorer? _scorer;
        private int _docBase;
        private NumericDocValues? _kind, _tenant, _audience, _date;

        public List<Hit> Hits { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void SetNextReader(AtomicReaderContext context)
        {
            var reader = context.AtomicReader;
            _docBase = context.DocBase;
            // A segment holding only case documents has none of these fields: nothing in it is ours.
            _kind = reader.GetNumericDocValues(SiteDocument.Kind);
            _tenant = reader.GetNumericDocValues(SiteDocument.Tenant);
            _audience = reader.GetNumericDocValues(SiteDocument.Audience);
            _date = reader.GetNumericDocValues(SiteDocument.Date);
        }

        public void Collect(int doc)
        {
            if (_kind is null || _tenant is null || _audience is null || _date is null)
                return;
            var kind = (SiteKind)_kind.Get(doc);
            if (!Enum.IsDefined(kind))
                return;
            var tenant = (int)_tenant.Get(doc);
            var audience = (int)_audience.Get(doc);
            if (!scope.Allows(kind, tenant, audience))
                return;
            counts[kind]++;
            if (wanted is null || wanted == kind)
                Hits.Add(new Hit(_docBase + doc, _scorer!.GetScore(), _date.Get(doc), kind, tenant, audience));
        }
    }
}
