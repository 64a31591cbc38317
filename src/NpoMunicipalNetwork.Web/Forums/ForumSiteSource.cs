using Lucene.Net.Documents;
using NpoMunicipalNetwork.Search.Site;
using NpoMunicipalNetwork.Search;

namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// Forums in the site search, one document per edition holding its sessions (titles, descriptions,
/// chairs, rooms, speakers): the forum page at <c>/forums/{edition}</c> is where every session is
/// shown, so that is where a match leads. Every edition is public (the archive lists them all).
/// </summary>
public sealed class ForumSiteSource : ISearchSource
{
    public string ContentType => SiteContentTypes.Forum;

    public Task<int> CountAsync(NetworkDbContext db, CancellationToken ct) => db.Forums.CountAsync(ct);

    public async Task<IReadOnlyList<int>> AllIdsAsync(NetworkDbContext db, CancellationToken ct) =>
        await db.Forums.OrderBy(f => f.Id).Select(f => f.Id).ToListAsync(ct);

    public async Task<IReadOnlyDictionary<int, Document>> LoadAsync(NetworkDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var forums = await db.Forums.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync(ct);
        var sessions = (await db.ForumSessions.AsNoTracking().Where(s => ids.Contains(s.ForumId))
            .OrderBy(s => s.Date).ThenBy(s => s.StartTime).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.ForumId, s.Title, s.Description, s.Chair, s.Room,
                Speakers = db.Set<ForumSessionSpeaker>().Where(x => x.SessionId == s.Id).OrderBy(x => x.Order)
                    .Select(x => x.Speaker!.Name + " " + (x.Speaker.Affiliation ?? "")).ToList(),
            }).ToListAsync(ct)).ToLookup(s => s.ForumId);
        return forums.ToDictionary(f => f.Id, f => SiteDocument.Create(new SiteEntry(
            SiteKind.Forum, f.Id, 0, f.Title,
            string.Join("\n\n", new[] { f.Summary, f.VenueName, f.VenueAddress }
                .Concat(sessions[f.Id].SelectMany(s => new[] { s.Title, s.Description, s.Chair, s.Room }.Concat(s.Speakers)))
                .Where(t => !string.IsNullOrWhiteSpace(t))),
            $"/forums/{f.Edition}",
            // A forum's date is its first day, held in Japan: midnight JST.
            f.StartsOn is { } day ? JapanTime.StartOfDayUtc(day) : null,
            Context: $"第{f.Edition}回・{JapaneseEra.FormatFiscalYear(f.FiscalYear)}")));
    }

    public Task<IReadOnlyList<int>> AffectedByAsync(NetworkDbContext db, string contentType, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<int>>([]);
}
