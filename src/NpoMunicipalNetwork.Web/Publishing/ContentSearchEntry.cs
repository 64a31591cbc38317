namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// What a content type puts into the site search for one published item (its live copy): the title, the plain
/// text to match and quote, the item's path inside its own site, the date a result shows, and an optional line of
/// context (a report's fiscal year). The search feature turns it into its own document; the core names no index.
/// </summary>
public sealed record ContentSearchEntry(string Title, string Text, string Path, DateTime? DateUtc, string? Context = null);

/// <summary>A published item's entry with the site it belongs to.</summary>
public sealed record ContentSearchRow(int Id, int TenantId, ContentSearchEntry Entry);
