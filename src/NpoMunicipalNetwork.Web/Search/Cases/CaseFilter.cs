using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>
/// A <see cref="CaseQuery"/>'s filters as lookup tables over index values. Each facet is one
/// dimension; <see cref="Failures"/> tells which dimensions a case fails, which is all the
/// facet counting needs (a count for a dimension ignores that dimension's own selection).
/// </summary>
public sealed class CaseFilter
{
    public const int FieldDim = 0, TypeDim = 1, MethodDim = 2, PrefectureDim = 3, KindDim = 4, YearDim = 5, AttachmentDim = 6, DimCount = 7;

    private readonly bool[] _tenants;
    private readonly bool[]? _fields;
    private readonly bool[]? _methods;
    private readonly bool[]? _types;
    private readonly bool[]? _prefectures;
    private readonly bool[]? _kinds;
    private readonly bool _years;
    private readonly int _from;
    private readonly int _to;
    private readonly bool _attachments;

    /// <param name="visibleTenants">Sites whose cases may be shown (active member sites), already narrowed to <see cref="CaseQuery.TenantId"/>.</param>
    public CaseFilter(CaseQuery q, CaseVocabulary vocabulary, IReadOnlyCollection<int> visibleTenants)
    {
        _tenants = Table(visibleTenants);
        _fields = q.Fields.Count == 0 ? null : Table(q.Fields.Select(code => vocabulary.Fields.FirstOrDefault(f => f.Code == code)?.Id ?? -1));
        _methods = q.Methods.Count == 0 ? null : Table(q.Methods.Select(code => vocabulary.Methods.FirstOrDefault(m => m.Code == code)?.Id ?? -1));
        _types = q.Types.Count == 0 ? null : Table(q.Types.Select(t => (int)t));
        _prefectures = q.Prefectures.Count == 0 ? null : Table(q.Prefectures.Select(int.Parse));
        _kinds = q.Kinds.Count == 0 ? null : Table(q.Kinds.Select(k => (int)k));
        // Plain ints with open ends as extremes: this runs for every candidate of every search.
        _years = q.FromYear is not null || q.ToYear is not null;
        _from = q.FromYear ?? int.MinValue;
        _to = q.ToYear ?? int.MaxValue;
        _attachments = q.HasAttachments;
    }

    private static bool[] Table(IEnumerable<int> values)
    {
        var list = values.Where(v => v >= 0).ToList();
        var table = new bool[list.Count == 0 ? 1 : list.Max() + 1];
        foreach (var v in list)
            table[v] = true;
        return table;
    }

    private static bool In(bool[] table, int value) => (uint)value < (uint)table.Length && table[value];

    private static bool Any(bool[] table, int[] values)
    {
        foreach (var v in values)
            if (In(table, v))
                return true;
        return false;
    }

    public bool Visible(CaseSegment s, int doc) => s.IsCase[doc] && In(_tenants, s.Tenant[doc]);

    /// <summary>Does a running period [start, end or ongoing] overlap [from, to]?</summary>
    public static bool Overlaps(short start, short end, int from, int to) =>
        (end == 0 || end >= from) && start <= to;

    /// <summary>Bit i set: the case fails dimension i.</summary>
    public int Failures(CaseSegment s, int doc)
    {
        var failed = 0;
        if (_fields is not null && !Any(_fields, s.Fields[doc])) failed |= 1 << FieldDim;
        if (_types is not null && !In(_types, s.Type[doc])) failed |= 1 << TypeDim;
        if (_methods is not null && !Any(_methods, s.Methods[doc])) failed |= 1 << MethodDim;
        if (_prefectures is not null && !In(_prefectures, s.Prefecture[doc])) failed |= 1 << PrefectureDim;
        if (_kinds is not null && !In(_kinds, s.Kind[doc])) failed |= 1 << KindDim;
        if (_years && !Overlaps(s.Start[doc], s.End[doc], _from, _to)) failed |= 1 << YearDim;
        if (_attachments && !s.HasAttachments[doc]) failed |= 1 << AttachmentDim;
        return failed;
    }
}
