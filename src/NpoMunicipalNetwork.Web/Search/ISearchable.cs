namespace NpoMunicipalNetwork.Search;

/// <summary>
/// An entity whose insert, update or delete changes what a search source indexes. Saving one writes a
/// <see cref="SearchChange"/> in the same transaction (see <see cref="SearchChangeLog"/>), so every
/// instance's index learns about it from the database. Child rows name their parent
/// (a case's field row says "PolicyCase 12"); implement it explicitly so EF Core maps no column.
/// </summary>
public interface ISearchable
{
    string SearchContentType { get; }

    int SearchContentId { get; }
}

/// <summary>
/// A searchable entity that is updated far more often than its indexed text changes (a board topic's
/// post count and last activity move with every reply): an update writes a change line only when one
/// of these properties changed. Inserts and deletes always do.
/// </summary>
public interface ISearchedProperties
{
    IReadOnlyCollection<string> SearchedProperties { get; }
}
