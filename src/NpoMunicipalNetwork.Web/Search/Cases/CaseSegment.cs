using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>
/// The facts of every case in one index segment, as plain arrays indexed by the segment's doc id.
/// Decoded once per segment core and kept while the segment lives (a weak table keyed by the core,
/// which deletions do not change), so a query's filters and facet counts are array reads.
/// </summary>
public sealed class CaseSegment
{
    private static readonly ConditionalWeakTable<object, CaseSegment> Cache = new();

    public readonly bool[] IsCase;
    public readonly int[] Id;
    public readonly int[] Tenant;
    public readonly byte[] Type;
    public readonly byte[] Prefecture;
    public readonly byte[] Kind;
    public readonly bool[] HasAttachments;
    public readonly short[] Start;
    public readonly short[] End;
    public readonly long[] Published;
    public readonly int[][] Fields;
    public readonly int[][] Methods;

    private CaseSegment(int size)
    {
        IsCase = new bool[size];
        Id = new int[size];
        Tenant = new int[size];
        Type = new byte[size];
        Prefecture = new byte[size];
        Kind = new byte[size];
        HasAttachments = new bool[size];
        Start = new short[size];
        End = new short[size];
        Published = new long[size];
        Fields = new int[size][];
        Methods = new int[size][];
    }

    public static CaseSegment For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Load(reader));

    private static CaseSegment Load(AtomicReader reader)
    {
        var segment = new CaseSegment(reader.MaxDoc);
        var values = reader.GetBinaryDocValues(CaseDocument.Facts);
        var present = reader.GetDocsWithField(CaseDocument.Facts);
        if (values is null || present is null)
            return segment;
        var bytes = new BytesRef();
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (!present.Get(doc))
            {
                segment.Fields[doc] = segment.Methods[doc] = [];
                continue;
            }
            values.Get(doc, bytes);
            var f = CaseDocument.Decode(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
            segment.IsCase[doc] = true;
            segment.Id[doc] = f.Id;
            segment.Tenant[doc] = f.TenantId;
            segment.Type[doc] = f.Type;
            segment.Prefecture[doc] = f.Prefecture;
            segment.Kind[doc] = f.Kind;
            segment.HasAttachments[doc] = f.HasAttachments;
            segment.Start[doc] = f.StartYear;
            segment.End[doc] = f.EndYear;
            segment.Published[doc] = f.PublishedTicks;
            segment.Fields[doc] = f.FieldIds;
            segment.Methods[doc] = f.MethodIds;
        }
        return segment;
    }
}
