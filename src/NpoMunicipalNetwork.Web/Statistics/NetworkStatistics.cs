using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Forums;
using NpoMunicipalNetwork.Members;

namespace NpoMunicipalNetwork.Statistics;

/// <summary>
/// The counts behind the statistics page, each as the bars of one chart. Members are the current
/// members (joined and not left as of today); cases are the published cases of active member sites
/// (<see cref="PublishedCases"/>), so a draft or a closed case is never counted.
/// </summary>
public static class NetworkStatistics
{
    private static IQueryable<Membership> CurrentMembers(NetworkDbContext db, DateOnly today) =>
        db.Memberships.AsNoTracking().Where(m => m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today));

    /// <summary>Current members by the fiscal year they joined, every year from the first to the last shown (zeros included).</summary>
    public static async Task<IReadOnlyList<ChartBar>> MembersByYearJoinedAsync(NetworkDbContext db, DateOnly today, CancellationToken ct)
    {
        var joined = await CurrentMembers(db, today).Select(m => m.JoinedOn).ToListAsync(ct);
        return Years(joined.Select(JapaneseEra.FiscalYearOf).ToList());
    }

    public static async Task<IReadOnlyList<ChartBar>> MembersByKindAsync(NetworkDbContext db, DateOnly today, CancellationToken ct)
    {
        var kinds = await CurrentMembers(db, today).Where(m => m.Government != null).Select(m => m.Government!.Kind).ToListAsync(ct);
        return Enum.GetValues<GovernmentKind>().Select(k => new ChartBar(k.Japanese(), kinds.Count(x => x == k))).ToList();
    }

    public static async Task<IReadOnlyList<ChartBar>> MembersByRegionAsync(NetworkDbContext db, DateOnly today, CancellationToken ct)
    {
        var regions = (await CurrentMembers(db, today).Where(m => m.Government != null).Select(m => m.Government!.PrefectureCode).ToListAsync(ct))
            .Select(Regions.Of).ToList();
        return Regions.All.Select(r => new ChartBar(r, regions.Count(x => x == r))).ToList();
    }

    /// <summary>Published cases by the fiscal year they started.</summary>
    public static async Task<IReadOnlyList<ChartBar>> CasesByStartYearAsync(NetworkDbContext db, CancellationToken ct) =>
        Years(await PublishedCases.All(db).Select(c => c.StartFiscalYear).ToListAsync(ct));

    /// <summary>Published cases per policy field (政策分野); a case with several fields counts in each.</summary>
    public static async Task<IReadOnlyList<ChartBar>> CasesByFieldAsync(NetworkDbContext db, CancellationToken ct)
    {
        var counts = await PublishedCases.All(db).SelectMany(c => c.Fields).GroupBy(f => f.PolicyFieldId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var fields = await db.PolicyFields.AsNoTracking().OrderBy(f => f.Order).ThenBy(f => f.Id).ToListAsync(ct);
        return fields.Where(f => !f.IsRetired || counts.ContainsKey(f.Id)).Select(f => new ChartBar(f.Name, counts.GetValueOrDefault(f.Id))).ToList();
    }

    public static async Task<IReadOnlyList<ChartBar>> CasesByRelationshipTypeAsync(NetworkDbContext db, CancellationToken ct)
    {
        var types = await PublishedCases.All(db).Select(c => c.RelationshipType).ToListAsync(ct);
        return RelationshipTypeNames.All.Select(t => new ChartBar(t.Japanese(), types.Count(x => x == t))).ToList();
    }

    /// <summary>
    /// Confirmed registrations per forum edition. The forums feature (registrations) is not on this
    /// branch yet: this returns null, and the page says the chart comes with the forums feature.
    /// Fill it from the confirmed registrations once Forums/ is merged.
    /// </summary>
    public static async Task<IReadOnlyList<ChartBar>?> ForumAttendanceAsync(NetworkDbContext db, CancellationToken ct)
    {
        // Confirmed registrations per edition; editions held before online registration have none and are left out.
        var rows = await db.Forums.AsNoTracking().OrderBy(f => f.Edition)
            .Select(f => new { f.Edition, f.FiscalYear, Count = db.Set<Registration>().Count(r => r.ForumId == f.Id && r.Status == Forums.RegistrationStatus.Confirmed) })
            .ToListAsync(ct);
        var bars = rows.Where(r => r.Count > 0).Select(r => new ChartBar($"第{r.Edition}回（{r.FiscalYear}年度）", r.Count)).ToList();
        return bars.Count == 0 ? null : bars;
    }

    /// <summary>One bar per fiscal year from the first to the last in <paramref name="years"/>, so a gap shows as zero.</summary>
    private static IReadOnlyList<ChartBar> Years(IReadOnlyList<int> years)
    {
        if (years.Count == 0)
            return [];
        var counts = years.GroupBy(y => y).ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(years.Min(), years.Max() - years.Min() + 1)
            .Select(y => new ChartBar(y.ToString(System.Globalization.CultureInfo.InvariantCulture), counts.GetValueOrDefault(y))).ToList();
    }
}
