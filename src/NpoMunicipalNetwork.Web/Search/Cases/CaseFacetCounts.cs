namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>
/// Facet counts of one search. The count of a value is how many results there would be with only
/// that value chosen in its facet and every other facet as it is (the usual "multi-select" facets),
/// which is also what a database count of <see cref="NpoMunicipalNetwork.Cases.PublishedCases.Filter"/> gives.
/// Vocabulary, types, kinds and prefectures are keyed by their index values (ids, enum numbers, 1–47).
/// </summary>
public sealed class CaseFacetCounts(int maxFieldId, int maxMethodId, IReadOnlyList<int> decades)
{
    public int[] Fields { get; } = new int[maxFieldId + 1];
    public int[] Methods { get; } = new int[maxMethodId + 1];
    public int[] Types { get; } = new int[8];
    public int[] Prefectures { get; } = new int[48];
    public int[] Kinds { get; } = new int[16];
    /// <summary>First fiscal year of each decade bucket (1990, 2000, …).</summary>
    public IReadOnlyList<int> Decades { get; } = decades;
    public int[] DecadeCounts { get; } = new int[decades.Count];
    public int WithAttachments { get; set; }

    // The same decades as an array: counting reads it for every hit.
    private readonly int[] _decades = decades.ToArray();

    /// <summary>A multi-valued dimension: each id of the case counts once; an id added after the counts were sized is skipped.</summary>
    private static void CountEach(int[] counts, int[] ids)
    {
        foreach (var id in ids)
            if ((uint)id < (uint)counts.Length)
                counts[id]++;
    }

    internal void Count(CaseSegment s, int doc, int dim)
    {
        switch (dim)
        {
            case CaseFilter.FieldDim:
                CountEach(Fields, s.Fields[doc]);
                break;
            case CaseFilter.TypeDim:
                Types[s.Type[doc] & 7]++;
                break;
            case CaseFilter.MethodDim:
                CountEach(Methods, s.Methods[doc]);
                break;
            case CaseFilter.PrefectureDim:
                if (s.Prefecture[doc] < Prefectures.Length)
                    Prefectures[s.Prefecture[doc]]++;
                break;
            case CaseFilter.KindDim:
                Kinds[s.Kind[doc] & 15]++;
                break;
            case CaseFilter.YearDim:
                var start = s.Start[doc];
                var end = s.End[doc];
                for (var i = 0; i < _decades.Length; i++)
                    if (CaseFilter.Overlaps(start, end, _decades[i], _decades[i] + 9))
                        DecadeCounts[i]++;
                break;
            case CaseFilter.AttachmentDim:
                if (s.HasAttachments[doc])
                    WithAttachments++;
                break;
        }
    }
}
