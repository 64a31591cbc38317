namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// Finds published cases for a <see cref="CaseQuery"/>: the ids of every match (up to <paramref name="max"/>),
/// in the query's sort order. The search index answers it in production; exports and other readers go
/// through this seam so they list exactly what the search page finds.
/// </summary>
public interface ICaseFinder
{
    Task<IReadOnlyList<int>> FindIdsAsync(CaseQuery q, int max, CancellationToken ct);
}
