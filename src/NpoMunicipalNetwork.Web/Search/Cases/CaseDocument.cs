using System.Buffers.Binary;
using Lucene.Net.Documents;
using Lucene.Net.Util;
using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary>
/// How a published case is written into the index: one text field with all the words, the title
/// again on its own (a title match ranks higher), the texts a result card shows (stored, compressed),
/// and one binary doc value with everything the filters, facets and sort orders need,
/// decoded once per index segment into arrays (<see cref="CaseSegment"/>). Vocabulary is stored by
/// id, so renaming a field or method code needs no reindex.
/// </summary>
public static class CaseDocument
{
    /// <summary>The title alone, for ranking title matches first.</summary>
    public const string Title = "title";

    /// <summary>Everything searchable: title, summary, the body sections and the partners' names.</summary>
    public const string Text = "text";

    public const string Facts = "case";

    /// <summary>Stored only: what a result card shows, so a page of results needs no database read.</summary>
    public const string Summary = "summary", Body = "body", Partners = "partners", Sample = "sample";

    /// <summary>The body sections in the order a snippet looks for the query's words.</summary>
    public static IEnumerable<string> SnippetSections(PolicyCase c) => [c.Activities, c.Background, c.PartnersAndRoles, c.Outcomes, c.Lessons];

    /// <summary>A title match adds this much to the score of a text match.</summary>
    public static readonly IReadOnlyDictionary<string, float> Boosts = new Dictionary<string, float> { [Title] = 3f };

    public static Document Create(PublishedCaseRow row)
    {
        var c = row.Case;
        var sections = SnippetSections(c).Select(PlainText.FromMarkdown).ToList();
        var doc = new Document
        {
            new TextField(Title, c.Title, Field.Store.YES),
            new StoredField(Summary, c.Summary),
            new StoredField(Partners, string.Join("、", c.Partners.Select(p => p.Name))),
            new StoredField(Sample, c.IsSample ? 1 : 0),
            new TextField(Text, string.Join("\n\n", [c.Title, c.Summary, .. sections, .. c.Partners.Select(p => p.Name)]), Field.Store.NO),
            new BinaryDocValuesField(Facts, new BytesRef(Encode(new CaseFacts(
                c.Id, c.TenantId, (byte)c.RelationshipType,
                byte.TryParse(row.PrefectureCode, out var pref) ? pref : (byte)0,
                (byte)(row.Kind ?? 0),
                c.Attachments.Count > 0,
                (short)c.StartFiscalYear, (short)(c.EndFiscalYear ?? 0),
                (c.PublishedUtc ?? c.UpdatedUtc).Ticks,
                c.Fields.Select(f => f.PolicyFieldId).ToArray(),
                c.Methods.Select(m => m.PolicyMethodId).ToArray())))),
        };
        foreach (var section in sections)
            doc.Add(new StoredField(Body, section));
        return doc;
    }

    public static byte[] Encode(CaseFacts f)
    {
        var bytes = new byte[FixedLength + 4 * (f.FieldIds.Length + f.MethodIds.Length)];
        var s = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(s, f.Id);
        BinaryPrimitives.WriteInt32LittleEndian(s[4..], f.TenantId);
        s[8] = f.Type;
        s[9] = f.Prefecture;
        s[10] = f.Kind;
        s[11] = f.HasAttachments ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt16LittleEndian(s[12..], f.StartYear);
        BinaryPrimitives.WriteInt16LittleEndian(s[14..], f.EndYear);
        BinaryPrimitives.WriteInt64LittleEndian(s[16..], f.PublishedTicks);
        BinaryPrimitives.WriteUInt16LittleEndian(s[24..], (ushort)f.FieldIds.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(s[26..], (ushort)f.MethodIds.Length);
        var at = FixedLength;
        foreach (var id in f.FieldIds.Concat(f.MethodIds))
        {
            BinaryPrimitives.WriteInt32LittleEndian(s[at..], id);
            at += 4;
        }
        return bytes;
    }

    private const int FixedLength = 28;

    public static CaseFacts Decode(ReadOnlySpan<byte> s)
    {
        var fields = new int[BinaryPrimitives.ReadUInt16LittleEndian(s[24..])];
        var methods = new int[BinaryPrimitives.ReadUInt16LittleEndian(s[26..])];
        var at = FixedLength;
        for (var i = 0; i < fields.Length; i++, at += 4)
            fields[i] = BinaryPrimitives.ReadInt32LittleEndian(s[at..]);
        for (var i = 0; i < methods.Length; i++, at += 4)
            methods[i] = BinaryPrimitives.ReadInt32LittleEndian(s[at..]);
        return new CaseFacts(
            BinaryPrimitives.ReadInt32LittleEndian(s), BinaryPrimitives.ReadInt32LittleEndian(s[4..]),
            s[8], s[9], s[10], s[11] == 1,
            BinaryPrimitives.ReadInt16LittleEndian(s[12..]), BinaryPrimitives.ReadInt16LittleEndian(s[14..]),
            BinaryPrimitives.ReadInt64LittleEndian(s[16..]), fields, methods);
    }
}

/// <summary>A case's filterable facts as indexed; <see cref="EndYear"/> 0 means ongoing, <see cref="Prefecture"/> 0 unknown.</summary>
public sealed record CaseFacts(int Id, int TenantId, byte Type, byte Prefecture, byte Kind, bool HasAttachments,
    short StartYear, short EndYear, long PublishedTicks, int[] FieldIds, int[] MethodIds);
