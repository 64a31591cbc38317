using Lucene.Net.Documents;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// A kind of content the search index holds (policy cases now; pages, news and board posts later).
/// A source decides what may be found: <see cref="LoadAsync"/> returns documents only for content the
/// public may see, and the index removes every other id it is asked about. Content for a narrower
/// audience (members only) would add an audience field to its documents and a filter to its searcher.
/// </summary>
public interface ISearchSource
{
    /// <summary>The <see cref="SearchChange.ContentType"/> of this source's own rows.</summary>
    string ContentType { get; }

    /// <summary>How many documents a rebuild will write (for the progress bar and the "empty index" check).</summary>
    Task<int> CountAsync(NetworkDbContext db, CancellationToken ct);

    /// <summary>Ids of everything a rebuild indexes, in ascending order.</summary>
    Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct);

    /// <summary>Documents of the given ids that may be found; an id without a document is removed from the index.</summary>
    Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct);

    /// <summary>
    /// Ids of this source's content affected by a change to another type (a site disabled or
    /// re-enabled changes whether its cases may be found); empty when the type does not concern it.
    /// </summary>
    Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct);
}
