namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// Finds published cases for a <see cref="CaseQuery"/> (text and filters) the way the hub's search
/// page does. Exports and other features call this; the search index implements it.
/// </summary>
public interface ICaseFinder
{
    /// <summary>
    /// Ids of every matching case (at most <paramref name="max"/>) in the query's sort order; paging
    /// of the query is ignored.
    /// </summary>
    Task<IReadOnlyList<int>> FindIdsAsync(CaseQuery q, int max, CancellationToken ct);
}
