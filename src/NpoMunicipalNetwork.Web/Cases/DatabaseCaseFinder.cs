
namespace NpoMunicipalNetwork.Cases;

/// <summary>
/// The finder without a search index: the facet filters of <see cref="PublishedCases.Filter"/> plus a
/// plain substring match of the text over title, summary, sections and partner names. It has no notion
/// of relevance, so "relevance" falls back to newest first. Good enough for small databases and as the
/// reference the index is tested against.
/// </summary>
public sealed class DatabaseCaseFinder(NetworkDbContext db) : ICaseFinder
{
    public async Task<IReadOnlyList<int>> FindIdsAsync(CaseQuery q, int max, CancellationToken ct)
    {
        var cases = PublishedCases.Filter(db, q);
        if (q.Text is { } text)
            foreach (var word in text.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries))
                cases = cases.Where(c => c.Title.Contains(word) || c.Summary.Contains(word) || c.Background.Contains(word)
                    || c.Activities.Contains(word) || c.PartnersAndRoles.Contains(word) || c.Outcomes.Contains(word)
                    || c.Lessons.Contains(word) || c.Partners.Any(p => p.Name.Contains(word)));
        cases = q.Sort == CaseSort.FiscalYear
            ? cases.OrderByDescending(c => c.StartFiscalYear).ThenByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id)
            : cases.OrderByDescending(c => c.PublishedUtc).ThenByDescending(c => c.Id);
        return await cases.Select(c => c.Id).Take(max).ToListAsync(ct);
    }
}
