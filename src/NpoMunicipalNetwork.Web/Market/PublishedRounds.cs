using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Market;

/// <summary>Where a round's call stands, from the server clock: 受付前 / 受付中 / 締切済.</summary>
public enum CallStatus
{
    Upcoming,
    Open,
    Closed,
}

public static class CallStatuses
{
    /// <summary>Open from <c>opens</c> up to and including the second of <c>closes</c>; the deadline is that second, not the day.</summary>
    public static CallStatus Of(MarketRound r, DateTime nowUtc) =>
        nowUtc < r.OpensUtc ? CallStatus.Upcoming : nowUtc <= r.ClosesUtc ? CallStatus.Open : CallStatus.Closed;

    public static string Japanese(this CallStatus s) => s switch
    {
        CallStatus.Upcoming => "受付前",
        CallStatus.Open => "受付中",
        _ => "締切済",
    };

    public static string Code(this CallStatus s) => s.ToString().ToLowerInvariant();
}

/// <summary>A published round with its site, as the public pages and the proposal screens read it.</summary>
public sealed record RoundOnSite(MarketRound Round, string SiteName, string SiteDisplayName, string? PrefectureCode)
{
    public string Path => $"/{SiteName}/market/{Round.Id}";
}

/// <summary>
/// The one place that reads rounds across sites. It bypasses the tenant filter on purpose and so returns only what
/// is public: published rounds of active member sites.
/// </summary>
public static class PublishedRounds
{
    public static IQueryable<MarketRound> All(NetworkDbContext db) =>
        db.MarketRounds.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.IsPublished)
            .Where(r => db.Tenants.Any(t => t.Id == r.TenantId && t.Status == TenantStatus.Active && !t.IsHub));

    /// <summary>What this site shows: the hub every member's, a member site its own.</summary>
    public static IQueryable<MarketRound> Visible(NetworkDbContext db, TenantContext tenant) =>
        tenant.Tenant.IsHub ? All(db) : All(db).Where(r => r.TenantId == tenant.TenantId);

    public static async Task<List<RoundOnSite>> WithSitesAsync(IQueryable<MarketRound> rounds, NetworkDbContext db, CancellationToken ct)
    {
        var rows = await rounds
            .Select(r => new
            {
                Round = r,
                Site = db.Tenants.Where(t => t.Id == r.TenantId).Select(t => new { t.Name, t.DisplayName, t.MemberCode }).First(),
            })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.Site.MemberCode).OfType<string>().Distinct().ToList();
        var prefectures = await db.Governments.AsNoTracking().Where(g => codes.Contains(g.Code)).ToDictionaryAsync(g => g.Code, g => g.PrefectureCode, ct);
        return rows.Select(r => new RoundOnSite(r.Round, r.Site.Name, r.Site.DisplayName,
            r.Site.MemberCode is { } c && prefectures.TryGetValue(c, out var p) ? p : null)).ToList();
    }

    public static async Task<RoundOnSite?> FindAsync(NetworkDbContext db, int id, CancellationToken ct) =>
        (await WithSitesAsync(All(db).Where(r => r.Id == id), db, ct)).SingleOrDefault();
}
