using NpoMunicipalNetwork.Cases;

namespace NpoMunicipalNetwork.Search.Cases;

/// <summary><see cref="ICaseFinder"/> on this instance's search index.</summary>
public sealed class LuceneCaseFinder(CaseSearch search, NetworkDbContext db) : ICaseFinder
{
    public async Task<IReadOnlyList<int>> FindIdsAsync(CaseQuery q, int max, CancellationToken ct)
    {
        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var result = await search.RunAsync(q, vocabulary, 0, max, ct);
        return result.Ids;
    }
}
