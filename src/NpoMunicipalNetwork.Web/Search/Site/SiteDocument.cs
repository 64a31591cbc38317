using Lucene.Net.Documents;

namespace NpoMunicipalNetwork.Search.Site;

/// <summary>
/// One result of the site search as the sources describe it. <see cref="Path"/> is the item's path
/// inside its own site (<c>/pages/about</c>); the search page puts the site's prefix in front.
/// <see cref="TenantId"/> 0 is the network itself (forums, boards), shown as the hub.
/// <see cref="Audience"/> is the board category id of a post (whoever may read that category may find it), 0 for everything public.
/// </summary>
public sealed record SiteEntry(SiteKind Kind, int Id, int TenantId, string Title, string Text, string Path, DateTime? DateUtc, int Audience = 0, string? Context = null);

/// <summary>
/// How a <see cref="SiteEntry"/> is written into the shared index. Every field name starts with
/// <c>site_</c>, so the case search (which queries <c>text</c> and decodes <c>case</c> doc values)
/// never sees these documents, and this search never sees the case search's. The title and text are
/// stored so a result page needs no database read for its snippets; kind, site, audience and date are
/// doc values the collector reads per segment without loading documents.
/// </summary>
public static class SiteDocument
{
    public const string Title = "site_title";
    public const string Text = "site_text";
    public const string Kind = "site_kind";
    public const string Tenant = "site_tenant";
    public const string Audience = "site_audience";
    public const string Date = "site_date";
    public const string Path = "site_path";
    public const string Context = "site_context";
    public const string Id = "site_id";

    /// <summary>A title match adds this much to the score of a text match, as in the case search.</summary>
    public static readonly IReadOnlyDictionary<string, float> Boosts = new Dictionary<string, float> { [Title] = 3f };

    public static Document Create(SiteEntry e)
    {
        var doc = new Document
        {
            new TextField(Title, e.Title, Field.Store.YES),
            // The title is part of the text so a word found only in the title still matches.
            new TextField(Text, e.Title + "\n\n" + e.Text, Field.Store.YES),
            new NumericDocValuesField(Kind, (long)e.Kind),
            new NumericDocValuesField(Tenant, e.TenantId),
            new NumericDocValuesField(Audience, e.Audience),
            new NumericDocValuesField(Date, e.DateUtc?.Ticks ?? 0),
            new StoredField(Path, e.Path),
            new StoredField(Id, e.Id),
        };
        if (e.Context is { Length: > 0 } context)
            doc.Add(new StoredField(Context, context));
        return doc;
    }

    /// <summary>The body text as stored: the title was put first for matching; snippets quote the rest.</summary>
    public static string Body(string title, string stored) =>
        stored.StartsWith(title + "\n\n", StringComparison.Ordinal) ? stored[(title.Length + 2)..] : stored;
}
