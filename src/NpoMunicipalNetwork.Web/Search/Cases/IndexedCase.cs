using Lucene.Net.Index;
using Lucene.Net.Search;
using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>
/// A case as the index holds it: enough for a result card (title, summary, body sections for the
/// snippet, partners, the facts) without reading the database. It is as current as the index, which
/// follows every change within a second.
/// </summary>
public sealed record IndexedCase(
    int Id, int TenantId, string Title, string Summary, IReadOnlyList<string> BodySections, string Partners, bool IsSample,
    RelationshipType RelationshipType, int StartFiscalYear, int? EndFiscalYear, int PrefectureCode, IReadOnlyList<int> FieldIds)
{
    private static readonly ISet<string> StoredFields = new HashSet<string>
    {
        CaseDocument.Title, CaseDocument.Summary, CaseDocument.Body, CaseDocument.Partners, CaseDocument.Sample,
    };

    public static IndexedCase Read(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var s = CaseSegment.For(leaf.AtomicReader);
        var local = doc - leaf.DocBase;
        var stored = searcher.Doc(doc, StoredFields);
        return new IndexedCase(
            s.Id[local], s.Tenant[local],
            stored.Get(CaseDocument.Title) ?? "", stored.Get(CaseDocument.Summary) ?? "",
            stored.GetValues(CaseDocument.Body), stored.Get(CaseDocument.Partners) ?? "",
            stored.GetField(CaseDocument.Sample)?.GetInt32Value() == 1,
            (RelationshipType)s.Type[local], s.Start[local], s.End[local] == 0 ? null : s.End[local],
            s.Prefecture[local], s.Fields[local]);
    }
}
